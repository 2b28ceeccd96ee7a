/** Issuing a user's tokens, shared by /authorize (implicit), /oauth/token and the password grant. */
import type { CollectedClaims } from '../actions/runner.js';
import type { EmulatorContext } from '../context.js';
import type { StoredUser } from '../store/types.js';
import { issueAccessToken, issueIdToken } from '../tokens.js';
import { oidcClaims } from '../users.js';
import { userTokenAudience } from './scopes.js';

export interface UserTokenRequest {
  readonly user: StoredUser;
  readonly clientId: string;
  /** Granted scopes (already intersected with what the audience allows). */
  readonly scopes: readonly string[];
  readonly audience?: string | undefined;
  readonly nonce?: string | undefined;
  readonly claims: CollectedClaims;
  readonly sessionId?: string | undefined;
  readonly accessToken: boolean;
  /** An ID token is issued when asked for and `openid` was granted. */
  readonly idToken: boolean;
  readonly grantType?: string | undefined;
}

export interface IssuedTokens {
  access_token?: string;
  id_token?: string;
  scope: string;
  expires_in: number;
  token_type: 'Bearer';
}

export async function issueUserTokens(ctx: EmulatorContext, request: UserTokenRequest): Promise<IssuedTokens> {
  const lifetime = ctx.tenant.settings.access_token_lifetime;
  const result: IssuedTokens = { scope: request.scopes.join(' '), expires_in: lifetime, token_type: 'Bearer' };
  if (request.accessToken) {
    result.access_token = await issueAccessToken(ctx.tokens, {
      subject: request.user.user_id,
      audience: userTokenAudience(ctx, request.scopes, request.audience),
      scope: request.scopes,
      clientId: request.clientId,
      lifetimeSeconds: lifetime,
      grantType: request.grantType,
      customClaims: request.claims.accessToken,
    });
  }
  if (request.idToken && request.scopes.includes('openid')) {
    result.id_token = await issueIdToken(ctx.tokens, {
      subject: request.user.user_id,
      clientId: request.clientId,
      lifetimeSeconds: ctx.tenant.settings.id_token_lifetime,
      claims: oidcClaims(request.user, request.scopes, ctx.issuer),
      nonce: request.nonce,
      accessToken: result.access_token,
      sessionId: request.sessionId,
      customClaims: request.claims.idToken,
    });
  }
  return result;
}
