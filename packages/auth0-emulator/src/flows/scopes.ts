/** Which scopes a user-facing token gets, and for which audience. */
import type { EmulatorContext } from '../context.js';

/** OpenID Connect scopes (no refresh tokens: `offline_access` is accepted and ignored). */
export const OIDC_SCOPES = ['openid', 'profile', 'email'];

/** What a user-scoped Management API token may hold (Auth0's current_user scopes). */
export const CURRENT_USER_SCOPES = [
  'read:current_user',
  'update:current_user_identities',
  'create:current_user_metadata',
  'update:current_user_metadata',
  'delete:current_user_metadata',
  'create:current_user_device_credentials',
  'delete:current_user_device_credentials',
];

/** Splits a space-separated scope parameter. */
export function parseScope(scope: string | undefined): string[] {
  return (scope ?? '').split(/\s+/).filter(Boolean);
}

/** Whether `audience` is this emulator's Management API (any accepted spelling). */
export function isManagementAudience(ctx: EmulatorContext, audience: string): boolean {
  return ctx.managementAudiences.has(audience);
}

/** Whether `audience` names an API of this tenant. */
export function knownAudience(ctx: EmulatorContext, audience: string): boolean {
  return isManagementAudience(ctx, audience) || ctx.tenant.resourceServers.some((api) => api.identifier === audience);
}

/** The scopes granted to a user token: requested OIDC scopes plus the API scopes the audience allows. */
export function grantedUserScopes(ctx: EmulatorContext, requested: readonly string[], audience: string | undefined): string[] {
  const oidc = requested.filter((scope) => OIDC_SCOPES.includes(scope));
  if (audience === undefined) return oidc;
  const allowed = isManagementAudience(ctx, audience) ? CURRENT_USER_SCOPES : (ctx.tenant.resourceServers.find((api) => api.identifier === audience)?.scopes ?? []);
  return [...oidc, ...requested.filter((scope) => allowed.includes(scope))];
}

/** `aud` of a user access token: the API (and /userinfo when `openid` was granted), or /userinfo alone. */
export function userTokenAudience(ctx: EmulatorContext, scopes: readonly string[], audience: string | undefined): string | string[] {
  const userinfo = `${ctx.issuer}userinfo`;
  if (audience === undefined) return userinfo;
  return scopes.includes('openid') ? [audience, userinfo] : audience;
}
