/**
 * The Forms-based post-login consent gate at the protocol level (the browser version is
 * test/e2e/forms-consent.test.ts): a user of the simulated Google connection meets the consent Form
 * that @assent/universal-login deployed with the auth0 SDK; the emulator renders it and posts its
 * fields to /continue, where `actions/post-login-form.js` proves and records them, or denies the
 * login. The consent then travels in the tokens, and a withdrawal reaches the next token.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { defaultTenantConfig, startEmulator, type RunningEmulator } from '@assent/auth0-emulator';
import { applyConsentEvent, createDecision, decodeConsentObject, loadMessages, parsePolicy } from '@assent/core';
import { formActionSecrets } from '@assent/server';
import { deployConsentForm, deployConsentForms } from '@assent/universal-login';
import type { ManagementClient } from 'auth0';
import { decodeJwt } from 'jose';
import { trustingFetch, type TrustingFetch } from '@assent/testkit/https-trust';
import { managementClient } from '../support/management.js';
import { uniqueEmail } from '../support/unique.js';

const SPA = 'assent-demo-spa';
const SOCIAL = 'google-oauth2';
const CALLBACK = 'http://localhost:5173/';
const ACTION = fileURLToPath(new URL('../../packages/server/actions/post-login-form.js', import.meta.url));
const CLAIM = 'https://assent.dev/consent';

const policy = parsePolicy({
  id: 'acme-signup',
  version: '2026-11-01',
  controller: { name: 'Acme GmbH', contact: 'privacy@acme.example' },
  documents: [
    { id: 'terms', url: 'https://acme.example/terms', version: '3.1' },
    { id: 'privacy', url: 'https://acme.example/privacy', version: '2.0' },
  ],
  purposes: [
    { id: 'terms', required: true, basis: 'contract', documents: ['terms', 'privacy'] },
    { id: 'marketing', required: false, basis: 'consent' },
    { id: 'analytics', required: false, basis: 'consent' },
  ],
  withdrawal: { url: 'https://acme.example/account/privacy' },
});

let emulator: RunningEmulator;
let trust: TrustingFetch;
let management: ManagementClient;

const ELEMENT = { scriptUrl: 'https://cdn.acme.example/assent-terms.js', integrity: 'sha384-' + 'A'.repeat(64) };

/** New terms: version 2026-12-01 of the policy, with version 4.0 of the terms document. */
const newTerms = parsePolicy({ ...policy, version: '2026-12-01', documents: policy.documents.map((document) => (document.id === 'terms' ? { ...document, version: '4.0' } : document)) });

/** Deploys the Form of `current` and points the Action at it (its secrets, then a deploy), as a team would. */
async function publish(current = policy, element?: typeof ELEMENT): Promise<string> {
  const { formId } = await deployConsentForm({ management, policy: current, ...(element ? { element } : {}) });
  const action = (await management.actions.list({ actionName: 'assent-post-login-form' })).data[0]!;
  await management.actions.update(action.id!, { secrets: Object.entries(formActionSecrets({ policy: current, formId: formId! })).map(([name, value]) => ({ name, value })) });
  await management.actions.deploy(action.id!);
  return formId!;
}

before(async () => {
  const base = defaultTenantConfig();
  emulator = await startEmulator({
    port: 0,
    https: true,
    enableAdmin: true,
    tenant: {
      ...base,
      connections: [...(base.connections ?? []), { name: SOCIAL, strategy: 'google-oauth2' }],
      actions: [{ module: ACTION, name: 'assent-post-login-form', secrets: formActionSecrets({ policy, formId: 'ap_notdeployedyet' }) }],
    },
  });
  trust = trustingFetch(emulator.caCert!);
  management = managementClient({ domain: emulator.tenant.domain, fetch: trust.fetch });
});

after(async () => {
  await trust?.close();
  await emulator?.stop();
});

beforeEach(async () => {
  await trust.fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
});

/** A browser's cookie jar of one: the emulator's session cookie. */
interface Browser {
  cookie?: string;
}

async function get(browser: Browser, url: string): Promise<Response> {
  const response = await trust.fetch(url, { redirect: 'manual', headers: browser.cookie ? { cookie: browser.cookie } : {} });
  const set = response.headers.get('set-cookie');
  if (set) browser.cookie = set.split(';')[0];
  return response;
}

