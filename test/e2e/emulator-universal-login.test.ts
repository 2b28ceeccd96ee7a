/**
 * The emulator's hosted Universal Login signup in real Chromium with JavaScript DISABLED: a team's
 * consent partial (native `ulp-` checkboxes in Auth0's form) is deployed through the Management API,
 * and a person signs up on the hosted page. Leaving the required box unticked shows the
 * pre-user-registration Action's message in the prompt and creates no user; ticking it signs the
 * person up and the browser lands on the application with a code. No script runs on the page.
 * With identifier first, the answers given on signup-id reach the Action on the signup-password
 * post. With JavaScript on, axe finds no violation on the page, before and after the error.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { AxeResults } from 'axe-core';
import { startEmulator, type PostLoginAction, type RunningEmulator } from '@assent/auth0-emulator';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openGuardedPage } from '@assent/testkit/browser';
import { startPageServer, type PageServer } from '@assent/testkit/page-server';
import { strongPassword, uniqueEmail } from '../support/unique.js';

const SPA = 'ulp-app';
const M2M = 'ulp-deployer';
const M2M_SECRET = 'ulp-deployer-secret-for-tests-only';

/** The consent Action of the tenant: the terms box is required, marketing is recorded as given. */
const CONSENT_ACTION: PostLoginAction = {
  name: 'ulp-consent',
  onExecutePreUserRegistration(event, api) {
    const body = event.request.body;
    if (body['ulp-terms'] !== 'accepted') {
      api.validation.error('terms_required', 'Please accept the terms to create your account.');
      return;
    }
    api.user.setAppMetadata('consent', { terms: true, marketing: body['ulp-marketing'] === 'yes' });
  },
};

/** A partial as Assent deploys it: native boxes, labels from custom texts, and a script that must not run. */
const PARTIAL = [
  '<div class="ulp-field"><input type="checkbox" id="terms" name="ulp-terms" value="accepted"><label for="terms">{{ prompt.screen.texts.varTerms }}</label></div>',
  '<div class="ulp-field"><input type="checkbox" id="marketing" name="ulp-marketing" value="yes"><label for="marketing">{{ prompt.screen.texts.varMarketing }}</label></div>',
  '<script>document.title = "script ran"</script>',
].join('');

let app: PageServer;
let emulator: RunningEmulator;
let browser: Browser;
let managementToken: string;

async function managementCall(method: string, path: string, body: unknown): Promise<number> {
  const response = await fetch(`${emulator.url}/api/v2${path}`, { method, headers: { authorization: `Bearer ${managementToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.status;
}

before(async () => {
  app = await startPageServer({ '/callback': { type: 'text/html', body: '<!doctype html><title>Signed in</title><p>Back in the application.</p>' } });
  emulator = await startEmulator({
    port: 0,
    tenant: {
      clients: [
        { client_id: SPA, name: 'Acme', app_type: 'spa', callbacks: [`${app.origin}/callback`] },
        { client_id: M2M, app_type: 'non_interactive', client_secret: M2M_SECRET, grants: [{ scope: ['update:prompts', 'create:users', 'read:users'] }] },
      ],
    },
    actions: [CONSENT_ACTION],
    enableAdmin: true,
  });
  ({ access_token: managementToken } = (await (
    await fetch(`${emulator.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: M2M, client_secret: M2M_SECRET, audience: emulator.tenant.managementAudience }),
    })
  ).json()) as { access_token: string });
  assert.equal(await managementCall('PUT', '/prompts/signup/partials', { signup: { 'form-content-end': PARTIAL } }), 200);
  assert.equal(await managementCall('PUT', '/prompts/signup/custom-text/en', { signup: { 'var-terms': 'I accept the [terms](https://acme.example/terms)', 'var-marketing': 'Send me news' } }), 200);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await emulator?.stop();
  await app?.close();
});

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe's violations on the page, as `rule: targets` lines (evaluated through DevTools, not a <script>). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(await readFile(axeSource, 'utf8'));
  const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

