/**
 * POST /dbconnections/signup: Auth0's database signup, with its validation order and bodies:
 * client, connection, email, password, username, root fields, user_metadata, password policy,
 * existing user.
 */
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import { HttpError, oauthError, signupError } from '../errors.js';
import { validateSignupMetadata } from '../metadata.js';
import { checkSignupPassword } from '../passwords/policy.js';
import { readBody, requestInfo, type Env } from '../http/request.js';
import { runPreUserRegistration } from '../actions/pre-user-registration.js';
import { buildUser, signupView } from '../users.js';

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
      throw oauthError(400, 'invalid_request', `Connection must be enabled for this client to perform single user creation and signup operations (client_id: ${client.client_id} - connection: ${connection.name})`);
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

    const root: Partial<Record<(typeof ROOT_FIELDS)[number], string>> = {};
    for (const field of ROOT_FIELDS) {
      const value = body[field];
      if (value === undefined) continue;
      if (typeof value !== 'string') throw new HttpError(400, { error: `invalid ${field} type (expected string)` });
      if (value.length > ROOT_FIELD_MAX) throw new HttpError(400, { error: `invalid ${field} (at most ${ROOT_FIELD_MAX} characters are allowed)` });
      if (field === 'picture' && !/^https?:\/\//.test(value)) throw new HttpError(400, { error: 'invalid picture (expected an http(s) URL)' });
      root[field] = value;
    }

    const userMetadata = body.user_metadata === undefined ? {} : validateSignupMetadata(body.user_metadata);

    const passwordError = checkSignupPassword(password, connection, { email, username, ...root }, ctx.tenant.settings.breached_passwords);
    if (passwordError) throw passwordError;

    const taken = ctx.store.users.findByLogin(connection.name, email) ?? (username === undefined ? undefined : ctx.store.users.findByLogin(connection.name, username));
    if (taken) {
      if (ctx.tenant.settings.existing_user_error === 'user_exists') {
        const usernameTaken = username !== undefined && taken.username?.toLowerCase() === username.toLowerCase() && taken.email.toLowerCase() !== email.toLowerCase();
        throw usernameTaken
          ? signupError(409, 'BadRequestError', 'username_exists', 'The username provided is in use already.')
          : signupError(409, 'BadRequestError', 'user_exists', 'The user already exists.');
      }
      throw signupError(400, 'BadRequestError', 'invalid_signup', 'Invalid sign up');
    }

    const registration = await runPreUserRegistration(ctx, {
      clientId: client.client_id,
      connection: connection.name,
      info: requestInfo(c, body),
      user: { email, ...(username === undefined ? {} : { username }), ...root, user_metadata: userMetadata, app_metadata: {} },
    });
    if (registration.type === 'denied') {
      // Auth0 answers a refusal by a pre-user-registration Action with `extensibility_error`; the
      // description is the Action's userMessage (meant for the signup form), else its reason.
      throw signupError(400, 'BadRequestError', 'extensibility_error', registration.userMessage ?? registration.reason);
    }

    const user = await buildUser(
      { connection: connection.name, email, password, username, ...root, user_metadata: registration.user_metadata, app_metadata: registration.app_metadata },
      new Date(ctx.now()),
    );
    // A concurrent signup may have taken the email while the password was being hashed.
    if (ctx.store.users.findByLogin(connection.name, email) || (username !== undefined && ctx.store.users.findByLogin(connection.name, username))) {
      throw ctx.tenant.settings.existing_user_error === 'user_exists'
        ? signupError(409, 'BadRequestError', 'user_exists', 'The user already exists.')
        : signupError(400, 'BadRequestError', 'invalid_signup', 'Invalid sign up');
    }
    ctx.store.users.insert(user);
    try {
      await ctx.store.persist();
    } catch (error) {
      // Not durable, so not acknowledged: forget the user rather than answer 500 and keep it.
      ctx.store.users.delete(user.user_id);
      throw error;
    }
    return c.json(signupView(user), 200);
  });

  return app;
}
