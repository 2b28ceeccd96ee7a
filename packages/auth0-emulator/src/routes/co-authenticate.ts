/**
 * POST /co/authenticate: cross-origin authentication (auth0-js `login`, Lock's login after
 * signup). Checks the credentials and returns a single-use login ticket that /authorize exchanges
 * for tokens. Only origins allowed for the client may call it.
 *
 * Auth0 also stores `co_verifier` in a cookie or a verification iframe and compares it at
 * /authorize; the emulator returns the verifier but trusts the ticket alone (single use, short-lived).
 */
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import { oauthError } from '../errors.js';
import { authenticate } from '../flows/authenticate.js';
import { randomId } from '../flows/login.js';
import { readBody, param, type Env } from '../http/request.js';
import { clientOrigins } from '../middleware/cors.js';

const PASSWORD_REALM = 'http://auth0.com/oauth/grant-type/password-realm';

export function coAuthenticateRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();

  app.post('/co/authenticate', async (c) => {
    const body = await readBody(c);
    const clientId = param(body, 'client_id');
    const client = clientId === undefined ? undefined : ctx.client(clientId);
    if (!client) throw oauthError(401, 'invalid_client', `Unknown client: ${clientId ?? '(missing client_id)'}`);
    const origin = c.req.header('origin');
    if (origin !== undefined && !clientOrigins(client).has(origin)) {
      throw oauthError(403, 'access_denied', `Origin ${origin} is not allowed.`);
    }
    const credentialType = param(body, 'credential_type');
    const realm = param(body, 'realm');
    if (credentialType !== PASSWORD_REALM && credentialType !== 'password') {
      throw oauthError(400, 'unsupported_credential_type', 'Unknown credential type parameter.');
    }
    if (!client.grant_types.includes(PASSWORD_REALM) && !client.grant_types.includes('password')) {
      throw oauthError(403, 'unauthorized_client', `Grant type '${PASSWORD_REALM}' not allowed for the client.`);
    }
    const connectionName = realm ?? ctx.tenant.connections.find((con) => con.enabled_clients.includes(client.client_id))?.name;
    const connection = connectionName === undefined ? undefined : ctx.connection(connectionName);
    if (!connection || !connection.enabled_clients.includes(client.client_id)) {
      throw oauthError(400, 'invalid_request', `connection not found or not enabled for this client: ${connectionName ?? '(none)'}`);
    }
    const username = param(body, 'username');
    const password = param(body, 'password');
    if (!username || !password) throw oauthError(400, 'invalid_request', 'Missing required parameter: username and password are required');

    const result = await authenticate(ctx, connection.name, username, password);
    if (!result.ok) {
      throw result.reason === 'blocked' ? oauthError(401, 'unauthorized', 'user is blocked') : oauthError(403, 'access_denied', 'Wrong email or password.');
    }
    const loginTicket = randomId();
    const coId = randomId(9);
    const coVerifier = randomId();
    ctx.tickets.set(loginTicket, { clientId: client.client_id, userId: result.user.user_id, connection: connection.name, coId, coVerifier });
    return c.json({ login_ticket: loginTicket, co_verifier: coVerifier, co_id: coId });
  });

  return app;
}
