/**
 * Consent on Auth0's custom signup screens (ACUL) end to end, in real Chromium: the example screens
 * (examples/acul-signup: the real `@auth0/auth0-acul-js` 1.8.0, `<assent-terms>` and
 * `@assent/universal-login/acul`, built by Vite) are switched to advanced rendering with the official
 * `auth0` SDK and served by the emulator; the built pre-user-registration Action of @assent/server
 * records the consent. The required box unticked sends nothing; terms + one optional purpose create
 * a user whose app_metadata.consent holds exactly those purposes with a hash core verifies; with
 * identifier first, the consent given on signup-id is posted again with the password on
 * signup-password, also after a refused password. A German screen records the German statement.
 * axe finds no violation on the screen.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '@assent/auth0-emulator';
import { decodeConsentObject, loadMessages, parsePolicy, verifyDecision } from '@assent/core';
import { buildAculSignup, headTags } from '@assent/example-acul-signup/build';
import policyJson from '@assent/example-acul-signup/consent-policy.json' with { type: 'json' };
import { universalLoginActionSecrets } from '@assent/universal-login';
import type { AxeResults } from 'axe-core';
import { ManagementClient } from 'auth0';
import type { Browser, Page, Request } from 'playwright-core';
import { launchChromium, openGuardedPage } from '@assent/testkit/browser';
import { startPageServer, type PageServer } from '@assent/testkit/page-server';
import { strongPassword, uniqueEmail } from '../support/unique.js';

const SPA = 'acul-app';
const M2M = 'acul-deployer';
const M2M_SECRET = 'acul-deployer-secret-for-tests-only';
const ACTION = createRequire(import.meta.url).resolve('@assent/server/actions/pre-user-registration.js');
const policy = parsePolicy(policyJson);
const TERMS = /I agree to the Terms of Service and Privacy Policy/;

let assets: PageServer;
let emulator: RunningEmulator;
let management: ManagementClient;
let browser: Browser;

/** The SDK builds https:// URLs; the emulator here speaks plain HTTP on loopback. */
function emulatorFetch(): typeof fetch {
  const https = emulator.url.replace(/^http:/, 'https:');
  return (input, init) => {
    const request = new Request(input, init);
    return request.url.startsWith(https) ? fetch(new Request(emulator.url + request.url.slice(https.length), request)) : fetch(request);
  };
}

before(async () => {
  const built = await buildAculSignup();
  // Another origin than the emulator's, as a CDN is: the module script and the stylesheet are CORS requests checked against their SRI hashes.
  const cors = { 'access-control-allow-origin': '*' };
  assets = await startPageServer({
    '/acul/acul-signup.js': { type: 'text/javascript', body: built.script.code, headers: cors },
    '/acul/acul-signup.css': { type: 'text/css', body: built.style.code, headers: cors },
    '/callback': { type: 'text/html', body: '<!doctype html><html lang="en"><title>Signed in</title><p>Back in the application.</p></html>' },
  });
  emulator = await startEmulator({
    port: 0,
    enableAdmin: true,
    tenant: {
      clients: [
        { client_id: SPA, name: 'Acme', app_type: 'spa', callbacks: [`${assets.origin}/callback`] },
        { client_id: M2M, app_type: 'non_interactive', client_secret: M2M_SECRET, grants: [{ scope: ['read:prompts', 'update:prompts'] }] },
      ],
      actions: [{ module: ACTION, name: 'assent-pre-user-registration', secrets: { ...universalLoginActionSecrets(policy) } }],
    },
  });
  management = new ManagementClient({ domain: new URL(emulator.url).host, clientId: M2M, clientSecret: M2M_SECRET, fetch: emulatorFetch() });
  const rendering = { rendering_mode: 'advanced' as const, context_configuration: ['untrusted_data.submitted_form_data'], head_tags: headTags(built, `${assets.origin}/acul/`) };
  for (const screen of ['signup', 'signup-id', 'signup-password'] as const) await management.prompts.rendering.update(screen, screen, rendering);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await emulator?.stop();
  await assets?.close();
});

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe's violations on the page, as `rule: targets` lines (evaluated through DevTools, not a <script>). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(await readFile(axeSource, 'utf8'));
  const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

function signupUrl(language = 'en'): string {
  const query = new URLSearchParams({ client_id: SPA, redirect_uri: `${assets.origin}/callback`, response_type: 'code', state: 'app-state', screen_hint: 'signup', ui_locales: language });
  return `${emulator.url}/authorize?${query}`;
}

async function storedUser(email: string): Promise<{ app_metadata?: Record<string, unknown> } | undefined> {
  const users = (await (await fetch(`${emulator.url}/__emulator/users`)).json()) as { email: string; app_metadata?: Record<string, unknown> }[];
  return users.find((user) => user.email === email);
}

