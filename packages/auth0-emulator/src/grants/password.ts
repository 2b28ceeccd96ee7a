/**
 * The password and password-realm grants: credentials checked on the realm's connection, the login
 * counted, post-login Actions run (they may deny; they cannot redirect), tokens issued.
 */
import type { Context } from 'hono';
import { buildPostLoginEvent } from '../actions/event.js';
import { runPostLoginActions, type CollectedClaims } from '../actions/runner.js';
import type { EmulatorContext } from '../context.js';
import { oauthError } from '../errors.js';
import { authenticate, recordLogin } from '../flows/authenticate.js';
import { issueUserTokens, type IssuedTokens } from '../flows/issue.js';
import { applyActionMetadata, randomId } from '../flows/login.js';
import { grantedUserScopes, knownAudience, parseScope } from '../flows/scopes.js';
import { param, requestInfo, type Env } from '../http/request.js';
import type { Client } from '../tenant/types.js';
import { checkSecret, requireGrantType } from './client-auth.js';

export const PASSWORD_REALM = 'http://auth0.com/oauth/grant-type/password-realm';

export async function passwordGrant(ctx: EmulatorContext, c: Context<Env>, client: Client, secret: string | undefined, body: Record<string, unknown>, grantType: string): Promise<IssuedTokens> {
  requireGrantType(client, PASSWORD_REALM, 'password');
  checkSecret(client, secret, false);
  const username = param(body, 'username');
  const password = param(body, 'password');
  if (!username) throw oauthError(400, 'invalid_request', 'Missing required parameter: username');
  if (!password) throw oauthError(400, 'invalid_request', 'Missing required parameter: password');
  const realm = param(body, 'realm');
  if (grantType === PASSWORD_REALM && !realm) throw oauthError(400, 'invalid_request', 'Missing required parameter: realm');
  const connectionName = realm ?? ctx.tenant.connections.find((con) => con.enabled_clients.includes(client.client_id))?.name;
  const connection = connectionName === undefined ? undefined : ctx.connection(connectionName);
  if (!connection || !connection.enabled_clients.includes(client.client_id)) {
    throw oauthError(400, 'invalid_request', `connection not found or not enabled for this client: ${connectionName ?? '(none)'}`);
  }
  const audience = param(body, 'audience') || undefined;
  if (audience !== undefined && !knownAudience(ctx, audience)) throw oauthError(403, 'access_denied', `Service not found: ${audience}`);

  const result = await authenticate(ctx, connection.name, username, password);
  if (!result.ok) {
    throw result.reason === 'blocked' ? oauthError(401, 'unauthorized', 'user is blocked') : oauthError(403, 'invalid_grant', 'Wrong email or password.');
  }
  const info = requestInfo(c, body);
  const user = await recordLogin(ctx, result.user, info.ip);
  const requested = parseScope(param(body, 'scope'));
  const claims: CollectedClaims = { idToken: {}, accessToken: {} };
  const authenticatedAt = new Date(ctx.now()).toISOString();
  const outcome = await runPostLoginActions({
    actions: ctx.actionsFor('post-login'),
    startIndex: 0,
    resume: false,
    event: (action) =>
      buildPostLoginEvent(
        ctx,
        {
          user: ctx.store.users.get(user.user_id) ?? user,
          clientId: client.client_id,
          connection: connection.name,
          info,
          protocol: 'oauth2-password',
          scopes: requested,
          audience,
          authenticatedAt,
        },
        action,
      ),
    applyMetadata: (changes) => applyActionMetadata(ctx, user.user_id, changes),
    claims,
    state: randomId(),
    redirectAllowed: false,
    continueParams: {},
    nowSeconds: () => Math.floor(ctx.now() / 1000),
    domain: ctx.tenant.domain,
    userId: user.user_id,
    ip: info.ip,
  });
  if (outcome.type === 'denied') throw oauthError(403, 'access_denied', outcome.reason);
  if (outcome.type === 'failed') throw oauthError(403, outcome.error, outcome.description);
  return issueUserTokens(ctx, {
    user: ctx.store.users.get(user.user_id) ?? user,
    clientId: client.client_id,
    scopes: grantedUserScopes(ctx, requested, audience),
    audience,
    claims,
    accessToken: true,
    idToken: true,
    grantType: 'password',
  });
}
