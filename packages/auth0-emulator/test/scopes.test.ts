import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CONNECTION, createUser, management, path, postJson, useEmulator, userToken } from './helpers.js';

const emulator = useEmulator({
  tenant: {
    clients: [
      { client_id: 'assent-demo-spa', callbacks: ['http://localhost:5173/'] },
      { client_id: 'reader', app_type: 'non_interactive', client_secret: 'reader-secret-0123456789', grants: [{ scope: ['read:users'] }] },
      { client_id: 'app-meta', app_type: 'non_interactive', client_secret: 'app-meta-secret-0123456789', grants: [{ scope: ['update:users_app_metadata', 'read:users'] }] },
    ],
    connections: [{ name: CONNECTION }],
  },
});

async function clientToken(clientId: string, secret: string, scope?: string): Promise<Response> {
  return postJson(`${emulator.current.url}/oauth/token`, {
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: secret,
    audience: emulator.current.tenant.managementAudience,
    ...(scope ? { scope } : {}),
  });
}

async function tokenOf(clientId: string, secret: string): Promise<string> {
  return ((await (await clientToken(clientId, secret)).json()) as { access_token: string }).access_token;
}

describe('a user-scoped token', () => {
  test('reads its own user', async () => {
    const { email, userId } = await createUser(emulator.current);
    const response = await management(emulator.current, 'GET', path(userId), await userToken(emulator.current, email));
    assert.equal(response.status, 200);
  });

  test('updates its own user_metadata', async () => {
    const { email, userId } = await createUser(emulator.current);
    const response = await management(emulator.current, 'PATCH', path(userId), await userToken(emulator.current, email), { user_metadata: { consent: { given: true } } });
    assert.equal(response.status, 200);
    assert.deepEqual(((await response.json()) as { user_metadata: unknown }).user_metadata, { consent: { given: true } });
  });

  test('cannot read another user', async () => {
    const me = await createUser(emulator.current);
    const other = await createUser(emulator.current);
    const response = await management(emulator.current, 'GET', path(other.userId), await userToken(emulator.current, me.email));
    assert.equal(response.status, 403);
    assert.deepEqual(await response.json(), {
      statusCode: 403,
      error: 'Forbidden',
      message: 'User to be acted on does not match subject in bearer token.',
      errorCode: 'unowned_resource',
    });
  });

  test("cannot update another user's metadata", async () => {
    const me = await createUser(emulator.current);
    const other = await createUser(emulator.current);
    const response = await management(emulator.current, 'PATCH', path(other.userId), await userToken(emulator.current, me.email), { user_metadata: { x: 1 } });
    assert.equal(response.status, 403);
  });

  test('cannot write its app_metadata', async () => {
    const { email, userId } = await createUser(emulator.current);
    const response = await management(emulator.current, 'PATCH', path(userId), await userToken(emulator.current, email), { app_metadata: { deleted: true } });
    assert.equal(response.status, 403);
    assert.deepEqual(await response.json(), {
      statusCode: 403,
      error: 'Forbidden',
      message: 'Insufficient scope, expected any of: update:users,update:users_app_metadata',
      errorCode: 'insufficient_scope',
    });
  });

  test('cannot delete its own user', async () => {
    const { email, userId } = await createUser(emulator.current);
    const response = await management(emulator.current, 'DELETE', path(userId), await userToken(emulator.current, email));
    assert.equal(response.status, 403);
    assert.equal(((await response.json()) as { errorCode: string }).errorCode, 'insufficient_scope');
  });

  test('cannot search users by email', async () => {
    const { email } = await createUser(emulator.current);
    const response = await management(emulator.current, 'GET', `/users-by-email?email=${encodeURIComponent(email)}`, await userToken(emulator.current, email));
    assert.equal(response.status, 403);
  });

  test('only gets the current_user scopes it asked for, never read:users', async () => {
    const { email } = await createUser(emulator.current);
    const response = await postJson(`${emulator.current.url}/oauth/token`, {
      grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
      client_id: 'assent-demo-spa',
      username: email,
      password: 'Correct-Horse-9',
      realm: CONNECTION,
      audience: emulator.current.tenant.managementAudience,
      scope: 'openid read:users read:current_user delete:users',
    });
    assert.equal(((await response.json()) as { scope: string }).scope, 'openid read:current_user');
  });

  test('without update:current_user_metadata cannot patch metadata', async () => {
    const { email, userId } = await createUser(emulator.current);
    const readOnly = await userToken(emulator.current, email, 'openid read:current_user');
    const response = await management(emulator.current, 'PATCH', path(userId), readOnly, { user_metadata: { a: 1 } });
    assert.equal(response.status, 403);
    assert.equal(((await response.json()) as { errorCode: string }).errorCode, 'insufficient_scope');
  });
});

