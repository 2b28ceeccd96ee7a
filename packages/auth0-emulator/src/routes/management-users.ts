/**
 * Management API v2 users: GET / PATCH / DELETE /api/v2/users/{id}, POST /api/v2/users and
 * GET /api/v2/users-by-email, with Auth0's scopes, merge semantics and error bodies.
 */
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import { HttpError, insufficientScope, managementError } from '../errors.js';
import { mergeMetadata, metadataBytes, validateManagementMetadata } from '../metadata.js';
import { managementCaller, requireAnyScope, requireOwnUser, type ManagementCaller } from '../middleware/management-auth.js';
import { hashPassword } from '../passwords/hash.js';
import { checkSignupPassword } from '../passwords/policy.js';
import type { StoredUser } from '../store/types.js';
import { invalidBody, jsonObjectBody } from '../http/management-body.js';
import type { Env } from '../http/request.js';
import { buildUser, managementView, selectFields } from '../users.js';

const READ_SCOPES = ['read:users', 'read:current_user', 'read:user_idp_tokens'];
const UPDATE_SCOPES = ['update:users', 'update:users_app_metadata', 'update:current_user_metadata', 'create:current_user_metadata', 'update:current_user_identities'];
const DELETE_SCOPES = ['delete:users', 'delete:current_user'];
const STRING_FIELDS = ['email', 'given_name', 'family_name', 'name', 'nickname', 'picture', 'username', 'password', 'connection', 'client_id', 'phone_number'] as const;
const BOOLEAN_FIELDS = ['email_verified', 'blocked', 'verify_email', 'phone_verified', 'verify_phone_number', 'verify_password'] as const;
const PATCH_FIELDS: readonly string[] = [...STRING_FIELDS, ...BOOLEAN_FIELDS, 'user_metadata', 'app_metadata'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkTypes(body: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(body)) if (!allowed.includes(key)) throw invalidBody(`'Additional properties not allowed: ${key}'.`);
  for (const key of STRING_FIELDS) {
    if (body[key] !== undefined && typeof body[key] !== 'string') throw invalidBody(`'Expected type string but found type ${typeof body[key]}' on property ${key}.`);
  }
  for (const key of BOOLEAN_FIELDS) {
    if (body[key] !== undefined && typeof body[key] !== 'boolean') throw invalidBody(`'Expected type boolean but found type ${typeof body[key]}' on property ${key}.`);
  }
  if (typeof body.email === 'string' && !EMAIL.test(body.email)) throw invalidBody(`'Object didn't pass validation for format email: ${body.email}' on property email.`);
}

function withinSize(ctx: EmulatorContext, field: 'user_metadata' | 'app_metadata', value: Record<string, unknown>): void {
  const max = ctx.tenant.settings.metadata_max_bytes;
  if (metadataBytes(value) > max) throw invalidBody(`${field} is ${metadataBytes(value)} bytes, the limit is ${max} bytes.`);
}

/** Which scopes a PATCH body needs, per Auth0: user tokens may only touch user_metadata. */
function authorizePatch(caller: ManagementCaller, body: Record<string, unknown>): void {
  const fields = Object.keys(body);
  const onlyUserMetadata = fields.every((f) => f === 'user_metadata');
  const onlyAppMetadata = fields.every((f) => f === 'app_metadata');
  if (caller.kind === 'user') {
    if (!onlyUserMetadata) throw insufficientScope(fields.includes('app_metadata') ? ['update:users', 'update:users_app_metadata'] : ['update:users']);
    requireAnyScope(caller, ['update:current_user_metadata', 'create:current_user_metadata']);
    return;
  }
  if (onlyAppMetadata) requireAnyScope(caller, ['update:users', 'update:users_app_metadata']);
  else requireAnyScope(caller, ['update:users']);
}

function notFound(): HttpError {
  return managementError(404, 'The user does not exist.', 'inexistent_user');
}