async function post(browser: Browser, url: string, fields: Record<string, string>): Promise<Response> {
  const response = await trust.fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(browser.cookie ? { cookie: browser.cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
  const set = response.headers.get('set-cookie');
  if (set) browser.cookie = set.split(';')[0];
  return response;
}

// One PKCE pair for every login of the file (S256 of this verifier).
const VERIFIER = 'assent-forms-consent-test-verifier-0123456789-abcdefghijklmnop';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

function authorizeUrl(extra: Record<string, string> = {}): string {
  const params = {
    client_id: SPA,
    response_type: 'code',
    redirect_uri: CALLBACK,
    scope: 'openid',
    state: 'app-state',
    connection: SOCIAL,
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    ...extra,
  };
  return `${emulator.url}/authorize?${new URLSearchParams(params)}`;
}

/** Signs in with the simulated provider (`extra`: more authorize parameters); returns the emulator's answer (not followed). */
async function socialLogin(browser: Browser, email: string, extra: Record<string, string> = {}): Promise<Response> {
  const html = await (await get(browser, authorizeUrl(extra))).text();
  const transaction = /name="state" value="([^"]+)"/.exec(html)![1]!;
  return post(browser, `${emulator.url}/u/social`, { state: transaction, email });
}

/** The Form page the Action sent the login to. */
async function formOf(browser: Browser, response: Response): Promise<{ state: string; html: string; csp: string }> {
  assert.equal(response.status, 302);
  const location = new URL(response.headers.get('location')!, emulator.url);
  assert.match(location.pathname, /^\/u\/forms\/ap_[A-Za-z0-9]{22}$/);
  const page = await get(browser, location.href);
  assert.equal(page.status, 200);
  return { state: location.searchParams.get('state')!, html: await page.text(), csp: page.headers.get('content-security-policy') ?? '' };
}

function callbackParams(response: Response): URLSearchParams {
  assert.equal(response.status, 302, `expected a redirect to the app, got ${response.status}`);
  const location = new URL(response.headers.get('location')!);
  assert.equal(`${location.origin}${location.pathname}`, CALLBACK);
  return location.searchParams;
}