/** The form posts the page sends to the emulator's hosted signup paths, as url-encoded fields. */
function signupPosts(page: Page): Record<string, string>[] {
  const posts: Record<string, string>[] = [];
  page.on('request', (request: Request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/u/signup')) posts.push(Object.fromEntries(new URLSearchParams(request.postData() ?? '')));
  });
  return posts;
}

async function verifiedConsent(email: string, purposes: string[]) {
  const consent = decodeConsentObject((await storedUser(email))?.app_metadata?.consent);
  const decision = { policy: consent.policy, version: consent.version, purposes, locale: consent.locale, at: consent.date, hash: consent.hash };
  assert.equal(await verifyDecision(decision, policy, await loadMessages(consent.locale)), true, 'the hash is the one of the statement the screen showed');
  return consent;
}

test('on the signup screen the required box unticked sends nothing; terms and marketing create a user with exactly those and a hash core verifies', async (t) => {
  const session = await openGuardedPage(browser);
  t.after(() => session.close());
  const { page } = session;
  const posts = signupPosts(page);
  const email = uniqueEmail('acul-signup');

  await page.goto(signupUrl());
  assert.match(page.url(), /\/u\/signup\?state=/);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(strongPassword());
  await page.getByRole('checkbox', { name: 'Email me news and offers from Acme GmbH.' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: /accept the Terms of Service and Privacy Policy/ })
    .first()
    .waitFor();
  assert.deepEqual(posts, [], 'nothing was sent');
  assert.equal(await storedUser(email), undefined);
  assert.deepEqual(await axeViolations(page), [], 'axe finds no violation on the screen with the error shown');

  await page.getByRole('checkbox', { name: TERMS }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${assets.origin}/callback?**`);

  assert.equal(posts.length, 1);
  const [post] = posts;
  assert.equal(post?.['ulp-consent_policy'], 'acme-signup@2026-11-01');
  assert.equal(post?.['ulp-consent_purposes'], 'terms,marketing');
  assert.equal(post?.['acul-sdk'], '@auth0/auth0-acul-js@1.8.0', 'the real SDK posted it');
  const consent = await verifiedConsent(email, ['terms', 'marketing']);
  assert.deepEqual(consent.purposes, { terms: true, marketing: true, analytics: false });
  assert.equal(consent.locale, 'en');
  session.assertClean();
});

test('a screen in German shows the German statement, and the consent recorded is the German one, verified', async (t) => {
  const session = await openGuardedPage(browser);
  t.after(() => session.close());
  const { page } = session;
  const email = uniqueEmail('acul-de');

  await page.goto(signupUrl('de'));
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(strongPassword());
  await page.getByRole('checkbox', { name: /Ich akzeptiere die Nutzungsbedingungen/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${assets.origin}/callback?**`);

  const consent = await verifiedConsent(email, ['terms']);
  assert.equal(consent.locale, 'de');
  assert.deepEqual(consent.purposes, { terms: true, marketing: false, analytics: false });
  session.assertClean();
});

test('identifier first: the consent given on signup-id is posted again with the password on signup-password, after a refused password too', async (t) => {
  await management.prompts.updateSettings({ identifier_first: true });
  t.after(() => management.prompts.updateSettings({ identifier_first: false }));
  const session = await openGuardedPage(browser);
  t.after(() => session.close());
  const { page } = session;
  const posts = signupPosts(page);
  const email = uniqueEmail('acul-identifier');

  await page.goto(signupUrl());
  assert.match(page.url(), /\/u\/signup\/identifier\?state=/);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('checkbox', { name: TERMS }).check();
  await page.getByRole('checkbox', { name: 'Acme GmbH may analyze how I use the service to improve it.' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/u\/signup\/password\?state=/);
  await page.getByText(`Signing up as ${email}`).waitFor();
  assert.equal(await page.getByRole('checkbox').count(), 0, 'signup-password asks nothing again');

  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: /password/i })
    .first()
    .waitFor();
  assert.equal(await storedUser(email), undefined);

  await page.getByLabel('Password').fill(strongPassword());
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${assets.origin}/callback?**`);

  assert.equal(posts.length, 3);
  assert.equal(posts[0]?.['ulp-consent_purposes'], 'terms,analytics', 'signup-id posts the consent with the email');
  assert.equal(posts[2]?.['ulp-consent_purposes'], 'terms,analytics', 'signup-password posts it again with the password');
  assert.equal(posts[2]?.['ulp-consent_hash'], posts[0]?.['ulp-consent_hash']);
  const consent = await verifiedConsent(email, ['terms', 'analytics']);
  assert.deepEqual(consent.purposes, { terms: true, marketing: false, analytics: true });
  session.assertClean();
});
