/**
 * Consent on Universal Login end to end, in real Chromium: @assent/universal-login deploys the
 * partials generated from the policy, their custom texts and the Action's secrets through the
 * official `auth0` SDK; a person signs up on the emulator's hosted page, which runs the built
 * pre-user-registration Action of @assent/server. With JavaScript enabled and disabled: the required
 * box unticked shows the Action's error in the prompt and creates no user; terms + one optional
 * purpose create a user whose app_metadata.consent holds exactly those purposes and a hash core
 * verifies. The German page shows German texts; axe finds no violation on the page.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import type { AxeResults } from 'axe-core';
import { startEmulator, type RunningEmulator } from '@assent/auth0-emulator';
import { decodeConsentObject, loadMessages, parsePolicy, verifyDecision } from '@assent/core';
import { deployUniversalLogin, universalLoginActionSecrets } from '@assent/universal-login';
import { ManagementClient } from 'auth0';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openGuardedPage } from '@assent/testkit/browser';
import { startPageServer, type PageServer } from '@assent/testkit/page-server';
import { strongPassword, uniqueEmail } from '../support/unique.js';

const SPA = 'ulp-app';
const M2M = 'ulp-deployer';
const M2M_SECRET = 'ulp-deployer-secret-for-tests-only';
const ACTION = createRequire(import.meta.url).resolve('@assent/server/actions/pre-user-registration.js');
const TEMPLATE = '<!DOCTYPE html><html lang="{{ locale }}"><head>{%- auth0:head -%}</head><body>{%- auth0:widget -%}</body></html>';

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

let app: PageServer;
let emulator: RunningEmulator;
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
  app = await startPageServer({ '/callback': { type: 'text/html', body: '<!doctype html><html lang="en"><title>Signed in</title><p>Back in the application.</p></html>' } });
  const old = parsePolicy({ ...policy, version: '2026-01-01' });
  emulator = await startEmulator({
    port: 0,
    enableAdmin: true,
    tenant: {
      clients: [
        { client_id: SPA, name: 'Acme', app_type: 'spa', callbacks: [`${app.origin}/callback`] },
        {
          client_id: M2M,
          app_type: 'non_interactive',
          client_secret: M2M_SECRET,
          grants: [{ scope: ['read:prompts', 'update:prompts', 'read:branding', 'update:branding', 'read:actions', 'update:actions', 'create:actions'] }],
        },
      ],
      actions: [{ module: ACTION, name: 'assent-pre-user-registration', secrets: { ...universalLoginActionSecrets(old) } }],
    },
  });
  const management = new ManagementClient({ domain: new URL(emulator.url).host, clientId: M2M, clientSecret: M2M_SECRET, fetch: emulatorFetch() });
  const result = await deployUniversalLogin({ management, policy, languages: ['en', 'de'], template: TEMPLATE });
  assert.equal(result.changes.length, 11);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await emulator?.stop();
  await app?.close();
});

function signupUrl(language: string): string {
  const query = new URLSearchParams({ client_id: SPA, redirect_uri: `${app.origin}/callback`, response_type: 'code', state: 'app-state', screen_hint: 'signup', ui_locales: language });
  return `${emulator.url}/authorize?${query}`;
}

async function storedUser(email: string): Promise<{ app_metadata?: Record<string, unknown>; user_metadata?: Record<string, unknown> } | undefined> {
  const users = (await (await fetch(`${emulator.url}/__emulator/users`)).json()) as { email: string; app_metadata?: Record<string, unknown> }[];
  return users.find((user) => user.email === email);
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(await readFile(axeSource, 'utf8'));
  const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

for (const javaScriptEnabled of [false, true]) {
  describe(`JavaScript ${javaScriptEnabled ? 'enabled' : 'disabled'}`, () => {
    test("the required box unticked shows the Action's error in the prompt and creates no user; terms and marketing create a user with exactly those and a hash core verifies", async (t) => {
      const session = await openGuardedPage(browser, { javaScriptEnabled });
      t.after(() => session.close());
      const { page } = session;
      const email = uniqueEmail('ulp-consent');
      const password = strongPassword();

      await page.goto(signupUrl('en'));
      assert.equal(await page.getByRole('checkbox', { name: /I agree to the Terms of Service and Privacy Policy/ }).isChecked(), false);
      assert.equal(await page.getByRole('link', { name: 'Terms of Service' }).getAttribute('href'), 'https://acme.example/terms');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('checkbox', { name: 'Email me news and offers from Acme GmbH.' }).check();
      await page.getByRole('button', { name: 'Continue' }).click();

      await page.getByRole('alert').first().waitFor();
      assert.match((await page.getByRole('alert').allTextContents()).join(' '), /Please accept the Terms of Service and Privacy Policy to continue\./);
      assert.equal(await storedUser(email), undefined, 'no user without the required box');

      await page.getByRole('checkbox', { name: /I agree to the Terms of Service/ }).check();
      if (!(await page.getByRole('checkbox', { name: 'Email me news and offers from Acme GmbH.' }).isChecked()))
        await page.getByRole('checkbox', { name: 'Email me news and offers from Acme GmbH.' }).check();
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(`${app.origin}/callback?**`);

      const user = await storedUser(email);
      const consent = decodeConsentObject(user?.app_metadata?.consent);
      assert.deepEqual(consent.purposes, { terms: true, marketing: true, analytics: false });
      assert.equal(consent.locale, 'en');
      const decision = { policy: consent.policy, version: consent.version, purposes: ['terms', 'marketing'], locale: consent.locale, at: consent.date, hash: consent.hash };
      assert.equal(await verifyDecision(decision, policy, await loadMessages('en')), true);
    });

    test('the German page shows German texts and takes a German consent', async (t) => {
      const session = await openGuardedPage(browser, { javaScriptEnabled });
      t.after(() => session.close());
      const { page } = session;
      const email = uniqueEmail('ulp-de');
      await page.goto(signupUrl('de'));
      const terms = page.getByRole('checkbox', { name: 'Ich akzeptiere die Nutzungsbedingungen und die Datenschutzerklärung.' });
      assert.equal(await terms.count(), 1);
      assert.equal(await page.getByRole('link', { name: 'Sie können Ihre Einwilligung jederzeit widerrufen.' }).getAttribute('href'), 'https://acme.example/account/privacy');
      await page.locator('input[name="email"]').fill(email);
      await page.locator('input[name="password"]').fill(strongPassword());
      await terms.check();
      await page.locator('button[type="submit"]').first().click();
      await page.waitForURL(`${app.origin}/callback?**`);
      const consent = decodeConsentObject((await storedUser(email))?.app_metadata?.consent);
      assert.equal(consent.locale, 'de');
      assert.deepEqual(consent.purposes, { terms: true, marketing: false, analytics: false });
    });
  });
}

test("axe finds no violation on the hosted signup page with the partials, before and after the Action's error", async (t) => {
  const session = await openGuardedPage(browser);
  t.after(() => session.close());
  const { page } = session;
  await page.goto(signupUrl('en'));
  assert.deepEqual(await axeViolations(page), []);
  await page.getByLabel('Email address').fill(uniqueEmail('ulp-axe'));
  await page.getByLabel('Password').fill(strongPassword());
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('alert').first().waitFor();
  assert.deepEqual(await axeViolations(page), []);
});
