import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { APP_ORIGIN, CALLBACK, CONNECTION, PASSWORD, SPA, claims, createUser, postJson, redirectParams, useEmulator } from './helpers.js';

const emulator = useEmulator();
const REALM = 'http://auth0.com/oauth/grant-type/password-realm';

async function coAuthenticate(body: Record<string, unknown>, origin = APP_ORIGIN): Promise<Response> {
  return postJson(`${emulator.current.url}/co/authenticate`, { client_id: SPA, credential_type: REALM, realm: CONNECTION, ...body }, { origin });
}

describe("POST /co/authenticate and the login ticket (Lock's login after signup)", () => {
  test('returns login_ticket, co_verifier and co_id with credentialed CORS for the app origin', async () => {
    const { email } = await createUser(emulator.current);
    const response = await coAuthenticate({ username: email, password: PASSWORD });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), APP_ORIGIN);
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    const body = (await response.json()) as Record<string, string>;
    assert.deepEqual(Object.keys(body).sort(), ['co_id', 'co_verifier', 'login_ticket']);
  });

  test('the ticket completes /authorize with tokens, once', async () => {
    const { email, userId } = await createUser(emulator.current);
    const { login_ticket: ticket } = (await (await coAuthenticate({ username: email, password: PASSWORD })).json()) as { login_ticket: string };
    const params = { client_id: SPA, response_type: 'token id_token', redirect_uri: CALLBACK, scope: 'openid', nonce: 'n1', state: 'st', login_ticket: ticket, realm: CONNECTION };
    const response = await fetch(`${emulator.current.url}/authorize?${new URLSearchParams(params)}`, { redirect: 'manual' });
    assert.equal(response.status, 302);
    const fragment = redirectParams(response);
    assert.equal(fragment.get('state'), 'st');
    assert.equal(claims(fragment.get('id_token') ?? '').sub, userId);
    const reused = await fetch(`${emulator.current.url}/authorize?${new URLSearchParams(params)}`, { redirect: 'manual' });
    assert.equal(redirectParams(reused).get('error'), 'access_denied');
  });

  test('refuses a wrong password with access_denied (which Lock shows as wrong credentials)', async () => {
    const { email } = await createUser(emulator.current);
    const response = await coAuthenticate({ username: email, password: 'Not-The-Password-1' });
    assert.equal(response.status, 403);
    assert.deepEqual(await response.json(), { error: 'access_denied', error_description: 'Wrong email or password.' });
  });

  test('refuses a call from an origin the client does not allow, without CORS headers', async () => {
    const { email } = await createUser(emulator.current);
    const response = await coAuthenticate({ username: email, password: PASSWORD }, 'https://evil.example');
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  test('refuses an unknown credential type', async () => {
    const response = await coAuthenticate({ username: 'a@b.co', password: 'x', credential_type: 'magic' });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { error: string }).error, 'unsupported_credential_type');
  });

  test('the password-realm grant refuses a wrong password with invalid_grant', async () => {
    const { email } = await createUser(emulator.current);
    const response = await postJson(`${emulator.current.url}/oauth/token`, { grant_type: REALM, client_id: SPA, username: email, password: 'nope', realm: CONNECTION });
    assert.equal(response.status, 403);
    assert.deepEqual(await response.json(), { error: 'invalid_grant', error_description: 'Wrong email or password.' });
  });
});