function signupUrl(): string {
  const query = new URLSearchParams({ client_id: SPA, redirect_uri: `${app.origin}/callback`, response_type: 'code', state: 'app-state', screen_hint: 'signup', ui_locales: 'en' });
  return `${emulator.url}/authorize?${query}`;
}

async function storedUser(email: string): Promise<{ app_metadata?: unknown } | undefined> {
  const users = (await (await fetch(`${emulator.url}/__emulator/users`)).json()) as { email: string; app_metadata?: unknown }[];
  return users.find((user) => user.email === email);
}

test("with JavaScript disabled, a signup on the hosted page shows the Action's error for the unticked terms, then signs up once they are ticked", async (t) => {
  const session = await openGuardedPage(browser, { javaScriptEnabled: false });
  t.after(() => session.close());
  const { page } = session;
  const email = uniqueEmail('ulp-nojs');
  const password = strongPassword();

  await page.goto(signupUrl());
  assert.match(page.url(), /\/u\/signup\?state=/);
  assert.equal(await page.title(), 'Sign up | Acme', "the partial's script did not run");
  assert.equal(await page.getByRole('link', { name: 'terms' }).getAttribute('href'), 'https://acme.example/terms');

  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('checkbox', { name: 'Send me news' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByRole('alert').waitFor();
  assert.equal((await page.getByRole('alert').textContent())?.trim(), 'Please accept the terms to create your account.');
  assert.match(page.url(), /\/u\/signup\?state=/);
  assert.equal(await page.getByLabel('Email address').inputValue(), email, 'the email is kept');
  assert.equal(await page.getByLabel('Password').inputValue(), '', 'the password is not');
  assert.equal(await page.getByRole('checkbox', { name: 'Send me news' }).isChecked(), true, 'the optional answer is kept');
  assert.equal(await storedUser(email), undefined, 'no user without the terms');

  await page.getByRole('checkbox', { name: /I accept the/ }).check();
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${app.origin}/callback?**`);

  const params = new URL(page.url()).searchParams;
  assert.equal(params.get('state'), 'app-state');
  assert.ok(params.get('code'));
  assert.deepEqual((await storedUser(email))?.app_metadata, { consent: { terms: true, marketing: true } });
});

test("axe finds no violation on the hosted signup page with the consent partial, nor on the page showing the Action's error", async (t) => {
  const session = await openGuardedPage(browser);
  t.after(() => session.close());
  const { page } = session;
  await page.goto(signupUrl());
  assert.deepEqual(await axeViolations(page), []);
  await page.getByLabel('Email address').fill(uniqueEmail('ulp-axe'));
  await page.getByLabel('Password').fill(strongPassword());
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('alert').waitFor();
  assert.deepEqual(await axeViolations(page), []);
});

test('with JavaScript disabled and identifier first, the terms ticked on signup-id reach the Action on the signup-password post', async (t) => {
  assert.equal(await managementCall('PATCH', '/prompts', { identifier_first: true }), 200);
  t.after(async () => {
    await managementCall('PATCH', '/prompts', { identifier_first: false });
  });
  assert.equal(await managementCall('PUT', '/prompts/signup-id/partials', { 'signup-id': { 'form-content-end': PARTIAL } }), 200);
  assert.equal(await managementCall('PUT', '/prompts/signup-id/custom-text/en', { 'signup-id': { 'var-terms': 'I accept the terms', 'var-marketing': 'Send me news' } }), 200);
  const session = await openGuardedPage(browser, { javaScriptEnabled: false });
  t.after(() => session.close());
  const { page } = session;
  const email = uniqueEmail('ulp-idfirst');

  await page.goto(signupUrl());
  assert.match(page.url(), /\/u\/signup\/identifier\?state=/);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('checkbox', { name: 'I accept the terms' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/u\/signup\/password\?state=/);
  assert.equal(await page.getByText(email).count(), 1, 'signup-password shows the email');

  await page.getByLabel('Password').fill(strongPassword());
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${app.origin}/callback?**`);
  assert.deepEqual((await storedUser(email))?.app_metadata, { consent: { terms: true, marketing: false } });
});
