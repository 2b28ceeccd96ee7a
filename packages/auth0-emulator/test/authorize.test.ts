import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { CALLBACK, SPA, authorizeWithPassword, claims, createUser, loginTransaction, pkce, postJson, redirectParams, useEmulator } from './helpers.js';

const emulator = useEmulator();

function codeParams(challenge: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    client_id: SPA,
    response_type: 'code',
    redirect_uri: CALLBACK,
    scope: 'openid profile email',
    state: 'xyz',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  };
}

async function exchange(body: Record<string, string>): Promise<Response> {
  return postJson(`${emulator.current.url}/oauth/token`, { grant_type: 'authorization_code', client_id: SPA, redirect_uri: CALLBACK, ...body });
}

describe('authorization code with PKCE', () => {
  test('the login page is accessible HTML with labels, no external assets and a CSP', async () => {
    const response = await fetch(`${emulator.current.url}/authorize?${new URLSearchParams(codeParams(pkce().challenge))}`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<label for="username">/);
    assert.match(html, /<label for="password">/);
    assert.doesNotMatch(html, /(src|href)="https?:/);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /form-action 'self' http:\/\/localhost:5173/);
  });

  test('redirects with a code and the state, and the code gives tokens with the right verifier', async () => {
    const { email, userId } = await createUser(emulator.current);
    const { verifier, challenge } = pkce();
    const login = await authorizeWithPassword(emulator.current, codeParams(challenge, { nonce: 'n-1' }), { email });
    assert.equal(login.status, 302);
    assert.ok(login.headers.get('location')?.startsWith(`${CALLBACK}?`));
    const params = redirectParams(login);
    assert.equal(params.get('state'), 'xyz');
    const response = await exchange({ code: params.get('code') ?? '', code_verifier: verifier });
    assert.equal(response.status, 200);
    const tokens = (await response.json()) as { access_token: string; id_token: string; scope: string; token_type: string };
    assert.equal(tokens.token_type, 'Bearer');
    assert.equal(tokens.scope, 'openid profile email');
    const jwks = createRemoteJWKSet(new URL(`${emulator.current.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(tokens.id_token, jwks, { issuer: `${emulator.current.url}/`, audience: SPA, algorithms: ['RS256'] });
    assert.equal(payload.sub, userId);
    assert.equal(payload.email, email);
    assert.equal(payload.nonce, 'n-1');
  });

  test('refuses the code with a wrong verifier', async () => {
    const { email } = await createUser(emulator.current);
    const { challenge } = pkce();
    const params = redirectParams(await authorizeWithPassword(emulator.current, codeParams(challenge), { email }));
    const response = await exchange({ code: params.get('code') ?? '', code_verifier: pkce().verifier });
    assert.equal(response.status, 403);
    assert.deepEqual(await response.json(), { error: 'invalid_grant', error_description: 'Failed to verify code verifier' });
  });

  test('a code can be used once', async () => {
    const { email } = await createUser(emulator.current);
    const { verifier, challenge } = pkce();
    const code = redirectParams(await authorizeWithPassword(emulator.current, codeParams(challenge), { email })).get('code') ?? '';
    assert.equal((await exchange({ code, code_verifier: verifier })).status, 200);
    const again = await exchange({ code, code_verifier: verifier });
    assert.equal(again.status, 403);
    assert.deepEqual(await again.json(), { error: 'invalid_grant', error_description: 'Invalid authorization code' });
  });

  test('a public client cannot redeem a code issued without PKCE', async () => {
    const { email } = await createUser(emulator.current);
    const params = { client_id: SPA, response_type: 'code', redirect_uri: CALLBACK, scope: 'openid' };
    const code = redirectParams(await authorizeWithPassword(emulator.current, params, { email })).get('code') ?? '';
    const response = await exchange({ code });
    assert.equal(response.status, 401);
  });

  test('a wrong password shows the form again with an announced error tied to the fields', async () => {
    const { email } = await createUser(emulator.current);
    const response = await authorizeWithPassword(emulator.current, codeParams(pkce().challenge), { email, password: 'Wrong-Password-1' });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /<p id="login-error" class="error" role="alert">Wrong email or password\.<\/p>/);
    assert.match(html, /id="password"[^>]*aria-describedby="login-error"/);
    loginTransaction(html);
  });

  test('an access token for the Management API carries only current_user scopes', async () => {
    const { email, userId } = await createUser(emulator.current);
    const { verifier, challenge } = pkce();
    const audience = emulator.current.tenant.managementAudience;
    const params = codeParams(challenge, { audience, scope: 'openid read:current_user update:current_user_metadata read:users' });
    const code = redirectParams(await authorizeWithPassword(emulator.current, params, { email })).get('code') ?? '';
    const tokens = (await (await exchange({ code, code_verifier: verifier })).json()) as { access_token: string };
    const payload = claims(tokens.access_token);
    assert.deepEqual(payload.aud, [audience, `${emulator.current.url}/userinfo`]);
    assert.equal(payload.scope, 'openid read:current_user update:current_user_metadata');
    assert.equal(payload.sub, userId);
  });
});

describe('implicit flow (Lock)', () => {
  test('returns token and id_token in the fragment with the nonce and at_hash', async () => {
    const { email } = await createUser(emulator.current);
    const response = await authorizeWithPassword(emulator.current, { client_id: SPA, response_type: 'token id_token', redirect_uri: CALLBACK, scope: 'openid', nonce: 'abc', state: 's1' }, { email });
    assert.equal(response.status, 302);
    const location = new URL(response.headers.get('location') ?? '');
    assert.equal(location.search, '');
    const params = new URLSearchParams(location.hash.slice(1));
    assert.equal(params.get('state'), 's1');
    assert.equal(params.get('token_type'), 'Bearer');
    const idToken = claims(params.get('id_token') ?? '');
    assert.equal(idToken.nonce, 'abc');
    const accessToken = params.get('access_token') ?? '';
    assert.equal(idToken.at_hash, createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url'));
  });

  test('refuses id_token without a nonce, back at the redirect URI', async () => {
    const response = await fetch(`${emulator.current.url}/authorize?${new URLSearchParams({ client_id: SPA, response_type: 'id_token', redirect_uri: CALLBACK, state: 's' })}`, { redirect: 'manual' });
    assert.equal(response.status, 302);
    const params = redirectParams(response);
    assert.equal(params.get('error'), 'invalid_request');
    assert.equal(params.get('state'), 's');
  });

  test('refuses response_mode=query for token responses', async () => {
    const response = await fetch(`${emulator.current.url}/authorize?${new URLSearchParams({ client_id: SPA, response_type: 'token', redirect_uri: CALLBACK, response_mode: 'query' })}`, {
      redirect: 'manual',
    });
    assert.equal(redirectParams(response).get('error'), 'invalid_request');
  });

  test('response_mode=form_post answers with a self-submitting form to the callback', async () => {
    const { email } = await createUser(emulator.current);
    const response = await authorizeWithPassword(
      emulator.current,
      { client_id: SPA, response_type: 'id_token', response_mode: 'form_post', redirect_uri: CALLBACK, nonce: 'n', scope: 'openid' },
      { email },
    );
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<form method="post" action="http:\/\/localhost:5173\/">/);
    assert.match(html, /<input type="hidden" name="id_token" value="ey/);
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'nonce-/);
  });
});

describe('/authorize refusals and sessions', () => {
  test('shows an error page for an unknown client', async () => {
    const response = await fetch(`${emulator.current.url}/authorize?client_id=nope&response_type=code`);
    assert.equal(response.status, 400);
    assert.match(await response.text(), /Unknown client: nope/);
  });

  test('shows an error page, never redirects, for a callback URL not allowed', async () => {
    const response = await fetch(`${emulator.current.url}/authorize?${new URLSearchParams({ client_id: SPA, response_type: 'code', redirect_uri: 'https://evil.example/' })}`, { redirect: 'manual' });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('location'), null);
    assert.match(await response.text(), /Callback URL mismatch/);
  });

  test('refuses an unknown audience with access_denied', async () => {
    const response = await fetch(`${emulator.current.url}/authorize?${new URLSearchParams({ ...codeParams(pkce().challenge), audience: 'https://nope.example/' })}`, { redirect: 'manual' });
    const params = redirectParams(response);
    assert.equal(params.get('error'), 'access_denied');
    assert.equal(params.get('error_description'), 'Service not found: https://nope.example/');
  });

  test('prompt=none without a session answers login_required', async () => {
    const response = await fetch(`${emulator.current.url}/authorize?${new URLSearchParams({ ...codeParams(pkce().challenge), prompt: 'none' })}`, { redirect: 'manual' });
    assert.equal(redirectParams(response).get('error'), 'login_required');
  });

  test('the session cookie lets the next /authorize through without the login page, until logout', async () => {
    const { email } = await createUser(emulator.current);
    const first = await authorizeWithPassword(emulator.current, codeParams(pkce().challenge), { email });
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    assert.match(cookie, /^auth0=/);
    const silent = await fetch(`${emulator.current.url}/authorize?${new URLSearchParams({ ...codeParams(pkce().challenge), prompt: 'none' })}`, { redirect: 'manual', headers: { cookie } });
    assert.ok(redirectParams(silent).get('code'));
    const logout = await fetch(`${emulator.current.url}/v2/logout?${new URLSearchParams({ client_id: SPA, returnTo: CALLBACK })}`, { redirect: 'manual', headers: { cookie } });
    assert.equal(logout.status, 302);
    assert.equal(logout.headers.get('location'), CALLBACK);
    const after = await fetch(`${emulator.current.url}/authorize?${new URLSearchParams({ ...codeParams(pkce().challenge), prompt: 'none' })}`, { redirect: 'manual', headers: { cookie } });
    assert.equal(redirectParams(after).get('error'), 'login_required');
  });

  test('logout refuses a returnTo that is not an allowed logout URL', async () => {
    const response = await fetch(`${emulator.current.url}/v2/logout?${new URLSearchParams({ client_id: SPA, returnTo: 'https://evil.example/' })}`, { redirect: 'manual' });
    assert.equal(response.status, 400);
  });
});
