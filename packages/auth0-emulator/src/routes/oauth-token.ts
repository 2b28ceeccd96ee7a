/**
 * POST /oauth/token: authenticates the client, then hands over to the grant (authorization_code
 * with PKCE, password-realm / password, client_credentials). Errors are OAuth's
 * `{ error, error_description }` with Auth0's statuses and texts.
 */
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import { oauthError } from '../errors.js';
import { authorizationCodeGrant } from '../grants/authorization-code.js';
import { clientCredentials, unauthorized } from '../grants/client-auth.js';
import { clientCredentialsGrant } from '../grants/client-credentials.js';
import { PASSWORD_REALM, passwordGrant } from '../grants/password.js';
import { param, readBody, type Env } from '../http/request.js';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function oauthTokenRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();

  app.post('/oauth/token', async (c) => {
    const body = await readBody(c);
    const grantType = param(body, 'grant_type');
    if (!grantType) throw oauthError(400, 'invalid_request', 'Missing required parameter: grant_type');
    const { clientId, secret } = clientCredentials(c, body);
    if (!clientId) throw oauthError(401, 'access_denied', 'Missing required parameter: client_id');
    const client = ctx.client(clientId);
    if (!client) throw unauthorized();

    switch (grantType) {
      case 'client_credentials':
        return c.json(await clientCredentialsGrant(ctx, client, secret, body), 200, NO_STORE);
      case 'authorization_code':
        return c.json(await authorizationCodeGrant(ctx, client, secret, body), 200, NO_STORE);
      case PASSWORD_REALM:
      case 'password':
        return c.json(await passwordGrant(ctx, c, client, secret, body, grantType), 200, NO_STORE);
      default:
        throw oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`);
    }
  });

  return app;
}
