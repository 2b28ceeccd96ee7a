/**
 * The demo's Forms variant of the social login (demo/forms.html) served by the real demo server in
 * headless Chromium fenced to loopback: one click deploys the consent Form and the Forms Action's
 * secrets to the demo tenant (the `auth0` SDK against the emulator's Management API), a second
 * finds nothing to change; a simulated social login meets the Form, and accepting with one optional
 * purpose comes back with the Form's post to /continue in the inspector and exactly that consent
 * stored; continuing without the required box (the Legal fields, the element's script blocked)
 * denies the login; after "publish new terms" a returning user meets the Form again; switching
 * back binds the redirect Action, whose consent page the next social login meets.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { decodeConsentObject } from '@assent/core';
import type { GuardedPage } from '@assent/testkit/browser';
import { assertAccessible, openDemoPage, useDemo, type TestContextLike } from '../support/demo-session.js';
import { uniqueEmail } from '../support/unique.js';

const TERMS = /^I agree to the Terms of Service/;

const site = useDemo();

/** Opens `path` in a fenced tab; when the test ends, the tab must have logged no console error but `expected` ones. */
function open(t: TestContextLike, path: string, expected: readonly RegExp[] = []): Promise<GuardedPage> {
  return openDemoPage(t, site, path, { expectedErrors: expected });
}

async function binding(): Promise<{ variant: string; bindings: string[] }> {
  const response = await fetch(new URL('assent-demo/forms/binding', site.demo.url));
  assert.equal(response.status, 200);
  return (await response.json()) as { variant: string; bindings: string[] };
}