async function tokens(code: string): Promise<{ id: Record<string, unknown>; access: Record<string, unknown> }> {
  const response = await trust.fetch(`${emulator.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'authorization_code', client_id: SPA, code, redirect_uri: CALLBACK, code_verifier: VERIFIER }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  const body = (await response.json()) as { id_token: string; access_token: string };
  return { id: decodeJwt(body.id_token), access: decodeJwt(body.access_token) };
}

async function userByEmail(email: string) {
  const [user] = await management.users.listUsersByEmail({ email });
  assert.ok(user, email);
  return user;
}

describe('a social login meets the consent Form', () => {
  test('the Form page shows the unticked Legal fields and the hidden policy, under a strict CSP without unsafe-inline or unsafe-eval', async () => {
    await publish();
    const form = await formOf({}, await socialLogin({}, uniqueEmail('form-page')));
    assert.match(form.html, /<input type="checkbox" id="f-consent_required" name="consent_required" value="true">/);
    assert.match(form.html, /name="consent_p_marketing"/);
    assert.doesNotMatch(form.html, /checked/);
    assert.match(form.html, /<h1>Acme GmbH<\/h1>/);
    assert.match(form.csp, /default-src 'none'/);
    assert.doesNotMatch(form.csp, /unsafe-inline|unsafe-eval/);
  });

  test('accepting with one optional purpose continues to the app and stores exactly that consent, proven on the server', async () => {
    await publish();
    const browser: Browser = {};
    const email = uniqueEmail('form-accept');
    const form = await formOf(browser, await socialLogin(browser, email));
    const params = callbackParams(await post(browser, `${emulator.url}/continue`, { state: form.state, consent_required: 'true', consent_p_marketing: 'true' }));
    assert.ok(params.get('code'), params.toString());
    assert.equal(params.get('state'), 'app-state');

    const consent = decodeConsentObject((await userByEmail(email)).app_metadata?.consent);
    assert.deepEqual(consent.purposes, { terms: true, marketing: true, analytics: false });
    const expected = await createDecision(policy, { accepted: ['terms', 'marketing'], locale: 'en', messages: await loadMessages('en') });
    assert.equal(consent.hash, expected.hash);
    assert.equal(consent.history[0]!.source, 'action');

    // Consent on record: the next login (another browser) goes straight through.
    assert.ok(callbackParams(await socialLogin({}, email)).get('code'));
  });

  test('submitting without the required box denies the login and records nothing', async () => {
    await publish();
    const browser: Browser = {};
    const email = uniqueEmail('form-decline');
    const form = await formOf(browser, await socialLogin(browser, email));
    const params = callbackParams(await post(browser, `${emulator.url}/continue`, { state: form.state, consent_p_marketing: 'true' }));
    assert.equal(params.get('error'), 'access_denied');
    assert.equal(params.get('error_description'), 'Consent declined');
    assert.equal((await userByEmail(email)).app_metadata?.consent, undefined);
  });

  test("an element answer whose hash is not the policy's statement is refused", async () => {
    await publish(policy, ELEMENT);
    const browser: Browser = {};
    const email = uniqueEmail('form-forged');
    const form = await formOf(browser, await socialLogin(browser, email));
    const forged = { policy: 'acme-signup', version: '2026-11-01', purposes: ['terms', 'marketing'], locale: 'en', hash: '0'.repeat(64) };
    const params = callbackParams(await post(browser, `${emulator.url}/continue`, { state: form.state, consent_terms: JSON.stringify(forged) }));
    assert.equal(params.get('error'), 'access_denied');
    assert.match(params.get('error_description') ?? '', /^Consent could not be verified: hash_mismatch/);
    assert.equal((await userByEmail(email)).app_metadata?.consent, undefined);
  });

  test('publishing new terms (a new version of the terms document) shows the Form again to a returning user', async () => {
    await publish();
    const browser: Browser = {};
    const email = uniqueEmail('form-reconsent');
    const first = await formOf(browser, await socialLogin(browser, email));
    callbackParams(await post(browser, `${emulator.url}/continue`, { state: first.state, consent_required: 'true' }));

    await publish(newTerms);
    const returning: Browser = {};
    const again = await formOf(returning, await socialLogin(returning, email));
    assert.match(again.html, /name="consent_required"/);
    assert.ok(callbackParams(await post(returning, `${emulator.url}/continue`, { state: again.state, consent_required: 'true' })).get('code'));
    assert.equal(decodeConsentObject((await userByEmail(email)).app_metadata?.consent).version, '2026-12-01');
  });

  test('a second post of the same Form is refused: the login continues once', async () => {
    await publish();
    const browser: Browser = {};
    const form = await formOf(browser, await socialLogin(browser, uniqueEmail('form-replay')));
    await post(browser, `${emulator.url}/continue`, { state: form.state, consent_required: 'true' });
    const replay = await post(browser, `${emulator.url}/continue`, { state: form.state, consent_required: 'true' });
    assert.equal(replay.status, 400);
  });
});

describe('one consent Form per language', () => {
  /** Deploys a Form per language and points the Action at them (ASSENT_FORM_IDS). */
  async function publishPerLanguage(languages: string[]): Promise<Readonly<Record<string, string | null>>> {
    const { formIds } = await deployConsentForms({ management, policy, languages });
    const action = (await management.actions.list({ actionName: 'assent-post-login-form' })).data[0]!;
    await management.actions.update(action.id!, { secrets: Object.entries(formActionSecrets({ policy, formIds: formIds as Record<string, string> })).map(([name, value]) => ({ name, value })) });
    await management.actions.deploy(action.id!);
    return formIds;
  }

  test('a German login meets the German Form, its Legal texts and button in German, and the consent is recorded in German', async () => {
    const formIds = await publishPerLanguage(['en', 'de']);
    const browser: Browser = {};
    const email = uniqueEmail('form-de');
    const response = await socialLogin(browser, email, { ui_locales: 'de' });
    assert.equal(new URL(response.headers.get('location')!, emulator.url).pathname, `/u/forms/${formIds.de}`);
    const form = await formOf(browser, response);
    assert.match(form.html, /<html lang="de">/);
    assert.match(form.html, /<button type="submit">Weiter<\/button>/);
    assert.match(form.html, /Ich möchte Neuigkeiten und Angebote von Acme GmbH per E-Mail erhalten\./);
    assert.ok(callbackParams(await post(browser, `${emulator.url}/continue`, { state: form.state, consent_required: 'true' })).get('code'));
    const consent = decodeConsentObject((await userByEmail(email)).app_metadata?.consent);
    assert.equal(consent.locale, 'de');
    assert.equal(consent.hash, (await createDecision(policy, { accepted: ['terms'], locale: 'de', messages: await loadMessages('de') })).hash);
  });

  test('a login in a language without a Form of its own meets the first Form, and the consent is recorded in its language', async () => {
    const formIds = await publishPerLanguage(['en', 'de']);
    const browser: Browser = {};
    const email = uniqueEmail('form-fr');
    const response = await socialLogin(browser, email, { ui_locales: 'fr' });
    assert.equal(new URL(response.headers.get('location')!, emulator.url).pathname, `/u/forms/${formIds.en}`);
    const form = await formOf(browser, response);
    assert.match(form.html, /<button type="submit">Continue<\/button>/);
    assert.ok(callbackParams(await post(browser, `${emulator.url}/continue`, { state: form.state, consent_required: 'true' })).get('code'));
    assert.equal(decodeConsentObject((await userByEmail(email)).app_metadata?.consent).locale, 'en');
  });

  test('formActionSecrets refuses both formId and formIds, neither, or a Form id that is not one', () => {
    assert.throws(() => formActionSecrets({ policy }), /give formId \(one Form\) or formIds/);
    assert.throws(() => formActionSecrets({ policy, formId: 'ap_a', formIds: { en: 'ap_b' } }), /not both/);
    assert.throws(() => formActionSecrets({ policy, formIds: { en: 'form-1' } }), /the Form of "en" must be the id of an Auth0 Form/);
    assert.throws(() => formActionSecrets({ policy, formIds: {} }), /at least one language/);
    assert.equal(formActionSecrets({ policy, formIds: { en: 'ap_a', de: 'ap_b' } }).ASSENT_FORM_IDS, '{"en":"ap_a","de":"ap_b"}');
  });
});

describe('the consent in the tokens', () => {
  test('the ID and access tokens carry the policy version, the accepted purposes and the record date', async () => {
    await publish();
    const browser: Browser = {};
    const email = uniqueEmail('form-claims');
    const form = await formOf(browser, await socialLogin(browser, email));
    const code = callbackParams(await post(browser, `${emulator.url}/continue`, { state: form.state, consent_required: 'true', consent_p_analytics: 'true' })).get('code')!;
    const { id, access } = await tokens(code);
    const record = decodeConsentObject((await userByEmail(email)).app_metadata?.consent);
    const claim = { policy: 'acme-signup@2026-11-01', purposes: ['terms', 'analytics'], at: record.date };
    assert.deepEqual(id[CLAIM], claim);
    assert.deepEqual(access[CLAIM], claim);
    assert.ok(JSON.stringify(claim).length < 200, 'small enough for a cookie session');
  });

  test('after a withdrawal of one purpose, the next token the app gets (a silent prompt=none authorization) no longer lists it [GDPR 7(3)]', async () => {
    await publish();
    const browser: Browser = {};
    const email = uniqueEmail('form-withdraw');
    const form = await formOf(browser, await socialLogin(browser, email));
    const first = await tokens(callbackParams(await post(browser, `${emulator.url}/continue`, { state: form.state, consent_required: 'true', consent_p_marketing: 'true' })).get('code')!);
    assert.deepEqual((first.id[CLAIM] as { purposes: string[] }).purposes, ['terms', 'marketing']);

    // The user withdraws marketing in the browser: a withdrawn event in their own copy, as the consent client writes it.
    const user = await userByEmail(email);
    const record = decodeConsentObject(user.app_metadata?.consent);
    const withdrawn = applyConsentEvent(
      record,
      {
        id: 'withdraw-marketing-1',
        event: 'withdrawn',
        at: new Date(Date.parse(record.date) + 1000).toISOString(),
        version: record.version,
        purposes: ['terms'],
        declined: ['marketing'],
        source: 'browser',
      },
      { now: Date.parse(record.date) + 2000 },
    );
    await management.users.update(user.user_id!, { user_metadata: { consent: withdrawn } });

    const silent = callbackParams(await get(browser, authorizeUrl({ prompt: 'none' })));
    const next = await tokens(silent.get('code')!);
    assert.deepEqual((next.id[CLAIM] as { purposes: string[] }).purposes, ['terms']);
    assert.deepEqual((next.access[CLAIM] as { purposes: string[] }).purposes, ['terms']);
  });
});
