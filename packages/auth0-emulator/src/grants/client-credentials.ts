/** The client_credentials grant: machine clients, only for APIs they have a grant for, scopes within it. */
import type { EmulatorContext } from '../context.js';
import { oauthError } from '../errors.js';
import { isManagementAudience, knownAudience, parseScope } from '../flows/scopes.js';
import { param } from '../http/request.js';
import type { Client } from '../tenant/types.js';
import { issueAccessToken } from '../tokens.js';
import { checkSecret, requireGrantType } from './client-auth.js';

export async function clientCredentialsGrant(ctx: EmulatorContext, client: Client, secret: string | undefined, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  requireGrantType(client, 'client_credentials');
  checkSecret(client, secret, true);
  const audience = param(body, 'audience');
  if (!audience) throw oauthError(403, 'access_denied', 'No audience parameter was provided, and no default audience has been configured');
  if (!knownAudience(ctx, audience)) throw oauthError(403, 'access_denied', `Service not found: ${audience}`);
  const grant = client.grants.find((g) => g.audience === audience || (isManagementAudience(ctx, audience) && isManagementAudience(ctx, g.audience)));
  if (!grant) {
    throw oauthError(403, 'access_denied', `Client is not authorized to access "${audience}". You need to create a "client-grant" associated to this API.`);
  }
  const requested = parseScope(param(body, 'scope'));
  const missing = requested.filter((scope) => !grant.scope.includes(scope));
  if (missing.length > 0) throw oauthError(403, 'access_denied', `Client has not been granted scopes: ${missing.join(', ')}`);
  const scopes = requested.length > 0 ? requested : [...grant.scope];
  const lifetime = ctx.tenant.settings.access_token_lifetime;
  const accessToken = await issueAccessToken(ctx.tokens, {
    subject: `${client.client_id}@clients`,
    audience,
    scope: scopes,
    clientId: client.client_id,
    lifetimeSeconds: lifetime,
    grantType: 'client-credentials',
  });
  return { access_token: accessToken, scope: scopes.join(' '), expires_in: lifetime, token_type: 'Bearer' };
}