describe('a client-credentials token', () => {
  test('is limited to its granted scopes: a read:users token cannot PATCH', async () => {
    const { userId } = await createUser(emulator.current);
    const response = await management(emulator.current, 'PATCH', path(userId), await tokenOf('reader', 'reader-secret-0123456789'), { user_metadata: { a: 1 } });
    assert.equal(response.status, 403);
    assert.match(((await response.json()) as { message: string }).message, /^Insufficient scope, expected any of: update:users,/);
  });

  test('with update:users_app_metadata may write app_metadata but not user_metadata', async () => {
    const { userId } = await createUser(emulator.current);
    const token = await tokenOf('app-meta', 'app-meta-secret-0123456789');
    assert.equal((await management(emulator.current, 'PATCH', path(userId), token, { app_metadata: { deleted: true } })).status, 200);
    assert.equal((await management(emulator.current, 'PATCH', path(userId), token, { user_metadata: { a: 1 } })).status, 403);
  });

  test('cannot be asked for scopes beyond its grant', async () => {
    const response = await clientToken('reader', 'reader-secret-0123456789', 'read:users delete:users');
    assert.equal(response.status, 403);
    assert.deepEqual(await response.json(), { error: 'access_denied', error_description: 'Client has not been granted scopes: delete:users' });
  });

  test('is refused with a wrong client secret', async () => {
    const response = await clientToken('reader', 'wrong-secret-0123456789');
    assert.equal(response.status, 401);
    assert.deepEqual(await response.json(), { error: 'access_denied', error_description: 'Unauthorized' });
  });

  test('is refused for an API the client has no grant for', async () => {
    const response = await postJson(`${emulator.current.url}/oauth/token`, {
      grant_type: 'client_credentials',
      client_id: 'reader',
      client_secret: 'reader-secret-0123456789',
      audience: 'https://unknown.example/',
    });
    assert.equal(response.status, 403);
    assert.deepEqual(await response.json(), { error: 'access_denied', error_description: 'Service not found: https://unknown.example/' });
  });

  test('cannot be obtained by a public client', async () => {
    const response = await postJson(`${emulator.current.url}/oauth/token`, { grant_type: 'client_credentials', client_id: 'assent-demo-spa', audience: emulator.current.tenant.managementAudience });
    assert.equal(response.status, 403);
    assert.equal(((await response.json()) as { error: string }).error, 'unauthorized_client');
  });

  test('accepts credentials sent with HTTP Basic and a form body, as the auth0 SDK does', async () => {
    const response = await fetch(`${emulator.current.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('reader:reader-secret-0123456789').toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', audience: emulator.current.tenant.managementAudience }).toString(),
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { scope: string; token_type: string; expires_in: number };
    assert.equal(body.scope, 'read:users');
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 86_400);
  });
});

describe('Management API authentication', () => {
  test('answers 401 "Missing authentication" without a token', async () => {
    const response = await fetch(`${emulator.current.url}/api/v2/users/auth0%7Cx`);
    assert.equal(response.status, 401);
    assert.deepEqual(await response.json(), { statusCode: 401, error: 'Unauthorized', message: 'Missing authentication', attributes: { error: 'Missing authentication' } });
  });

  test('answers 400 for a non-Bearer authorization header', async () => {
    const response = await fetch(`${emulator.current.url}/api/v2/users/auth0%7Cx`, { headers: { authorization: 'Token abc' } });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { message: string }).message, 'Bad HTTP authentication header format');
  });
});
