/** The authorization_code grant: single-use codes, redirect URI check, PKCE (S256 / plain) or the client secret. */
import { createHash } from 'node:crypto';
import type { EmulatorContext } from '../context.js';
import { oauthError } from '../errors.js';
import { issueUserTokens, type IssuedTokens } from '../flows/issue.js';
import { param } from '../http/request.js';
import type { Client } from '../tenant/types.js';
import { checkSecret, requireGrantType, safeEqual } from './client-auth.js';

function pkceMatches(verifier: string, challenge: string, method: 'S256' | 'plain'): boolean {
  const computed = method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return safeEqual(computed, challenge);
}

export async function authorizationCodeGrant(ctx: EmulatorContext, client: Client, secret: string | undefined, body: Record<string, unknown>): Promise<IssuedTokens> {
  requireGrantType(client, 'authorization_code');
  const code = param(body, 'code');
  if (!code) throw oauthError(400, 'invalid_request', 'Missing required parameter: code');
  const record = ctx.codes.take(code);
  if (!record || record.clientId !== client.client_id) throw oauthError(403, 'invalid_grant', 'Invalid authorization code');
  const redirectUri = param(body, 'redirect_uri');
  if (redirectUri !== undefined && redirectUri !== record.redirectUri) throw oauthError(403, 'invalid_grant', 'Redirect URI mismatch');
  if (record.codeChallenge !== undefined) {
    const verifier = param(body, 'code_verifier');
    if (!verifier || !pkceMatches(verifier, record.codeChallenge, record.codeChallengeMethod ?? 'plain')) {
      throw oauthError(403, 'invalid_grant', 'Failed to verify code verifier');
    }
    checkSecret(client, secret, false);
  } else {
    // Without PKCE only a confidential client can redeem a code.
    checkSecret(client, secret, true);
  }
  const user = ctx.store.users.get(record.userId);
  if (!user) throw oauthError(403, 'invalid_grant', 'The user no longer exists');
  return issueUserTokens(ctx, {
    user,
    clientId: client.client_id,
    scopes: record.scopes,
    audience: record.audience,
    nonce: record.nonce,
    claims: record.claims,
    sessionId: record.sessionId,
    accessToken: true,
    idToken: true,
  });
}