/** "Sign in with Google" on `page`, then the emulator's provider page as `email`. */
async function signInWithGoogle(page: Page, email: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign in with Google (simulated)' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe('the Forms variant of the social login (forms.html)', () => {
  test("one click deploys the consent Form and the Forms Action's secrets; a second click reports no changes", async (t) => {
    const { page } = await open(t, 'forms.html');
    const status = page.locator('#deploy-status');
    await status.filter({ hasText: /^acme-signup@2026-11-01: 25 resources \(form, action\) differ from the tenant/ }).waitFor({ timeout: 60_000 });
    assert.equal((await binding()).variant, 'redirect', 'the demo starts with the redirect Action bound');
    await assertAccessible(page, 'loading');

    await page.getByRole('button', { name: 'Deploy to the demo tenant' }).click();
    await status.filter({ hasText: 'Deployed acme-signup@2026-11-01: 25 resources (form, action) changed.' }).waitFor({ timeout: 60_000 });
    const changes = (await page.locator('#deploy-changes').textContent()) ?? '';
    assert.match(changes, /## form assent-consent-en: POST \/api\/v2\/forms/);
    assert.match(changes, /## form assent-consent-de: POST \/api\/v2\/forms/);
    assert.match(changes, /## action assent-post-login-form: PATCH \/api\/v2\/actions\/actions\//);
    assert.match(changes, /^\+ secret ASSENT_FORM_IDS = \{"en":"ap_[A-Za-z0-9]+","ar":"ap_/m);

    await page.getByRole('button', { name: 'Deploy to the demo tenant' }).click();
    await status.filter({ hasText: 'acme-signup@2026-11-01: no changes, the tenant is up to date.' }).waitFor({ timeout: 60_000 });
  });

  test("a social login meets the Form; accepting with one optional purpose stores exactly that consent, and the inspector shows the Form's post to /continue", async (t) => {
    const { page } = await open(t, 'forms.html');
    await page.locator('#deploy-status:not(:empty)').waitFor({ timeout: 60_000 });
    const email = uniqueEmail('demo-forms');
    await signInWithGoogle(page, email);
    await page.waitForURL(/\/u\/forms\/ap_[A-Za-z0-9]+\?state=/, { timeout: 60_000 });
    assert.deepEqual(await binding(), { variant: 'form', bindings: ['assent-post-login-form'] });
    const terms = page.locator('assent-terms').getByRole('checkbox', { name: TERMS });
    await terms.waitFor();
    await page.locator('#f-consent_required').waitFor({ state: 'hidden' });
    await assertAccessible(page, 'arriving on the Form');
    await page.getByRole('checkbox', { name: 'Email me news and offers from Acme GmbH.' }).check();
    await terms.check();
    await page.waitForFunction(() => ((document.querySelector('assent-terms') as unknown as { decision: unknown } | null)?.decision ?? null) !== null);
    await page.getByRole('button', { name: 'Continue' }).click();

    await page
      .getByRole('status')
      .filter({ hasText: `Signed in as ${email}.` })
      .waitFor({ timeout: 60_000 });
    assert.match(new URL(page.url()).pathname, /\/forms\.html$/);
    await page.locator('#inspector-user').filter({ hasText: '"user_id"' }).waitFor({ timeout: 30_000 });
    await assertAccessible(page, 'coming back signed in');
    const request = await page.locator('#inspector-request').innerText();
    assert.match(request, /^POST http:\/\/127\.0\.0\.1:\d+\/continue\n/);
    const posted = JSON.parse(request.slice(request.indexOf('\n\n') + 2)) as Record<string, string>;
    assert.ok(posted.state, "the login's state was posted");
    const element = JSON.parse(posted.consent_terms ?? 'null') as { policy: string; version: string; purposes: string[]; locale: string; hash: string };
    assert.deepEqual({ ...element, hash: undefined }, { policy: 'acme-signup', version: '2026-11-01', purposes: ['terms', 'marketing'], locale: 'en', hash: undefined });
    assert.match(element.hash, /^[0-9a-f]{64}$/);
    assert.equal(posted.consent_required, undefined, 'the hidden Legal fields posted nothing');

    const user = JSON.parse(await page.locator('#inspector-user').innerText()) as { email: string; app_metadata: { consent: unknown } };
    assert.equal(user.email, email);
    const consent = decodeConsentObject(user.app_metadata.consent);
    assert.deepEqual(consent.purposes, { terms: true, marketing: true, analytics: false });
    assert.equal(consent.hash, element.hash);
    assert.equal(consent.history.at(-1)?.source, 'action');
    const shown = JSON.parse(await page.locator('#forms-result').innerText()) as { consent: { purposes: Record<string, boolean> } };
    assert.deepEqual(shown.consent.purposes, { terms: true, marketing: true, analytics: false });
  });

  test('a German login meets the German Form; continuing on its Legal fields without the required box denies the login and stores no consent', async (t) => {
    // The element's script blocked, as an offline or refused CDN would: the Legal fields answer.
    const { page } = await open(t, 'forms.html?lang=de', [/^error: Failed to load resource: net::ERR_BLOCKED_BY_CLIENT/]);
    await page.route('**/assent-demo/forms/assets/**', (route) => route.abort('blockedbyclient'));
    await page.locator('#deploy-status:not(:empty)').waitFor({ timeout: 60_000 });
    const email = uniqueEmail('demo-forms-decline');
    await signInWithGoogle(page, email);
    await page.waitForURL(/\/u\/forms\/ap_/, { timeout: 60_000 });
    await page.locator('#f-consent_required').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');
    await page.getByRole('checkbox', { name: 'Ich möchte Neuigkeiten und Angebote von Acme GmbH per E-Mail erhalten.' }).check();
    await page.getByRole('button', { name: 'Weiter' }).click();

    await page.getByRole('alert').filter({ hasText: 'Login denied: Consent declined.' }).waitFor({ timeout: 60_000 });
    await assertAccessible(page, 'coming back declined');
    assert.equal(await page.locator('#forms-result').innerText(), 'nobody signed in yet');
    const request = await page.locator('#inspector-request').filter({ hasText: '/continue' }).innerText();
    const posted = JSON.parse(request.slice(request.indexOf('\n\n') + 2)) as Record<string, string>;
    assert.equal(posted.consent_p_marketing, 'true');
    assert.equal(posted.consent_required, undefined);
    const user = (await (await fetch(new URL(`assent-inspector/user?email=${encodeURIComponent(email)}`, site.demo.url))).json()) as { email: string; app_metadata?: { consent?: unknown } };
    assert.equal(user.email, email);
    assert.equal(user.app_metadata?.consent, undefined);
  });

  test('after "publish new terms" a returning user meets the Form again and ends with the new terms stored', async (t) => {
    t.after(async () => {
      const restored = await fetch(new URL('assent-demo/policy', site.demo.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ edition: 'original' }) });
      assert.equal(restored.status, 200, await restored.text());
    });
    const { page } = await open(t, 'forms.html');
    await page.locator('#deploy-status:not(:empty)').waitFor({ timeout: 60_000 });
    const email = uniqueEmail('demo-forms-returning');
    const accept = async () => {
      await page.waitForURL(/\/u\/forms\/ap_/, { timeout: 60_000 });
      await page.locator('assent-terms').getByRole('checkbox', { name: TERMS }).check();
      await page.waitForFunction(() => ((document.querySelector('assent-terms') as unknown as { decision: unknown } | null)?.decision ?? null) !== null);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Signed in as ${email}.` })
        .waitFor({ timeout: 60_000 });
    };
    await signInWithGoogle(page, email);
    await accept();

    await page.getByRole('button', { name: 'Publish new terms (3.2)' }).click();
    await page.getByRole('status').filter({ hasText: 'Published: terms 3.2 (policy acme-signup@2026-12-01).' }).waitFor({ timeout: 120_000 });
    await signInWithGoogle(page, email);
    await accept();
    await page.locator('#inspector-user').filter({ hasText: '2026-12-01' }).waitFor({ timeout: 30_000 });
    const user = JSON.parse(await page.locator('#inspector-user').innerText()) as { app_metadata: { consent: unknown } };
    const consent = decodeConsentObject(user.app_metadata.consent);
    assert.equal(consent.version, '2026-12-01');
    assert.deepEqual(consent.documents, { terms: '3.2', privacy: '2.0' });
    assert.equal(consent.history.length, 2);
  });

  test('switching back binds the redirect Action: the next social login meets the consent page', async (t) => {
    const { page } = await open(t, 'forms.html');
    await page.locator('#deploy-status:not(:empty)').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Deploy to the demo tenant' }).click();
    await page
      .locator('#deploy-status')
      .filter({ hasText: /^(Deployed|acme-signup@2026-11-01: no changes)/ })
      .waitFor({ timeout: 60_000 });
    const status = page.locator('#binding-status');
    await page.getByRole('button', { name: 'Run the Form Action' }).click();
    await status.filter({ hasText: 'The post-login trigger runs the Form Action (assent-post-login-form renders the consent Form).' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Switch back to the consent page (redirect Action)' }).click();
    await status.filter({ hasText: 'The post-login trigger runs the redirect Action (assent-post-login sends users to the consent page).' }).waitFor({ timeout: 30_000 });
    assert.deepEqual(await binding(), { variant: 'redirect', bindings: ['assent-post-login'] });
    assert.deepEqual(JSON.parse((await page.locator('#binding-list').textContent()) ?? ''), ['assent-post-login']);

    const social = await open(t, 'social.html');
    await social.page.locator('#publish [role="status"]:not(:empty)').waitFor({ timeout: 30_000 });
    await signInWithGoogle(social.page, uniqueEmail('demo-forms-back'));
    await social.page.waitForURL(/\/assent-server\/consent\/page\?/, { timeout: 60_000 });
    await social.page.getByRole('checkbox', { name: TERMS }).waitFor();
  });

  test('the binding route refuses an unknown variant with 400', async () => {
    for (const body of ['{}', '{"variant":"both"}', 'not json']) {
      const refused = await fetch(new URL('assent-demo/forms/binding', site.demo.url), { method: 'PUT', headers: { 'content-type': 'application/json' }, body });
      assert.equal(refused.status, 400, body);
      assert.match(((await refused.json()) as { message: string }).message, /variant must be "redirect" or "form"/);
    }
  });
});
