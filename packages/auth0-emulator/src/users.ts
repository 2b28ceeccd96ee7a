/** Building users and the views Auth0 gives of them (Management API, signup answer, OIDC claims). */
import { hashPassword } from './passwords/hash.js';
import { providerOf } from './social/strategies.js';
import { newUserId } from './store/users.js';
import type { StoredUser } from './store/types.js';

/** What any creation path (signup, seed, Management API) provides. */
export interface NewUser {
  connection: string;
  email: string;
  password: string;
  user_id?: string | undefined;
  username?: string | undefined;
  email_verified?: boolean | undefined;
  given_name?: string | undefined;
  family_name?: string | undefined;
  name?: string | undefined;
  nickname?: string | undefined;
  picture?: string | undefined;
  blocked?: boolean | undefined;
  user_metadata?: Record<string, unknown> | undefined;
  app_metadata?: Record<string, unknown> | undefined;
}

/** A stored user with Auth0's defaults (name = email, nickname = email local part) and a hashed password. */
export async function buildUser(input: NewUser, now: Date): Promise<StoredUser> {
  const at = now.toISOString();
  const user: StoredUser = {
    user_id: input.user_id ?? newUserId(),
    connection: input.connection,
    email: input.email,
    email_verified: input.email_verified ?? false,
    name: input.name ?? input.email,
    nickname: input.nickname ?? input.email.split('@')[0] ?? input.email,
    picture: input.picture ?? '',
    user_metadata: input.user_metadata ?? {},
    app_metadata: input.app_metadata ?? {},
    password_hash: await hashPassword(input.password),
    created_at: at,
    updated_at: at,
    logins_count: 0,
  };
  if (input.username !== undefined) user.username = input.username;
  if (input.given_name !== undefined) user.given_name = input.given_name;
  if (input.family_name !== undefined) user.family_name = input.family_name;
  if (input.blocked !== undefined) user.blocked = input.blocked;
  return user;
}

/** The user's one identity, as Auth0 lists it: provider from the id's prefix, social unless `auth0`. */
export function identityOf(user: StoredUser): { connection: string; user_id: string; provider: string; isSocial: boolean } {
  const provider = providerOf(user.user_id);
  return { connection: user.connection, user_id: bareId(user.user_id), provider, isSocial: provider !== 'auth0' };
}

/** The id without its provider prefix (`auth0|abc` -> `abc`), as in identities and the signup `_id`. */
export function bareId(userId: string): string {
  return userId.slice(userId.indexOf('|') + 1);
}

/**
 * The picture URL. Auth0 points at gravatar, which needs the internet; the emulator serves a
 * generated avatar itself so nothing leaves the machine.
 */
export function pictureOf(user: StoredUser, issuer: string): string {
  if (user.picture) return user.picture;
  const initials =
    (user.nickname || user.email)
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 2)
      .toLowerCase() || 'u';
  return `${issuer}avatars/${initials}.svg`;
}

/** The user as GET /api/v2/users/{id} returns it. Empty metadata objects are omitted, as Auth0 does. */
export function managementView(user: StoredUser, issuer: string): Record<string, unknown> {
  const view: Record<string, unknown> = {
    created_at: user.created_at,
    email: user.email,
    email_verified: user.email_verified,
    identities: [identityOf(user)],
    name: user.name,
    nickname: user.nickname,
    picture: pictureOf(user, issuer),
    updated_at: user.updated_at,
    user_id: user.user_id,
  };
  if (user.username !== undefined) view.username = user.username;
  if (user.given_name !== undefined) view.given_name = user.given_name;
  if (user.family_name !== undefined) view.family_name = user.family_name;
  if (Object.keys(user.user_metadata).length > 0) view.user_metadata = user.user_metadata;
  if (Object.keys(user.app_metadata).length > 0) view.app_metadata = user.app_metadata;
  if (user.blocked !== undefined) view.blocked = user.blocked;
  if (user.last_ip !== undefined) view.last_ip = user.last_ip;
  if (user.last_login !== undefined) view.last_login = user.last_login;
  if (user.logins_count > 0) view.logins_count = user.logins_count;
  return view;
}

/** Applies the Management API's `fields` / `include_fields` query parameters. */
export function selectFields(view: Record<string, unknown>, fields: string | undefined, includeFields: string | undefined): Record<string, unknown> {
  if (!fields) return view;
  const names = fields
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const include = includeFields !== 'false';
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(view)) {
    if (names.includes(key) === include) result[key] = value;
  }
  return result;
}

/** The 200 body of /dbconnections/signup: `{ _id, email_verified, email, ...root fields }`. */
export function signupView(user: StoredUser): Record<string, unknown> {
  const view: Record<string, unknown> = { _id: bareId(user.user_id), email_verified: user.email_verified, email: user.email };
  if (user.username !== undefined) view.username = user.username;
  if (user.given_name !== undefined) view.given_name = user.given_name;
  if (user.family_name !== undefined) view.family_name = user.family_name;
  if (user.name !== user.email) view.name = user.name;
  if (user.picture) view.picture = user.picture;
  if (Object.keys(user.user_metadata).length > 0) view.user_metadata = user.user_metadata;
  return view;
}

/** OIDC standard claims for the scopes granted (`profile`, `email`), for ID tokens and /userinfo. */
export function oidcClaims(user: StoredUser, scopes: readonly string[], issuer: string): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  if (scopes.includes('profile')) {
    claims.nickname = user.nickname;
    claims.name = user.name;
    claims.picture = pictureOf(user, issuer);
    claims.updated_at = user.updated_at;
    if (user.given_name !== undefined) claims.given_name = user.given_name;
    if (user.family_name !== undefined) claims.family_name = user.family_name;
  }
  if (scopes.includes('email')) {
    claims.email = user.email;
    claims.email_verified = user.email_verified;
  }
  return claims;
}
