/**
 * The token a redirect target sends back to /continue: Auth0 checks its signature, expiry and
 * `state`, and refuses it with "Missing or invalid standard claims" unless it carries iss, sub (the
 * user of the login), iat, exp and state.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SignJWT, type JWTPayload } from 'jose';
import type { PostLoginAction } from '../src/index.js';
import { CALLBACK, SPA, authorizeWithPassword, createUser, pkce, redirectParams, useEmulator } from './helpers.js';

const SECRET = 'continue-token-secret';
const ask: PostLoginAction = {
  name: 'ask',
  onExecutePostLogin(_event, api) {
    api.redirect.sendUserTo('http://localhost:5173/ask');
  },
  onContinuePostLogin(_event, api) {
    api.redirect.validateToken({ secret: SECRET });
  },
};
const emulator = useEmulator({ actions: [ask] });

/** Starts a login that the Action suspends; returns the state and the user id. */
async function suspended(): Promise<{ state: string; userId: string }> {
  const { email, userId } = await createUser(emulator.current);
  const params = { client_id: SPA, response_type: 'code', redirect_uri: CALLBACK, state: 's', code_challenge: pkce().challenge, code_challenge_method: 'S256' };
  const location = new URL((await authorizeWithPassword(emulator.current, params, { email })).headers.get('location') ?? '');
  return { state: location.searchParams.get('state') ?? '', userId };
}

function sign(claims: JWTPayload, { iat = true, exp = true } = {}): Promise<string> {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' });
  if (iat) jwt = jwt.setIssuedAt();
  if (exp) jwt = jwt.setExpirationTime('2m');
  return jwt.sign(new TextEncoder().encode(SECRET));
}

async function resume(state: string, token: string): Promise<URLSearchParams> {
  const response = await fetch(`${emulator.current.url}/continue`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ state, session_token: token }).toString(),
  });
  return redirectParams(response);
}

test('a POSTed token with iss, sub, iat, exp and state resumes the login', async () => {
  const { state, userId } = await suspended();
  const params = await resume(state, await sign({ iss: 'https://consent.example', sub: userId, state }));
  assert.ok(params.get('code'), params.toString());
});

for (const missing of ['iss', 'sub', 'state'] as const) {
  test(`a token without ${missing} is refused as missing standard claims`, async () => {
    const { state, userId } = await suspended();
    const all: JWTPayload = { iss: 'https://consent.example', sub: userId, state };
    const claims = Object.fromEntries(Object.entries(all).filter(([name]) => name !== missing));
    const params = await resume(state, await sign(claims));
    assert.equal(params.get('error'), 'access_denied');
    assert.match(params.get('error_description') ?? '', new RegExp(`Missing or invalid standard claims \\(${missing}\\)`));
  });
}

test('a token without iat is refused as missing standard claims', async () => {
  const { state, userId } = await suspended();
  const params = await resume(state, await sign({ iss: 'x', sub: userId, state }, { iat: false }));
  assert.match(params.get('error_description') ?? '', /Missing or invalid standard claims \(iat\)/);
});

test('a token for another user is refused', async () => {
  const { state } = await suspended();
  const params = await resume(state, await sign({ iss: 'x', sub: 'auth0|someone-else', state }));
  assert.equal(params.get('error'), 'access_denied');
  assert.match(params.get('error_description') ?? '', /another user/);
});

test('a token for another login (state) is refused', async () => {
  const { state, userId } = await suspended();
  const params = await resume(state, await sign({ iss: 'x', sub: userId, state: 'another-login' }));
  assert.match(params.get('error_description') ?? '', /state mismatch/);
});

test('an expired token is refused', async () => {
  const { state, userId } = await suspended();
  const past = Math.floor(Date.now() / 1000) - 120;
  const params = await resume(state, await sign({ iss: 'x', sub: userId, state, iat: past - 60, exp: past }, { iat: false, exp: false }));
  assert.match(params.get('error_description') ?? '', /expired/);
});
