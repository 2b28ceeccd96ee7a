/**
 * The demo's Universal Login page (demo/universal-login.html) served by the real demo server in
 * headless Chromium fenced to loopback: one click deploys the partials, custom texts, page template
 * and the pre-user-registration Action's secrets to the demo tenant through the demo server (the
 * `auth0` SDK against the emulator's Management API), a second click finds nothing to change; a
 * signup on the emulator's hosted page, one screen or identifier first, comes back to the page with
 * the inspector showing the posted `ulp-` fields and a stored user whose `app_metadata.consent`
 * holds exactly the purposes ticked.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { decodeConsentObject } from '@assent/core';
import type { GuardedPage } from '@assent/testkit/browser';
import { openDemoPage, useDemo, type TestContextLike } from '../support/demo-session.js';
import { strongPassword, uniqueEmail } from '../support/unique.js';

const site = useDemo();

/** Opens the page in a fenced tab; when the test ends, the tab must have logged no console error. */
async function open(t: TestContextLike, query = ''): Promise<GuardedPage> {
  const session = await openDemoPage(t, site, `universal-login.html${query}`);
  await session.page.locator('#deploy-status:not(:empty)').waitFor({ timeout: 30_000 });
  return session;
}

/** Deploys through the demo server's route, as the button does (a no-op once deployed). */
async function ensureDeployed(): Promise<void> {
  const response = await fetch(new URL('assent-demo/universal-login/deploy', site.demo.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  assert.equal(response.status, 200, await response.text());
}

/** Fills the hosted signup form (signup, or signup-id + signup-password), ticking the terms and marketing. */
async function signUpOnHostedPage(page: Page, email: string, identifierFirst: boolean): Promise<void> {
  await page.waitForURL(identifierFirst ? /\/u\/signup\/identifier\?state=/ : /\/u\/signup\?state=/, { timeout: 30_000 });
  await page.getByLabel('Email address').fill(email);
  if (identifierFirst) {
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/u\/signup\/password\?state=/);
  }
  await page.getByRole('checkbox', { name: /I agree to the Terms of Service and Privacy Policy/ }).check();
  await page.getByRole('checkbox', { name: 'Email me news and offers from Acme GmbH.' }).check();
  await page.getByLabel('Password').fill(strongPassword());
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** The inspector's request pane and stored user once the page is back and signed up. */
async function backSignedUp(page: Page, email: string): Promise<{ request: string; user: { email: string; app_metadata: { consent: unknown } } }> {
  await page
    .getByRole('status')
    .filter({ hasText: `Signed up as ${email}.` })
    .waitFor({ timeout: 30_000 });
  assert.match(new URL(page.url()).pathname, /\/universal-login\.html$/);
  await page.locator('#inspector-user').filter({ hasText: '"user_id"' }).waitFor({ timeout: 30_000 });
  return { request: await page.locator('#inspector-request').innerText(), user: JSON.parse(await page.locator('#inspector-user').innerText()) as never };
}

describe('the Universal Login page (universal-login.html)', () => {
  test('one click deploys the partials, custom texts, page template and Action to the demo tenant; a second click reports no changes', async (t) => {
    const { page } = await open(t);
    const status = page.locator('#deploy-status');
    assert.match(await status.innerText(), /^acme-signup@2026-11-01: \d+ resources \(custom-text, partials, template, action\) differ from the tenant/);

    await page.getByRole('button', { name: 'Deploy to the demo tenant' }).click();
    await status.filter({ hasText: /^Deployed acme-signup@2026-11-01: \d+ resources \(custom-text, partials, template, action\) changed\.$/ }).waitFor({ timeout: 60_000 });
    const changes = await page.locator('#deploy-changes').textContent();
    for (const call of [
      'PUT /api/v2/prompts/signup/partials',
      'PUT /api/v2/prompts/signup-password/partials',
      'PUT /api/v2/prompts/signup/custom-text/de',
      'PUT /api/v2/branding/templates/universal-login',
      'PATCH /api/v2/actions/actions/',
    ]) {
      assert.ok(changes?.includes(call), `the changes name ${call}`);
    }

    await page.getByRole('button', { name: 'Deploy to the demo tenant' }).click();
    await status.filter({ hasText: 'acme-signup@2026-11-01: no changes, the tenant is up to date.' }).waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('#deploy-changes').textContent(), 'acme-signup@2026-11-01: the tenant is up to date; nothing to change.');
  });

  test('a signup with the terms and one optional purpose comes back to the page: the inspector shows the posted ulp- fields and the stored consent holds exactly those purposes', async (t) => {
    await ensureDeployed();
    const { page } = await open(t);
    const email = uniqueEmail('demo-ulp');
    await page.getByRole('button', { name: 'Sign up on Universal Login' }).click();
    await signUpOnHostedPage(page, email, false);

    const { request, user } = await backSignedUp(page, email);
    assert.match(request, /^POST http:\/\/127\.0\.0\.1:\d+\/u\/signup\?state=\S+\n/);
    const posted = JSON.parse(request.slice(request.indexOf('\n\n') + 2)) as Record<string, string>;
    assert.equal(posted.email, email);
    assert.equal(posted.password, '********');
    assert.equal(posted['ulp-consent_policy'], 'acme-signup@2026-11-01');
    assert.equal(posted['ulp-consent_locale'], 'en');
    assert.ok(posted['ulp-consent_required'], 'the required box was posted');
    assert.equal(posted['ulp-consent_p_marketing'] !== undefined, true, 'the marketing box was posted');
    assert.equal(posted['ulp-consent_p_analytics'], undefined, 'the unticked box was not');
    assert.equal(user.email, email);
    const consent = decodeConsentObject(user.app_metadata.consent);
    assert.deepEqual(consent.purposes, { terms: true, marketing: true, analytics: false });
    assert.equal(consent.version, '2026-11-01');
    const shown = JSON.parse(await page.locator('#ulp-result').innerText()) as { consent: { purposes: Record<string, boolean>; source: string } };
    assert.deepEqual(shown.consent.purposes, { terms: true, marketing: true, analytics: false });
    assert.equal(shown.consent.source, 'signup');
  });

  test('with identifier first, signup-id then signup-password: the consent posted on signup-password is stored', async (t) => {
    await ensureDeployed();
    // The page sets the tenant's switch when the signup starts; put back for the other tests.
    t.after(async () => {
      const reset = await fetch(new URL('assent-demo/universal-login/settings', site.demo.url), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"identifierFirst":false}' });
      assert.equal(reset.status, 200);
    });
    const { page } = await open(t, '?screens=identifier-first');
    const email = uniqueEmail('demo-ulp-idfirst');
    assert.equal(await page.getByLabel('Signup screens').inputValue(), 'identifier-first');
    await page.getByRole('button', { name: 'Sign up on Universal Login' }).click();
    await signUpOnHostedPage(page, email, true);

    const { request, user } = await backSignedUp(page, email);
    assert.match(request, /^POST http:\/\/127\.0\.0\.1:\d+\/u\/signup\/password\?state=\S+\n/);
    assert.match(request, /"ulp-consent_policy": "acme-signup@2026-11-01"/);
    assert.deepEqual(decodeConsentObject(user.app_metadata.consent).purposes, { terms: true, marketing: true, analytics: false });
  });

  test('the settings route refuses what is not a boolean with 400', async () => {
    for (const body of ['{}', '{"identifierFirst":"yes"}', 'not json']) {
      const refused = await fetch(new URL('assent-demo/universal-login/settings', site.demo.url), { method: 'PUT', headers: { 'content-type': 'application/json' }, body });
      assert.equal(refused.status, 400, body);
      assert.match(((await refused.json()) as { message: string }).message, /identifierFirst must be true or false/);
    }
  });
});
