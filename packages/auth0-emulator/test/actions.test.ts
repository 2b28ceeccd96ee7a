import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { SignJWT } from 'jose';
import type { PostLoginAction, PostLoginEvent } from '../src/index.js';
import { startEmulator } from '../src/index.js';
import { CALLBACK, CONNECTION, PASSWORD, SPA, authorizeWithPassword, claims, createUser, m2mToken, management, path, pkce, postJson, redirectParams, useEmulator } from './helpers.js';

const CONSENT_SECRET = 'consent-page-shared-secret';
const seen: PostLoginEvent[] = [];

/** Denies users flagged as deleted (the project's withdrawal Action). */
const denyDeleted: PostLoginAction = {
  name: 'deny-deleted',
  onExecutePostLogin(event, api) {
    seen.push(event);
    if (event.user.app_metadata.deleted === true) api.access.deny('This account was deleted.');
  },
};

/** Marks logins and adds custom claims. */
const annotate: PostLoginAction = {
  name: 'annotate',
  secrets: { REGION: 'eu' },
  onExecutePostLogin(event, api) {
    api.user.setAppMetadata('last_action_run', event.stats.logins_count);
    api.user.setUserMetadata('greeting', `hello ${event.secrets.REGION}`);
    api.idToken.setCustomClaim('https://assent.example/region', event.secrets.REGION);
    api.accessToken.setCustomClaim('https://assent.example/logins', event.stats.logins_count);
  },
};

/** Sends users without consent to a consent page and records what comes back (the social-login consent flow). */
const askConsent: PostLoginAction = {
  name: 'ask-consent',
  onExecutePostLogin(event, api) {
    if (event.user.user_metadata.consent) return;
    const token = api.redirect.encodeToken({ secret: CONSENT_SECRET, expiresInSeconds: 300, payload: { policy: 'acme@1' } });
    api.redirect.sendUserTo('http://localhost:5173/consent', { query: { session_token: token } });
  },
  onContinuePostLogin(_event, api) {
    const payload = api.redirect.validateToken({ secret: CONSENT_SECRET, tokenParameterName: 'consent_token' });
    api.user.setUserMetadata('consent', { given: payload.accepted === true, policy: payload.policy });
  },
};

const emulator = useEmulator({ actions: [denyDeleted, annotate, askConsent] });

function codeRequest(): { params: Record<string, string>; verifier: string } {
  const { verifier, challenge } = pkce();
  return {
    verifier,
    params: { client_id: SPA, response_type: 'code', redirect_uri: CALLBACK, scope: 'openid', state: 'app-state', code_challenge: challenge, code_challenge_method: 'S256' },
  };
}

/** A user who already consented, so askConsent lets them through. */
async function consentedUser(): Promise<{ email: string; userId: string }> {
  const user = await createUser(emulator.current);
  await management(emulator.current, 'PATCH', path(user.userId), await m2mToken(emulator.current), { user_metadata: { consent: { given: true } } });
  return user;
}