export function managementUserRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/api/v2/users/:id', async (c) => {
    const caller = await managementCaller(ctx, c);
    requireAnyScope(caller, READ_SCOPES);
    const id = c.req.param('id');
    requireOwnUser(caller, id);
    const user = ctx.store.users.get(id);
    if (!user) throw notFound();
    return c.json(selectFields(managementView(user, ctx.issuer), c.req.query('fields'), c.req.query('include_fields')));
  });

  app.patch('/api/v2/users/:id', async (c) => {
    const caller = await managementCaller(ctx, c);
    requireAnyScope(caller, UPDATE_SCOPES);
    const id = c.req.param('id');
    requireOwnUser(caller, id);
    const body = await jsonObjectBody(c);
    checkTypes(body, PATCH_FIELDS);
    authorizePatch(caller, body);
    const before = ctx.store.users.get(id);
    if (!before) throw notFound();
    let passwordHash: string | undefined;
    if (typeof body.password === 'string') {
      const connection = ctx.connection(before.connection);
      const refused = connection && checkSignupPassword(body.password, connection, before, []);
      if (refused) throw managementError(400, `${String(refused.body.name)}: ${String(refused.body.message ?? refused.body.description)}`, 'invalid_body');
      passwordHash = await hashPassword(body.password);
    }
    // From here on nothing awaits until the write: the read-modify-write of this user is atomic,
    // so concurrent PATCHes each merge into the latest copy and none is lost.
    const user = ctx.store.users.get(id);
    if (!user) throw notFound();
    const updated: StoredUser = { ...user };
    if (passwordHash !== undefined) updated.password_hash = passwordHash;
    if (body.user_metadata !== undefined) {
      updated.user_metadata = mergeMetadata(user.user_metadata, validateManagementMetadata('user_metadata', body.user_metadata));
      withinSize(ctx, 'user_metadata', updated.user_metadata);
    }
    if (body.app_metadata !== undefined) {
      updated.app_metadata = mergeMetadata(user.app_metadata, validateManagementMetadata('app_metadata', body.app_metadata));
      withinSize(ctx, 'app_metadata', updated.app_metadata);
    }
    if (typeof body.email === 'string' && body.email.toLowerCase() !== user.email.toLowerCase()) {
      const owner = ctx.store.users.findByLogin(user.connection, body.email);
      if (owner && owner.user_id !== user.user_id) throw managementError(400, 'The specified new email already exists', 'email_conflict');
      updated.email = body.email;
    }
    if (typeof body.username === 'string' && body.username !== user.username) {
      const owner = ctx.store.users.findByLogin(user.connection, body.username);
      if (owner && owner.user_id !== user.user_id) throw managementError(400, 'The specified new username already exists', 'username_conflict');
      updated.username = body.username;
    }
    for (const key of ['given_name', 'family_name', 'name', 'nickname', 'picture'] as const) {
      if (typeof body[key] === 'string') updated[key] = body[key];
    }
    if (typeof body.email_verified === 'boolean') updated.email_verified = body.email_verified;
    if (typeof body.blocked === 'boolean') updated.blocked = body.blocked;
    updated.updated_at = new Date(ctx.now()).toISOString();
    await ctx.store.replaceUser(updated);
    return c.json(managementView(updated, ctx.issuer));
  });

  app.delete('/api/v2/users/:id', async (c) => {
    const caller = await managementCaller(ctx, c);
    requireAnyScope(caller, DELETE_SCOPES);
    const id = c.req.param('id');
    requireOwnUser(caller, id);
    if (!(await ctx.store.deleteUser(id))) throw notFound();
    return c.body(null, 204);
  });

  app.post('/api/v2/users', async (c) => {
    const caller = await managementCaller(ctx, c);
    requireAnyScope(caller, ['create:users']);
    const body = await jsonObjectBody(c);
    checkTypes(body, PATCH_FIELDS);
    if (typeof body.connection !== 'string') throw invalidBody("'Missing required property: connection'.");
    const connection = ctx.connection(body.connection);
    if (!connection) throw managementError(400, 'The connection does not exist.', 'inexistent_connection');
    if (typeof body.email !== 'string') throw invalidBody("'Missing required property: email'.");
    if (typeof body.password !== 'string') throw invalidBody("'Missing required property: password'.");
    if (connection.options.requires_username && typeof body.username !== 'string') throw invalidBody("'Missing required property: username'.");
    const userMetadata = body.user_metadata === undefined ? {} : validateManagementMetadata('user_metadata', body.user_metadata);
    const appMetadata = body.app_metadata === undefined ? {} : validateManagementMetadata('app_metadata', body.app_metadata);
    withinSize(ctx, 'user_metadata', userMetadata);
    withinSize(ctx, 'app_metadata', appMetadata);
    const str = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : undefined);
    const refused = checkSignupPassword(body.password, connection, { email: body.email, username: str('username'), name: str('name') }, []);
    if (refused) throw managementError(400, `${String(refused.body.name)}: ${String(refused.body.message ?? refused.body.description)}`, 'invalid_body');
    const exists = () =>
      ctx.store.users.findByLogin(connection.name, body.email as string) ?? (typeof body.username === 'string' ? ctx.store.users.findByLogin(connection.name, body.username) : undefined);
    if (exists()) throw managementError(409, 'The user already exists.', 'auth0_idp_error');
    const user = await buildUser(
      {
        connection: connection.name,
        email: body.email,
        password: body.password,
        username: str('username'),
        given_name: str('given_name'),
        family_name: str('family_name'),
        name: str('name'),
        nickname: str('nickname'),
        picture: str('picture'),
        email_verified: typeof body.email_verified === 'boolean' ? body.email_verified : undefined,
        blocked: typeof body.blocked === 'boolean' ? body.blocked : undefined,
        user_metadata: userMetadata,
        app_metadata: appMetadata,
      },
      new Date(ctx.now()),
    );
    if (exists()) throw managementError(409, 'The user already exists.', 'auth0_idp_error');
    await ctx.store.insertUser(user);
    return c.json(managementView(user, ctx.issuer), 201);
  });

  app.get('/api/v2/users-by-email', async (c) => {
    const caller = await managementCaller(ctx, c);
    requireAnyScope(caller, ['read:users']);
    const email = c.req.query('email');
    if (!email) throw managementError(400, "Query validation error: 'Missing required property: email'.", 'invalid_query_string');
    const fields = c.req.query('fields');
    const include = c.req.query('include_fields');
    return c.json(ctx.store.users.findByEmail(email).map((user) => selectFields(managementView(user, ctx.issuer), fields, include)));
  });

  return app;
}
