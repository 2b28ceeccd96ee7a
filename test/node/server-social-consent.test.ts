/**
 * The social-login consent gap, closed, at the protocol level (the browser version is
 * test/e2e/server-social-consent.test.ts): a user of the simulated Google connection, who never saw
 * a signup form, is sent by the post-login Action to the consent page; the page's answer is checked
 * and signed by @assent/server and posted to /continue, where the Action records it in
 * app_metadata, or denies the login when the user declined.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createDecision, decodeConsentObject, en } from '@assent/core';
import { createConsentHandler } from '@assent/server';
import { SignJWT, decodeJwt } from 'jose';
import { request as httpRequest } from 'node:http';
import { uniqueEmail } from '../support/unique.js';
import { API_AUDIENCE, M2M, M2M_SECRET, POLICY, SESSION_SECRET, SOCIAL, SPA, redirectParams, startServerFixture, type ServerFixture } from './server-fixture.js';

let fixture: ServerFixture;
before(async () => {
  fixture = await startServerFixture();
});
after(() => fixture?.close());

/** Signs in with the simulated provider; returns the Action's redirect target. */
async function socialLogin(email: string): Promise<Response> {
  const params = new URLSearchParams({ client_id: SPA, response_type: 'code', redirect_uri: fixture.callback, scope: 'openid', state: 'app-state', connection: SOCIAL });
  const page = await fixture.fetch(`${fixture.emulator.url}/authorize?${params}`);
  const html = await page.text();
  assert.doesNotMatch(html, /type="password"/, 'a social login asks for no password');
  const transaction = /name="state" value="([^"]+)"/.exec(html)![1]!;
  return fixture.fetch(`${fixture.emulator.url}/u/social`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ state: transaction, email }).toString(),
  });
}

/** The consent page URL the Action redirected to, and its parameters. */
function consentTarget(response: Response): { url: URL; state: string; sessionToken: string } {
  assert.equal(response.status, 302);
  const url = new URL(response.headers.get('location')!);
  assert.equal(`${url.origin}${url.pathname}`, `${fixture.api}/consent/page`);
  return { url, state: url.searchParams.get('state')!, sessionToken: url.searchParams.get('session_token')! };
}