/** The consent page's answer: an HS256 token with the standard claims Auth0 requires, carrying the login's state. */
async function consentToken(state: string, sub: string, secret = CONSENT_SECRET): Promise<string> {
  return new SignJWT({ state, accepted: true, policy: 'acme@1' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('http://localhost:5173/')
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(secret));
}

describe('post-login Actions during /authorize', () => {
  test('api.access.deny sends the user back with error=access_denied and the reason', async () => {
    const { email, userId } = await consentedUser();
    await management(emulator.current, 'PATCH', path(userId), await m2mToken(emulator.current), { app_metadata: { deleted: true } });
    const response = await authorizeWithPassword(emulator.current, codeRequest().params, { email });
    const params = redirectParams(response);
    assert.equal(params.get('error'), 'access_denied');
    assert.equal(params.get('error_description'), 'This account was deleted.');
    assert.equal(params.get('state'), 'app-state');
  });

  test("the event has Auth0's shape for user, client, connection, request, stats, transaction and secrets", async () => {
    const { email, userId } = await consentedUser();
    seen.length = 0;
    await authorizeWithPassword(emulator.current, codeRequest().params, { email });
    const event = seen[0];
    assert.ok(event);
    assert.equal(event.user.user_id, userId);
    assert.equal(event.user.email, email);
    assert.deepEqual(event.user.identities, [{ connection: CONNECTION, provider: 'auth0', user_id: userId.slice(6), isSocial: false }]);
    assert.equal(event.client.client_id, SPA);
    assert.equal(event.connection.name, CONNECTION);
    assert.equal(event.connection.strategy, 'auth0');
    assert.equal(event.stats.logins_count, 1);
    assert.equal(event.transaction.protocol, 'oidc-basic-profile');
    assert.equal(event.transaction.redirect_uri, CALLBACK);
    assert.match(event.request.ip, /127\.0\.0\.1/);
    assert.equal('password' in event.request.body, false);
    assert.deepEqual(event.secrets, {});
  });

  test('metadata set by an Action is saved, and custom claims reach both tokens', async () => {
    const { email, userId } = await consentedUser();
    const { params, verifier } = codeRequest();
    const code = redirectParams(await authorizeWithPassword(emulator.current, params, { email })).get('code') ?? '';
    const tokens = (await (await postJson(`${emulator.current.url}/oauth/token`, { grant_type: 'authorization_code', client_id: SPA, code, code_verifier: verifier })).json()) as {
      id_token: string;
      access_token: string;
    };
    assert.equal(claims(tokens.id_token)['https://assent.example/region'], 'eu');
    assert.equal(claims(tokens.access_token)['https://assent.example/logins'], 1);
    const user = (await (await management(emulator.current, 'GET', path(userId), await m2mToken(emulator.current))).json()) as Record<string, Record<string, unknown>>;
    assert.equal(user.app_metadata?.last_action_run, 1);
    assert.equal(user.user_metadata?.greeting, 'hello eu');
  });

  test('api.redirect suspends the login, and /continue resumes it with onContinuePostLogin', async () => {
    const { email, userId } = await createUser(emulator.current);
    const response = await authorizeWithPassword(emulator.current, codeRequest().params, { email });
    assert.equal(response.status, 302);
    const target = new URL(response.headers.get('location') ?? '');
    assert.equal(`${target.origin}${target.pathname}`, 'http://localhost:5173/consent');
    const state = target.searchParams.get('state') ?? '';
    const sessionToken = claims(target.searchParams.get('session_token') ?? '');
    assert.equal(sessionToken.state, state);
    assert.equal(sessionToken.sub, userId);
    assert.equal(sessionToken.policy, 'acme@1');

    const resumed = await fetch(`${emulator.current.url}/continue?${new URLSearchParams({ state, consent_token: await consentToken(state, userId) })}`, { redirect: 'manual' });
    assert.equal(resumed.status, 302);
    const params = redirectParams(resumed);
    assert.ok(params.get('code'));
    assert.equal(params.get('state'), 'app-state');
    const user = (await (await management(emulator.current, 'GET', path(userId), await m2mToken(emulator.current))).json()) as Record<string, Record<string, unknown>>;
    assert.deepEqual(user.user_metadata?.consent, { given: true, policy: 'acme@1' });
  });

  test('validateToken refuses a token signed with another secret and the login fails', async () => {
    const { email, userId } = await createUser(emulator.current);
    const target = new URL((await authorizeWithPassword(emulator.current, codeRequest().params, { email })).headers.get('location') ?? '');
    const state = target.searchParams.get('state') ?? '';
    const resumed = await fetch(`${emulator.current.url}/continue?${new URLSearchParams({ state, consent_token: await consentToken(state, userId, 'wrong-secret') })}`, { redirect: 'manual' });
    const params = redirectParams(resumed);
    assert.equal(params.get('error'), 'access_denied');
    assert.match(params.get('error_description') ?? '', /invalid signature/);
  });

  test('/continue with an unknown state shows an error page', async () => {
    const response = await fetch(`${emulator.current.url}/continue?state=unknown`, { redirect: 'manual' });
    assert.equal(response.status, 400);
  });

  test('the password grant runs Actions too: a denied user gets 403 access_denied', async () => {
    const { email, userId } = await consentedUser();
    await management(emulator.current, 'PATCH', path(userId), await m2mToken(emulator.current), { app_metadata: { deleted: true } });
    const response = await postJson(`${emulator.current.url}/oauth/token`, {
      grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
      client_id: SPA,
      username: email,
      password: PASSWORD,
      realm: CONNECTION,
    });
    assert.equal(response.status, 403);
    assert.deepEqual(await response.json(), { error: 'access_denied', error_description: 'This account was deleted.' });
  });

  test('the password grant cannot redirect: interaction_required', async () => {
    const { email } = await createUser(emulator.current);
    const response = await postJson(`${emulator.current.url}/oauth/token`, {
      grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
      client_id: SPA,
      username: email,
      password: PASSWORD,
      realm: CONNECTION,
    });
    assert.equal(response.status, 403);
    assert.equal(((await response.json()) as { error: string }).error, 'interaction_required');
  });
});

test('a tenant file loads Actions from ES and CommonJS modules next to it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'assent-emulator-actions-'));
  try {
    await writeFile(join(dir, 'esm.mjs'), "export async function onExecutePostLogin(event, api) { api.idToken.setCustomClaim('https://x/esm', event.secrets.WHO); }\n");
    await writeFile(join(dir, 'cjs.cjs'), "exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('https://x/cjs', true); };\n");
    await writeFile(join(dir, 'tenant.json'), JSON.stringify({ actions: [{ module: './esm.mjs', secrets: { WHO: 'esm' } }, { module: './cjs.cjs' }] }));
    const running = await startEmulator({ port: 0, tenant: join(dir, 'tenant.json') });
    try {
      const { email } = await createUser(running);
      const response = await postJson(`${running.url}/oauth/token`, {
        grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
        client_id: SPA,
        username: email,
        password: PASSWORD,
        realm: CONNECTION,
        scope: 'openid',
      });
      const idToken = claims(((await response.json()) as { id_token: string }).id_token);
      assert.equal(idToken['https://x/esm'], 'esm');
      assert.equal(idToken['https://x/cjs'], true);
    } finally {
      await running.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
