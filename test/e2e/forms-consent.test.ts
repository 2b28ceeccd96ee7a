/**
 * The Forms-based post-login consent gate in real Chromium: a user of the simulated Google
 * connection meets the consent Form that @assent/universal-login deployed with the auth0 SDK. The
 * Form's custom field loads the single-file `<assent-terms>` from a "CDN" with its SRI hash under
 * the page's strict CSP and hides the Legal fields; accepting with one optional purpose ends at the
 * app with exactly that consent stored; submitting without the required box (the Legal fields,
 * JavaScript off) denies the login; new terms show the Form again to a returning user; axe finds no
 * violation on the Form page.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AxeResults } from 'axe-core';
import { startEmulator, type RunningEmulator } from '@assent/auth0-emulator';
import { decodeConsentObject, loadMessages, parsePolicy, verifyDecision, type ConsentPolicy } from '@assent/core';
import { formActionSecrets } from '@assent/server';
import { deployConsentForm } from '@assent/universal-login';
import { ManagementClient } from 'auth0';
import type { Browser, Page } from 'playwright-core';
import { buildCdn, type CdnManifest } from '../../packages/universal-login/scripts/build-cdn.js';
import { launchChromium, openGuardedPage } from '@assent/testkit/browser';
import { startPageServer, type PageServer } from '@assent/testkit/page-server';
import { uniqueEmail } from '../support/unique.js';

const SPA = 'forms-app';
const M2M = 'forms-deployer';
const M2M_SECRET = 'forms-deployer-secret-for-tests-only';
const SOCIAL = 'google-oauth2';
const ACTION = fileURLToPath(new URL('../../packages/server/actions/post-login-form.js', import.meta.url));

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
const newTerms = parsePolicy({ ...policy, version: '2026-12-01', documents: policy.documents.map((document) => (document.id === 'terms' ? { ...document, version: '4.0' } : document)) });

let app: PageServer;
let cdn: ServerType;
let cdnOrigin: string;
let cdnDir: string;
let manifest: CdnManifest;
let emulator: RunningEmulator;
let management: ManagementClient;
let browser: Browser;

/** Deploys the Form of `current` and points the Action at it, as a team publishing terms does. */
async function publish(current: ConsentPolicy): Promise<void> {
  const { formId } = await deployConsentForm({ management, policy: current, element: { scriptUrl: `${cdnOrigin}/assent-terms.js`, integrity: manifest.integrity } });
  const action = (await management.actions.list({ actionName: 'assent-post-login-form' })).data[0]!;
  await management.actions.update(action.id!, { secrets: Object.entries(formActionSecrets({ policy: current, formId: formId! })).map(([name, value]) => ({ name, value })) });
  await management.actions.deploy(action.id!);
}

