/**
 * POST /dbconnections/signup: Auth0's database signup, with its validation order and bodies:
 * client, connection, email, password, username, root fields, user_metadata, password policy,
 * existing user.
 */
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import { HttpError, oauthError, signupError } from '../errors.js';
import { registerUser, type RootFields } from '../flows/register.js';
import { validateSignupMetadata } from '../metadata.js';
import { readBody, requestInfo, type Env } from '../http/request.js';
import { signupView } from '../users.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ROOT_FIELDS = ['given_name', 'family_name', 'name', 'nickname', 'picture'] as const;
const ROOT_FIELD_MAX = 150;

function required(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (value === undefined || value === null || value === '') throw oauthError(400, 'invalid_request', `Missing required parameter: ${name}`);
  if (typeof value !== 'string') throw new HttpError(400, { error: `invalid ${name} type (expected string)` });
  return value;
}

export function signupRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();

  app.post('/dbconnections/signup', async (c) => {
    const body = await readBody(c);
    const clientId = required(body, 'client_id');
    const client = ctx.client(clientId);
    if (!client) throw oauthError(400, 'invalid_client', `Unknown client: ${clientId}`);

    const connectionName = required(body, 'connection');
    const connection = ctx.connection(connectionName);
    if (!connection) throw oauthError(400, 'invalid_request', `connection not found: ${connectionName}`);
    if (!connection.enabled_clients.includes(client.client_id)) {
      throw oauthError(
        400,
        'invalid_request',
        `Connection must be enabled for this client to perform single user creation and signup operations (client_id: ${client.client_id} - connection: ${connection.name})`,
      );
    }
    if (connection.strategy !== 'auth0') {
      throw oauthError(400, 'invalid_request', `connection is not a database connection: ${connection.name} (its users sign in with their identity provider)`);
    }
    if (connection.options.disable_signup) {
      throw signupError(400, 'BadRequestError', 'operation_not_enabled', 'Public signup is disabled for this connection');
    }

    const email = required(body, 'email');
    if (email.length > 320 || !EMAIL.test(email)) throw oauthError(400, 'invalid_request', `Invalid email address: ${email}`);
    const password = required(body, 'password');

    let username: string | undefined;
    if (connection.options.requires_username) {
      username = required(body, 'username');
      const min = connection.options.validation?.username?.min ?? 1;
      const max = connection.options.validation?.username?.max ?? 15;
      if (username.length < min || username.length > max || !/^[A-Za-z0-9_+\-.!#$'^`~@]+$/.test(username)) {
        throw oauthError(400, 'invalid_request', `Invalid username: it must be ${min} to ${max} characters of letters, digits and _+-.!#$'^\`~@`);
      }
    }

    const root: RootFields = {};
    for (const field of ROOT_FIELDS) {
      const value = body[field];
      if (value === undefined) continue;
      if (typeof value !== 'string') throw new HttpError(400, { error: `invalid ${field} type (expected string)` });
      if (value.length > ROOT_FIELD_MAX) throw new HttpError(400, { error: `invalid ${field} (at most ${ROOT_FIELD_MAX} characters are allowed)` });
      if (field === 'picture' && !/^https?:\/\//.test(value)) throw new HttpError(400, { error: 'invalid picture (expected an http(s) URL)' });
      root[field] = value;
    }

    const userMetadata = body.user_metadata === undefined ? {} : validateSignupMetadata(body.user_metadata);

    const user = await registerUser(ctx, { client, connection, email, password, username, root, userMetadata, info: requestInfo(c, body) });
    return c.json(signupView(user), 200);
  });

  return app;
}