/** Posts the page's answer and then the signed token to /continue, as the page script does. */
async function answer(target: { state: string; sessionToken: string }, body: Record<string, unknown>): Promise<Response> {
  const signed = await fixture.call('/consent/page/decision', { body: { state: target.state, session_token: target.sessionToken, ...body } });
  assert.equal(signed.status, 200, await signed.clone().text());
  const { action, fields } = (await signed.json()) as { action: string; fields: Record<string, string> };
  assert.equal(action, `${fixture.emulator.url}/continue`);
  return fixture.fetch(action, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
}

async function userByEmail(email: string) {
  const [user] = await fixture.management.users.listUsersByEmail({ email });
  assert.ok(user, email);
  return user;
}

describe('a social login without consent', () => {
  test('is redirected to the consent page, accepts, continues, and ends with the consent in app_metadata', async () => {
    const email = uniqueEmail('social-accept');
    const target = consentTarget(await socialLogin(email));

    const page = await fixture.call(`/consent/page?${target.url.searchParams}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<assent-terms><\/assent-terms>/);
    assert.match(html, /"id":"acme-signup"/);
    assert.match(page.headers.get('content-security-policy') ?? '', new RegExp(`form-action 'self' ${fixture.emulator.url.replace(/[.]/g, '\\.')}`));

    const decision = await createDecision(POLICY, { accepted: ['terms', 'marketing'], locale: 'en', messages: en });
    const done = await answer(target, { outcome: 'accepted', decision });
    const params = redirectParams(done);
    assert.ok(params.get('code'), params.toString());
    assert.equal(params.get('state'), 'app-state');

    const user = await userByEmail(email);
    assert.match(user.user_id!, /^google-oauth2\|/);
    const consent = decodeConsentObject(user.app_metadata?.consent);
    assert.equal(consent.given, true);
    assert.deepEqual(consent.purposes, { terms: true, marketing: true });
    assert.equal(consent.hash, decision.hash);
    assert.deepEqual(consent.documents, { terms: '3.1', privacy: '2.0' });
    assert.equal(consent.history[0]!.source, 'action');

    // Consent on record: the next login goes straight through.
    assert.ok(redirectParams(await socialLogin(email)).get('code'));
  });

  test('declining ends with the login denied and nothing recorded', async () => {
    const email = uniqueEmail('social-decline');
    const target = consentTarget(await socialLogin(email));
    const params = redirectParams(await answer(target, { outcome: 'declined' }));
    assert.equal(params.get('error'), 'access_denied');
    assert.equal(params.get('error_description'), 'Consent declined');
    assert.equal((await userByEmail(email)).app_metadata?.consent, undefined);
  });

  test('an account flagged as deleted while its login waits on the consent page is denied at /continue, and nothing is recorded [GDPR 17]', async () => {
    const email = uniqueEmail('social-deleted-meanwhile');
    const target = consentTarget(await socialLogin(email));
    const user = await userByEmail(email);
    await fixture.management.users.update(user.user_id!, { app_metadata: { deleted: true, deleted_at: new Date().toISOString() } });

    const decision = await createDecision(POLICY, { accepted: ['terms'], locale: 'en', messages: en });
    const params = redirectParams(await answer(target, { outcome: 'accepted', decision }));
    assert.equal(params.get('code'), null, 'no code for a deleted account');
    assert.equal(params.get('error'), 'access_denied');
    assert.equal(params.get('error_description'), 'Access denied (deleted user)');
    assert.equal((await userByEmail(email)).app_metadata?.consent, undefined);
  });

  test('a return token signed with another secret is refused by the Action', async () => {
    const email = uniqueEmail('social-forged');
    const target = consentTarget(await socialLogin(email));
    const user = await userByEmail(email);
    const forged = await new SignJWT({ state: target.state, assent: { outcome: 'accepted' } })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://evil.example')
      .setSubject(user.user_id!)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('not-the-shared-secret-not-the-shared-secret'));
    const done = await fixture.fetch(`${fixture.emulator.url}/continue`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ state: target.state, session_token: forged }).toString(),
    });
    const params = redirectParams(done);
    assert.equal(params.get('error'), 'access_denied');
    assert.match(params.get('error_description') ?? '', /Consent could not be verified/);
  });

  test('a /continue can be used once: a replay shows an error page', async () => {
    const target = consentTarget(await socialLogin(uniqueEmail('social-replay')));
    const signed = (await (await fixture.call('/consent/page/decision', { body: { state: target.state, session_token: target.sessionToken, outcome: 'declined' } })).json()) as {
      action: string;
      fields: Record<string, string>;
    };
    const post = () =>
      fixture.fetch(signed.action, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(signed.fields).toString() });
    assert.equal((await post()).status, 302);
    assert.equal((await post()).status, 400);
  });
});

describe('the session token and the return token cannot stand in for each other', () => {
  test('the Action’s session token posted to /continue as the answer is refused, and nothing is recorded', async () => {
    const email = uniqueEmail('social-session-as-return');
    const target = consentTarget(await socialLogin(email));
    const done = await fixture.fetch(`${fixture.emulator.url}/continue`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ state: target.state, session_token: target.sessionToken }).toString(),
    });
    const params = redirectParams(done);
    assert.equal(params.get('code'), null);
    assert.equal(params.get('error'), 'access_denied');
    assert.equal(params.get('error_description'), "Consent could not be verified: the token is not the consent page's answer");
    assert.equal((await userByEmail(email)).app_metadata?.consent, undefined);
  });

  test('the page’s return token does not open the consent page or sign a decision', async () => {
    const target = consentTarget(await socialLogin(uniqueEmail('social-return-as-session')));
    const signed = await fixture.call('/consent/page/decision', { body: { state: target.state, session_token: target.sessionToken, outcome: 'declined' } });
    assert.equal(signed.status, 200);
    const returnToken = ((await signed.json()) as { fields: { session_token: string } }).fields.session_token;

    const page = await fixture.call(`/consent/page?${new URLSearchParams({ state: target.state, session_token: returnToken })}`);
    assert.equal(page.status, 400);
    assert.match(await page.text(), /not a session token of the post-login Action/);
    const decision = await createDecision(POLICY, { accepted: ['terms'], locale: 'en', messages: en });
    const refused = await fixture.call('/consent/page/decision', { body: { state: target.state, session_token: returnToken, outcome: 'accepted', decision } });
    assert.equal(refused.status, 401);
    assert.equal(((await refused.json()) as { field: string }).field, 'session_token');
  });
});

/** Posts a decision to the consent server with the Host header given, as a raw HTTP client can. */
function postWithHost(host: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const url = new URL('/consent/page/decision', fixture.api);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

describe('the issuer of the page’s answer', () => {
  test('is the configured public origin: a forged Host header does not change it, and the Action accepts the answer', async () => {
    const email = uniqueEmail('social-forged-host');
    const target = consentTarget(await socialLogin(email));
    const decision = await createDecision(POLICY, { accepted: ['terms'], locale: 'en', messages: en });
    const signed = await postWithHost('evil.example', { state: target.state, session_token: target.sessionToken, outcome: 'accepted', decision });
    assert.equal(signed.status, 200, JSON.stringify(signed.json));
    const { action, fields } = signed.json as { action: string; fields: Record<string, string> };
    assert.equal(decodeJwt(fields.session_token!).iss, fixture.api);

    const done = await fixture.fetch(action, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    assert.ok(redirectParams(done).get('code'));
    assert.equal(decodeConsentObject((await userByEmail(email)).app_metadata?.consent).given, true);
  });

  test('an answer signed with the shared secret but issued by another origin is refused by the Action, and nothing is recorded', async () => {
    const email = uniqueEmail('social-other-issuer');
    const target = consentTarget(await socialLogin(email));
    const user = await userByEmail(email);
    const decision = await createDecision(POLICY, { accepted: ['terms'], locale: 'en', messages: en });
    const answer = {
      outcome: 'accepted',
      event_id: crypto.randomUUID(),
      decision: { policy: decision.policy, version: decision.version, purposes: decision.purposes, locale: decision.locale, hash: decision.hash },
    };
    const token = await new SignJWT({ token_use: 'assent-consent-return', state: target.state, assent: answer })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer('http://evil.example')
      .setSubject(user.user_id!)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SESSION_SECRET));
    const done = await fixture.fetch(`${fixture.emulator.url}/continue`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ state: target.state, session_token: token }).toString(),
    });
    const params = redirectParams(done);
    assert.equal(params.get('error'), 'access_denied');
    assert.match(params.get('error_description') ?? '', /^Consent could not be verified: the answer was issued by "http:\/\/evil\.example", not by the consent page/);
    assert.equal((await userByEmail(email)).app_metadata?.consent, undefined);
  });
});

describe('the consent page and its decision endpoint', () => {
  test('an expired session token shows the "sign in again" page', async () => {
    const target = consentTarget(await socialLogin(uniqueEmail('social-expired')));
    const past = Math.floor(Date.now() / 1000) - 60;
    const expired = await new SignJWT({ token_use: 'assent-consent-session', state: target.state })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('google-oauth2|1')
      .setIssuedAt(past - 900)
      .setExpirationTime(past)
      .sign(new TextEncoder().encode(SESSION_SECRET));
    const page = await fixture.call(`/consent/page?${new URLSearchParams({ state: target.state, session_token: expired })}`);
    assert.equal(page.status, 400);
    const html = await page.text();
    assert.match(html, /This link has expired/);
    assert.match(html, /session token has expired/);
    assert.doesNotMatch(html, /<form/);
  });

  test('a session token for another login (state) is refused', async () => {
    const first = consentTarget(await socialLogin(uniqueEmail('social-a')));
    const second = consentTarget(await socialLogin(uniqueEmail('social-b')));
    const response = await fixture.call('/consent/page/decision', { body: { state: second.state, session_token: first.sessionToken, outcome: 'declined' } });
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { field: string }).field, 'session_token');
  });

  test('a decision whose hash does not match the policy text is refused (422) and nothing is signed', async () => {
    const target = consentTarget(await socialLogin(uniqueEmail('social-tampered')));
    const decision = await createDecision(POLICY, { accepted: ['terms'], locale: 'en', messages: en });
    const response = await fixture.call('/consent/page/decision', {
      body: { state: target.state, session_token: target.sessionToken, outcome: 'accepted', decision: { ...decision, purposes: ['terms', 'marketing'] } },
    });
    assert.equal(response.status, 422);
    assert.equal(((await response.json()) as { error: string }).error, 'decision_mismatch');
  });

  test('an accepted outcome without a decision, or an unknown outcome, is refused naming the field', async () => {
    const target = consentTarget(await socialLogin(uniqueEmail('social-fields')));
    const missing = await fixture.call('/consent/page/decision', { body: { state: target.state, session_token: target.sessionToken, outcome: 'accepted' } });
    assert.equal(((await missing.json()) as { field: string }).field, 'decision');
    const unknown = await fixture.call('/consent/page/decision', { body: { state: target.state, session_token: target.sessionToken, outcome: 'maybe' } });
    assert.equal(((await unknown.json()) as { field: string }).field, 'outcome');
  });

  test('with a continue URL on a custom domain, the page may post there and the signed answer goes there', async () => {
    const continueUrl = 'https://login.acme.example/continue';
    const handler = createConsentHandler({
      auth0: { domain: fixture.emulator.tenant.domain, clientId: M2M, clientSecret: M2M_SECRET },
      audience: API_AUDIENCE,
      policy: POLICY,
      consentPage: { sessionSecret: SESSION_SECRET, publicOrigin: fixture.api, continueUrl },
      fetch: fixture.fetch,
    });
    const target = consentTarget(await socialLogin(uniqueEmail('social-custom-domain')));
    const page = await handler.fetch(new Request(`http://127.0.0.1/consent/page?${new URLSearchParams({ state: target.state, session_token: target.sessionToken })}`));
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /form-action 'self' https:\/\/login\.acme\.example;/);
    const signed = await handler.fetch(
      new Request('http://127.0.0.1/consent/page/decision', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ state: target.state, session_token: target.sessionToken, outcome: 'declined' }),
      }),
    );
    assert.equal(signed.status, 200);
    assert.equal(((await signed.json()) as { action: string }).action, continueUrl);
  });

  test('names the application the user signs in to, escaped, above the title and in the tab title', async () => {
    const handler = createConsentHandler({
      auth0: { domain: fixture.emulator.tenant.domain, clientId: M2M, clientSecret: M2M_SECRET },
      audience: API_AUDIENCE,
      policy: POLICY,
      consentPage: { sessionSecret: SESSION_SECRET, publicOrigin: fixture.api, applicationName: 'Acme <Shop>' },
      fetch: fixture.fetch,
    });
    const target = consentTarget(await socialLogin(uniqueEmail('social-app-name')));
    const page = await handler.fetch(new Request(`http://127.0.0.1/consent/page?${new URLSearchParams({ state: target.state, session_token: target.sessionToken })}`));
    const html = await page.text();
    assert.match(html, /<p class="application">Acme &lt;Shop&gt;<\/p>\n<h1>/);
    assert.match(html, /<title>Before you continue · Acme &lt;Shop&gt;<\/title>/);
  });

  test('serves the page script and its language chunks, and nothing else', async () => {
    const script = await fixture.call('/consent/page/consent-page.js');
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /text\/javascript/);
    // The languages load on demand through a language table chunk: follow the chunks the script imports.
    const chunkPath = /["']\.\/(?:chunks\/)?([\w-]+\.js)["']/g;
    const seen = new Set<string>();
    const pending = [...(await script.text()).matchAll(chunkPath)].map((match) => match[1]!);
    while (pending.length > 0) {
      const name = pending.shift()!;
      if (seen.has(name)) continue;
      seen.add(name);
      const chunk = await fixture.call(`/consent/page/chunks/${name}`);
      assert.equal(chunk.status, 200, `chunks/${name}`);
      pending.push(...[...(await chunk.text()).matchAll(chunkPath)].map((match) => match[1]!));
    }
    assert.ok(
      [...seen].some((name) => /^de-[A-Z0-9]+\.js$/.test(name)),
      `the German texts are a separate chunk (chunks: ${[...seen].join(', ')})`,
    );
    assert.equal((await fixture.call('/consent/page/../package.json')).status, 404);
  });
});
