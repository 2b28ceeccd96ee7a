/**
 * The demo's ACUL signup page (demo/acul.html) served by the real demo server in headless Chromium
 * fenced to loopback: "Sign up on the custom screens" builds the example screens for the published
 * policy, switches the tenant's signup screens to advanced rendering through the demo server (the
 * `auth0` SDK against the emulator's Management API) and leaves for them; a signup there, one
 * screen or identifier first, comes back with the inspector showing what the SDK posted and a stored
 * user whose `app_metadata.consent` holds exactly the purposes ticked; the screens are standard again.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { decodeConsentObject } from '@assent/core';
import type { GuardedPage } from '@assent/testkit/browser';
import { openDemoPage, useDemo, type TestContextLike } from '../support/demo-session.js';
import { strongPassword, uniqueEmail } from '../support/unique.js';

const site = useDemo();

async function open(t: TestContextLike, query = ''): Promise<GuardedPage> {
  const session = await openDemoPage(t, site, `acul.html${query}`);
  await session.page.locator('#acul-status:not(:empty)').waitFor({ timeout: 30_000 });
  return session;
}

async function backSignedUp(page: Page, email: string): Promise<{ request: string; user: { email: string; app_metadata: { consent: unknown } } }> {
  await page
    .getByRole('status')
    .filter({ hasText: `Signed up as ${email} on the custom screens` })
    .waitFor({ timeout: 60_000 });
  await page.locator('#inspector-user').filter({ hasText: '"user_id"' }).waitFor({ timeout: 30_000 });
  await page.locator('#acul-status').filter({ hasText: 'signup: standard, signup-id: standard, signup-password: standard.' }).waitFor({ timeout: 30_000 });
  return { request: await page.locator('#inspector-request').innerText(), user: JSON.parse(await page.locator('#inspector-user').innerText()) as never };
}

const TERMS = /I agree to the Terms of Service and Privacy Policy/;

test("a signup on the custom screens with the terms and one optional purpose: nothing is sent while the terms are unticked; the SDK's post and exactly those purposes are stored; the standard screens come back", async (t) => {
  const { page } = await open(t);
  assert.equal(await page.locator('#acul-status').innerText(), 'signup: standard, signup-id: standard, signup-password: standard.');
  const email = uniqueEmail('demo-acul');
  await page.getByRole('button', { name: 'Sign up on the custom screens' }).click();
  await page.waitForURL(/\/u\/signup\?state=/, { timeout: 90_000 });
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(strongPassword());
  await page.getByRole('button', { name: 'Continue' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: /accept the Terms of Service and Privacy Policy/ })
    .first()
    .waitFor();
  assert.match(page.url(), /\/u\/signup\?state=/, 'still on the screen: nothing was sent');
  await page.getByRole('checkbox', { name: TERMS }).check();
  await page.getByRole('checkbox', { name: 'Email me news and offers from Acme GmbH.' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  const { request, user } = await backSignedUp(page, email);
  assert.match(request, /^POST http:\/\/127\.0\.0\.1:\d+\/u\/signup\?state=\S+\n/);
  const posted = JSON.parse(request.slice(request.indexOf('\n\n') + 2)) as Record<string, string>;
  assert.equal(posted.password, '********');
  assert.equal(posted['ulp-consent_purposes'], 'terms,marketing');
  assert.equal(posted['acul-sdk'], '@auth0/auth0-acul-js@1.8.0');
  assert.deepEqual(decodeConsentObject(user.app_metadata.consent).purposes, { terms: true, marketing: true, analytics: false });
});

test('identifier first on the custom screens: the consent given on signup-id is posted again with the password and stored', async (t) => {
  t.after(async () => {
    const reset = await fetch(new URL('assent-demo/universal-login/settings', site.demo.url), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"identifierFirst":false}' });
    assert.equal(reset.status, 200);
  });
  const { page } = await open(t, '?screens=identifier-first');
  const email = uniqueEmail('demo-acul-idfirst');
  await page.getByRole('button', { name: 'Sign up on the custom screens' }).click();
  await page.waitForURL(/\/u\/signup\/identifier\?state=/, { timeout: 90_000 });
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('checkbox', { name: TERMS }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/u\/signup\/password\?state=/);
  await page.getByLabel('Password').fill(strongPassword());
  await page.getByRole('button', { name: 'Continue' }).click();

  const { request, user } = await backSignedUp(page, email);
  assert.match(request, /^POST http:\/\/127\.0\.0\.1:\d+\/u\/signup\/password\?state=\S+\n/);
  assert.match(request, /"ulp-consent_purposes": "terms"/);
  assert.deepEqual(decodeConsentObject(user.app_metadata.consent).purposes, { terms: true, marketing: false, analytics: false });
});