before(async () => {
  cdnDir = await mkdtemp(join(tmpdir(), 'assent-forms-cdn-'));
  manifest = await buildCdn(cdnDir);
  const script = await readFile(join(cdnDir, manifest.file), 'utf8');
  const files = new Hono();
  files.get('/assent-terms.js', (c) => c.body(script, 200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' }));
  cdn = await new Promise<ServerType>((resolve) => {
    const started: ServerType = serve({ fetch: files.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  cdnOrigin = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;

  app = await startPageServer({ '/callback': { type: 'text/html', body: '<!doctype html><html lang="en"><title>Signed in</title></html>' } });
  emulator = await startEmulator({
    port: 0,
    tenant: {
      clients: [
        { client_id: SPA, name: 'Acme', app_type: 'spa', callbacks: [`${app.origin}/callback`] },
        {
          client_id: M2M,
          app_type: 'non_interactive',
          client_secret: M2M_SECRET,
          grants: [{ scope: ['read:forms', 'create:forms', 'update:forms', 'read:actions', 'update:actions', 'create:actions'] }],
        },
      ],
      connections: [{ name: SOCIAL, strategy: 'google-oauth2' }],
      actions: [{ module: ACTION, name: 'assent-post-login-form', secrets: formActionSecrets({ policy, formId: 'ap_notdeployedyet' }) }],
    },
    enableAdmin: true,
  });
  // The SDK speaks https to a domain; this emulator runs plain http on loopback.
  const https = emulator.url.replace(/^http:/, 'https:');
  const emulatorFetch: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    return request.url.startsWith(https) ? fetch(new Request(emulator.url + request.url.slice(https.length), request)) : fetch(request);
  };
  management = new ManagementClient({ domain: new URL(emulator.url).host, clientId: M2M, clientSecret: M2M_SECRET, fetch: emulatorFetch });
  await publish(policy);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await emulator?.stop();
  await app?.close();
  await new Promise((resolve) => cdn?.close(resolve));
  if (cdnDir) await rm(cdnDir, { recursive: true, force: true });
});

function loginUrl(): string {
  return `${emulator.url}/authorize?${new URLSearchParams({ client_id: SPA, redirect_uri: `${app.origin}/callback`, response_type: 'code', state: 's', connection: SOCIAL, ui_locales: 'en' })}`;
}

/** Signs in as `email` on the simulated provider; ends on the consent Form. */
async function reachForm(page: Page, email: string): Promise<void> {
  await page.goto(loginUrl());
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/u\/forms\/ap_/);
}

/** Waits until the custom field has mounted <assent-terms> and hidden the Legal fields. */
async function elementInPlace(page: Page): Promise<void> {
  await page
    .locator('assent-terms')
    .getByRole('checkbox', { name: /^I agree to the Terms of Service/ })
    .waitFor();
  await page.locator('#f-consent_required').waitFor({ state: 'hidden' });
}

async function storedConsent(email: string): Promise<unknown> {
  const users = (await (await fetch(`${emulator.url}/__emulator/users`)).json()) as { email: string; app_metadata?: { consent?: unknown } }[];
  return users.find((user) => user.email === email)?.app_metadata?.consent;
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(await readFile(axeSource, 'utf8'));
  const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('the consent Form of a social login', () => {
  test('accepting with one optional purpose in <assent-terms> ends at the app with exactly that consent stored, its hash proven', async (t) => {
    const session = await openGuardedPage(browser);
    t.after(() => session.close());
    const { page } = session;
    const email = uniqueEmail('forms-accept');
    await reachForm(page, email);
    await elementInPlace(page);
    assert.equal(await page.getByRole('checkbox').count(), 3, "only the element's boxes are visible: the Legal fields are hidden");
    await page.getByRole('checkbox', { name: 'Email me news and offers from Acme GmbH.' }).check();
    await page.getByRole('checkbox', { name: /^I agree to the Terms of Service/ }).check();
    await page.waitForFunction(() => ((document.querySelector('assent-terms') as unknown as { decision: unknown } | null)?.decision ?? null) !== null);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${app.origin}/callback?**`);
    assert.ok(new URL(page.url()).searchParams.get('code'));

    const consent = decodeConsentObject(await storedConsent(email));
    assert.deepEqual(consent.purposes, { terms: true, marketing: true, analytics: false });
    assert.equal(consent.history.length, 1);
    const decision = { policy: consent.policy, version: consent.version, purposes: ['terms', 'marketing'], locale: consent.locale, hash: consent.hash, at: consent.date };
    assert.equal(await verifyDecision(decision, policy, await loadMessages(consent.locale)), true);
  });

  test("Continue with the required box unticked shows the element's error and submits nothing", async (t) => {
    const session = await openGuardedPage(browser);
    t.after(() => session.close());
    const { page } = session;
    await reachForm(page, uniqueEmail('forms-unticked'));
    await elementInPlace(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    // The element is a required form control: the browser's own validation stops the submit and the element shows its error.
    const error = page.locator('assent-terms').getByRole('alert').filter({ hasText: /\S/ });
    await error.waitFor();
    assert.equal((await error.textContent())?.trim(), 'Please accept the Terms of Service and Privacy Policy to continue.');
    assert.match(page.url(), /\/u\/forms\/ap_/);
  });

  test('without JavaScript the Legal fields answer: submitting without the required box denies the login and stores nothing', async (t) => {
    const session = await openGuardedPage(browser, { javaScriptEnabled: false });
    t.after(() => session.close());
    const { page } = session;
    const email = uniqueEmail('forms-decline');
    await reachForm(page, email);
    await page.getByRole('checkbox', { name: 'Email me news and offers from Acme GmbH.' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${app.origin}/callback?**`);
    const params = new URL(page.url()).searchParams;
    assert.equal(params.get('error'), 'access_denied');
    assert.equal(params.get('error_description'), 'Consent declined');
    assert.equal(await storedConsent(email), undefined);
  });

  test('publishing new terms shows the Form again to a returning user, who ends with the new version stored', async (t) => {
    const email = uniqueEmail('forms-returning');
    {
      const session = await openGuardedPage(browser, { javaScriptEnabled: false });
      t.after(() => session.close());
      await reachForm(session.page, email);
      await session.page.getByRole('checkbox', { name: /^I agree to the Terms of Service/ }).check();
      await session.page.getByRole('button', { name: 'Continue' }).click();
      await session.page.waitForURL(`${app.origin}/callback?code=**`);
    }
    await publish(newTerms);
    t.after(() => publish(policy));
    const session = await openGuardedPage(browser);
    t.after(() => session.close());
    await reachForm(session.page, email);
    await elementInPlace(session.page);
    await session.page.getByRole('checkbox', { name: /^I agree to the Terms of Service/ }).check();
    await session.page.waitForFunction(() => ((document.querySelector('assent-terms') as unknown as { decision: unknown } | null)?.decision ?? null) !== null);
    await session.page.getByRole('button', { name: 'Continue' }).click();
    await session.page.waitForURL(`${app.origin}/callback?code=**`);
    const consent = decodeConsentObject(await storedConsent(email));
    assert.equal(consent.version, '2026-12-01');
    assert.deepEqual(consent.documents, { terms: '4.0', privacy: '2.0' });
  });

  test('axe finds no violation on the Form page, with <assent-terms> and with the Legal fields (its script blocked)', async (t) => {
    for (const scriptBlocked of [false, true]) {
      const session = await openGuardedPage(browser);
      t.after(() => session.close());
      if (scriptBlocked) await session.page.route('**/assent-terms.js', (route) => route.abort('blockedbyclient'));
      await reachForm(session.page, uniqueEmail('forms-axe'));
      if (scriptBlocked) await session.page.locator('#f-consent_required').waitFor();
      else await elementInPlace(session.page);
      assert.deepEqual(await axeViolations(session.page), [], scriptBlocked ? 'Legal fields' : '<assent-terms>');
    }
  });
});
