import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PostLoginAction, PostLoginEvent, TenantConfig } from '../src/index.js';
import { defaultTenantConfig, parseTenantConfig, startEmulator, TenantConfigError } from '../src/index.js';
import { CALLBACK, CONNECTION, SPA, loginTransaction, m2mToken, management, path, postJson, redirectParams, uniqueEmail, useEmulator } from './helpers.js';

const SOCIAL = 'google-oauth2';
const seen: PostLoginEvent[] = [];
const record: PostLoginAction = {
  name: 'record',
  onExecutePostLogin(event) {
    seen.push(event);
  },
};

const tenant: TenantConfig = {
  ...defaultTenantConfig(),
  connections: [...(defaultTenantConfig().connections ?? []), { name: SOCIAL, strategy: 'google-oauth2' }],
};
const emulator = useEmulator({ tenant, actions: [record] });

function authorizeParams(extra: Record<string, string> = {}): Record<string, string> {
  return { client_id: SPA, response_type: 'token id_token', redirect_uri: CALLBACK, scope: 'openid email', nonce: 'n-1', state: 'app', connection: SOCIAL, ...extra };
}

/** Opens the simulated provider page and signs in as `email`; returns the answer (not followed). */
async function socialLogin(email: string, extra: Record<string, string> = {}): Promise<Response> {
  const page = await fetch(`${emulator.current.url}/authorize?${new URLSearchParams(authorizeParams(extra))}`, { redirect: 'manual' });
  assert.equal(page.status, 200);
  const transaction = loginTransaction(await page.text());
  return fetch(`${emulator.current.url}/u/social`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ state: transaction, email, name: 'Grace Hopper' }).toString(),
  });
}

describe('a simulated social connection', () => {
  test('/authorize shows the provider page with an email field and no password field', async () => {
    const response = await fetch(`${emulator.current.url}/authorize?${new URLSearchParams(authorizeParams({ login_hint: 'ada@example.com' }))}`);
    const html = await response.text();
    assert.equal(response.status, 200);
    assert.match(html, /Continue with google-oauth2/);
    assert.match(html, /name="email"[^>]*value="ada@example\.com"/);
    assert.doesNotMatch(html, /type="password"/);
  });

  test('signing in creates a verified social user and returns tokens, with no signup form on the way', async () => {
    const email = uniqueEmail('social');
    const params = redirectParams(await socialLogin(email));
    assert.ok(params.get('access_token'), params.toString());
    const users = (await (
      await fetch(`${emulator.current.url}/api/v2/users-by-email?email=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${await m2mToken(emulator.current)}` } })
    ).json()) as Record<string, unknown>[];
    assert.equal(users.length, 1);
    const user = users[0]!;
    assert.match(String(user.user_id), /^google-oauth2\|\d{21}$/);
    assert.equal(user.email_verified, true);
    assert.equal(user.name, 'Grace Hopper');
    assert.deepEqual(user.identities, [{ connection: SOCIAL, user_id: String(user.user_id).split('|')[1], provider: 'google-oauth2', isSocial: true }]);
    assert.equal(user.user_metadata, undefined);
  });

  test('a second sign-in with the same email finds the same user', async () => {
    const email = uniqueEmail('again');
    await socialLogin(email);
    await socialLogin(email);
    const users = (await (
      await fetch(`${emulator.current.url}/api/v2/users-by-email?email=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${await m2mToken(emulator.current)}` } })
    ).json()) as Record<string, unknown>[];
    assert.equal(users.length, 1);
    assert.equal(users[0]!.logins_count, 2);
  });

  test('post-login Actions see a social identity and a federated authentication method', async () => {
    seen.length = 0;
    await socialLogin(uniqueEmail('event'));
    const event = seen[0];
    assert.ok(event);
    assert.equal(event.connection.strategy, 'google-oauth2');
    assert.equal(event.user.identities[0]?.isSocial, true);
    assert.equal(event.user.identities[0]?.provider, 'google-oauth2');
    assert.equal(event.authentication.methods[0]?.name, 'federated');
  });

  test('the provider page asks again for an invalid email', async () => {
    const response = await socialLogin('not-an-email');
    assert.equal(response.status, 400);
    assert.match(await response.text(), /role="alert">Enter an email address\./);
  });

  test('/dbconnections/signup refuses a social connection', async () => {
    const response = await postJson(`${emulator.current.url}/dbconnections/signup`, { client_id: SPA, connection: SOCIAL, email: uniqueEmail('signup'), password: 'Correct-Horse-9' });
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { error_description: string }).error_description, /not a database connection/);
  });

  test('a social user cannot sign in with a password', async () => {
    const email = uniqueEmail('nopassword');
    await socialLogin(email);
    const response = await postJson(`${emulator.current.url}/oauth/token`, {
      grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
      client_id: SPA,
      username: email,
      password: '',
      realm: SOCIAL,
    });
    assert.equal(response.status, 400);
    const withPassword = await postJson(`${emulator.current.url}/oauth/token`, {
      grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
      client_id: SPA,
      username: email,
      password: 'anything-at-all',
      realm: SOCIAL,
    });
    assert.equal(withPassword.status, 403);
  });

  test('without a connection parameter /authorize still shows the database login form', async () => {
    const { connection: _social, ...params } = authorizeParams();
    const html = await (await fetch(`${emulator.current.url}/authorize?${new URLSearchParams(params)}`)).text();
    assert.match(html, /type="password"/);
    assert.match(html, new RegExp(CONNECTION));
  });

  test('a blocked social user is sent back with an error', async () => {
    const email = uniqueEmail('blocked');
    const first = redirectParams(await socialLogin(email));
    assert.ok(first.get('access_token'));
    const token = await m2mToken(emulator.current);
    const [user] = (await (await fetch(`${emulator.current.url}/api/v2/users-by-email?email=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      user_id: string;
    }[];
    await management(emulator.current, 'PATCH', path(user!.user_id), token, { blocked: true });
    const params = redirectParams(await socialLogin(email));
    assert.equal(params.get('error'), 'unauthorized');
  });
});

test('a tenant file refuses an unknown connection strategy, naming the field', () => {
  assert.throws(
    () => parseTenantConfig({ connections: [{ name: 'x', strategy: 'myspace' }] }),
    (error: unknown) => error instanceof TenantConfigError && error.path === 'connections[0].strategy',
  );
});

test('seed users go to the database connection even when a social connection is listed first', async () => {
  const running = await startEmulator({
    port: 0,
    tenant: { connections: [{ name: 'github', strategy: 'github' }, { name: CONNECTION }], users: [{ email: 'seed@example.com', password: 'Correct-Horse-9' }] },
  });
  try {
    const users = (await (await fetch(`${running.url}/api/v2/users-by-email?email=seed%40example.com`, { headers: { authorization: `Bearer ${await m2mToken(running)}` } })).json()) as {
      identities: { connection: string }[];
    }[];
    assert.equal(users[0]?.identities[0]?.connection, CONNECTION);
  } finally {
    await running.stop();
  }
});
