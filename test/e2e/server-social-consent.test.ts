/**
 * The social-login consent gap reproduced and closed in real Chromium: a user of the simulated Google
 * connection signs in without a password and without any signup form, the post-login Action sends
 * them to the consent page (<assent-terms> from @assent/elements, served by @assent/server), and
 * the page posts the decision back to Auth0's /continue. Accepting ends with the consent in
 * app_metadata; declining ends with the login denied. The page never leaves the machine.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeConsentObject } from '@assent/core';
import type { Browser } from 'playwright-core';
import { launchChromium, openGuardedPage, type GuardedPage } from '@assent/testkit/browser';
import { serverCertificate } from '@assent/testkit/https-trust';
import { uniqueEmail } from '../support/unique.js';
import { SOCIAL, SPA, startServerFixture, type ServerFixture } from '../node/server-fixture.js';

let fixture: ServerFixture;
let browser: Browser;

before(async () => {
  fixture = await startServerFixture();
  browser = await launchChromium({ trustCertificates: [await serverCertificate(fixture.emulator.url, fixture.emulator.caCert!)] });
});
after(async () => {
  await browser?.close();
  await fixture?.close();
});

/** Opens the app's login with the social connection and signs in as `email` on the provider page; ends on the consent page. */
async function signInWithGoogle(t: { after(fn: () => Promise<void>): void }, email: string): Promise<GuardedPage> {
  const session = await openGuardedPage(browser);
  t.after(() => session.close());
  const { page } = session;
  const params = new URLSearchParams({ client_id: SPA, response_type: 'code', redirect_uri: fixture.callback, scope: 'openid', state: 'app-state', connection: SOCIAL });
  await page.goto(`${fixture.emulator.url}/authorize?${params}`);
  assert.equal(await page.locator('input[type="password"]').count(), 0, 'no password on the provider page');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${fixture.api}/consent/page?**`);
  await page.getByRole('checkbox', { name: /I agree to the Terms of Service/ }).waitFor();
  return session;
}

function finalParams(url: string): URLSearchParams {
  assert.ok(url.startsWith(fixture.callback), `ended at ${url}`);
  return new URL(url).searchParams;
}

describe('the consent page in Chromium', () => {
  test('accepting the terms and marketing continues the login and records the consent in app_metadata', async (t) => {
    const email = uniqueEmail('e2e-social-accept');
    const session = await signInWithGoogle(t, email);
    const { page } = session;

    // Accept without ticking the required box: the form says what is missing and goes nowhere.
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    await page.getByText('Please accept the Terms of Service and Privacy Policy to continue.').waitFor();
    assert.ok(page.url().startsWith(`${fixture.api}/consent/page`));

    await page.getByRole('checkbox', { name: /I agree to the Terms of Service/ }).check();
    await page.getByRole('checkbox', { name: /news and offers/i }).check();
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    await page.waitForURL(`${fixture.callback}**`);
    const params = finalParams(page.url());
    assert.ok(params.get('code'), page.url());
    assert.equal(params.get('state'), 'app-state');

    const [user] = await fixture.management.users.listUsersByEmail({ email });
    const consent = decodeConsentObject(user!.app_metadata?.consent);
    assert.deepEqual(consent.purposes, { terms: true, marketing: true });
    assert.equal(consent.locale, 'en');
    assert.equal(consent.history.at(-1)!.source, 'action');
    assert.deepEqual(
      session.console.filter((line) => /Content.Security.Policy|Refused to/i.test(line)),
      [],
    );
  });

  test('declining ends with the login denied and no consent stored', async (t) => {
    const email = uniqueEmail('e2e-social-decline');
    const { page } = await signInWithGoogle(t, email);
    await page.getByRole('button', { name: 'Decline' }).click();
    await page.waitForURL(`${fixture.callback}**`);
    const params = finalParams(page.url());
    assert.equal(params.get('error'), 'access_denied');
    assert.equal(params.get('error_description'), 'Consent declined');
    const [user] = await fixture.management.users.listUsersByEmail({ email });
    assert.equal(user!.app_metadata?.consent, undefined);
  });

  test('the page shows the terms in the language of the login (German)', async (t) => {
    const session = await openGuardedPage(browser);
    t.after(() => session.close());
    const { page } = session;
    const params = new URLSearchParams({ client_id: SPA, response_type: 'code', redirect_uri: fixture.callback, scope: 'openid', state: 's', connection: SOCIAL, ui_locales: 'de' });
    await page.goto(`${fixture.emulator.url}/authorize?${params}`);
    await page.getByLabel('Email').fill(uniqueEmail('e2e-social-de'));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${fixture.api}/consent/page?**`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');
    await page.getByRole('checkbox', { name: /Nutzungsbedingungen/ }).waitFor();
  });
});
