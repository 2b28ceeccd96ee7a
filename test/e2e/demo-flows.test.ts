/**
 * The developers' flows of the demo site (demo/signup.html, lock.html, account.html, social.html;
 * universal-login.html in demo-universal-login.test.ts) served by the
 * real demo server (Vite, the embedded emulator and its recording proxy, as `npm start` runs it) in
 * headless Chromium fenced to loopback: each signup shows its request in the inspector, and the
 * stored record holds the consent that was ticked; no page leaves the machine, logs an error, or
 * fails axe, as it loads and after each step of its flow.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { decodeConsentObject, decodeSignupFields } from '@assent/core';
import { openGuardedPage, type GuardedPage } from '@assent/testkit/browser';
import { assertAccessible, consoleErrors, openDemoPage, useDemo, type TestContextLike } from '../support/demo-session.js';
import { strongPassword, uniqueEmail } from '../support/unique.js';

const site = useDemo();

/** The published policy is the demo server's, shared by every test: a test that publishes restores it. */
async function restoreOriginalTerms(): Promise<void> {
  const response = await fetch(new URL('assent-demo/policy', site.demo.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ edition: 'original' }) });
  assert.equal(response.status, 200, await response.text());
}

/**
 * Lock's own console output that is not ours to fix: after a signup, React's development build (the
 * dev server's) warns that Lock passes a component as `nodeRef` to react-transition-group. The
 * production build has no prop-type checks, so a built app never logs it.
 */
const NOT_OUR_ERRORS = [/^error: Warning: Failed %s type: %s%s prop Invalid prop `nodeRef\.current` of type `SignedUpConfirmation`/];

/** Opens `path` in a fenced page; when the test ends, the page must have logged no console error but Lock's. */
function open(t: TestContextLike, path: string): Promise<GuardedPage> {
  return openDemoPage(t, site, path, { expectedErrors: NOT_OUR_ERRORS });
}

/** The inspector's two panes once the stored record is shown. */
async function inspected(page: Page): Promise<{ request: string; user: Record<string, unknown> }> {
  await page.locator('#inspector-user').filter({ hasText: '"user_id"' }).waitFor({ timeout: 30_000 });
  const request = await page.locator('#inspector-request').innerText();
  const user = JSON.parse(await page.locator('#inspector-user').innerText()) as Record<string, unknown>;
  return { request, user };
}

/**
 * Lock's own markup that is not ours to fix: the inactive "Log In" tab is Lock's grey (#9da3a9 on
 * white, 2.5:1). Everything else in Lock, the consent boxes Assent gives it included, is checked.
 */
const NOT_OUR_CODE = ['.auth0-lock-tabs li:not(.auth0-lock-tabs-current) a'];

describe('the custom form flow (signup.html)', () => {
  test('shows the signup request with the password masked, and the stored record decodes to the consent ticked [GDPR 7(1)]', async (t) => {
    const { page } = await open(t, 'signup.html');
    const email = uniqueEmail('demo-flow-form');
    const password = strongPassword();
    await page.locator('assent-terms #required').waitFor();
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.locator('assent-terms #required').check();
    await page.locator('assent-terms #purpose-marketing').check();
    await page.getByRole('button', { name: 'Create account' }).click();

    const { request, user } = await inspected(page);
    await assertAccessible(page, 'the signup', NOT_OUR_CODE);
    assert.match(request, /^POST http:\/\/127\.0\.0\.1:\d+\/dbconnections\/signup\n/);
    assert.ok(request.includes(`"email": "${email}"`), request);
    assert.ok(request.includes('"password": "********"'), request);
    assert.ok(!request.includes(password), 'the password is masked');
    assert.equal(user.email, email);
    const decision = decodeSignupFields(user.user_metadata as Record<string, unknown>);
    assert.deepEqual([...decision.purposes].sort(), ['marketing', 'terms']);
  });
});

describe('the custom form when its signup code cannot be downloaded (signup.html)', () => {
  test('says the form cannot be sent, keeps "Create account" disabled, and Enter sends nothing to Auth0', async (t) => {
    const session = await openGuardedPage(site.browser);
    t.after(() => session.close());
    const { page } = session;
    // The chunk the form imports when it is configured (a deploy that lost it, a flaky network).
    await page.route(/signup-runtime\.ts/, (route) => route.abort('failed'));
    await page.goto(new URL('signup.html', site.demo.url).href);
    const email = uniqueEmail('demo-flow-no-runtime');
    await page.getByRole('alert').filter({ hasText: 'This signup form is not set up correctly, so it cannot be sent.' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(strongPassword());
    await page.locator('assent-terms #required').check();
    assert.equal(await page.getByRole('button', { name: 'Create account' }).getAttribute('aria-disabled'), 'true');
    // Enter in a field submits a form: the element takes the user to the message instead.
    await page.getByLabel('Email address').press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('assent-config'));
    const recorded = (await (await fetch(new URL('assent-inspector/requests', site.demo.url))).json()) as { body: { email?: string } | null }[];
    assert.deepEqual(
      recorded.filter((request) => request.body?.email === email),
      [],
    );
  });
});

describe('the Lock flow (lock.html)', () => {
  test('shows the signup request Lock sent, and the stored record decodes to the consent ticked', async (t) => {
    const { page } = await open(t, 'lock.html');
    const email = uniqueEmail('demo-flow-lock');
    const lock = page.locator('assent-lock');
    await lock.locator('input[name="email"]').waitFor({ timeout: 30_000 });
    await lock.locator('input[name="email"]').fill(email);
    await lock.locator('input[name="password"]').fill(strongPassword());
    await lock.locator('input[name="consent_p_analytics"]').check();
    await lock.locator('.auth0-lock-sign-up-terms-agreement input[type="checkbox"]').check();
    await lock.locator('button[type="submit"]').click();

    const { request, user } = await inspected(page);
    await assertAccessible(page, 'the Lock signup', NOT_OUR_CODE);
    assert.match(request, /^POST http:\/\/127\.0\.0\.1:\d+\/dbconnections\/signup\n/);
    assert.ok(request.includes('"password": "********"'), request);
    assert.equal(user.email, email);
    const decision = decodeSignupFields(user.user_metadata as Record<string, unknown>);
    assert.deepEqual([...decision.purposes].sort(), ['analytics', 'terms']);
  });
});

describe('the account flow (account.html)', () => {
  /** Signs the page's demo user up and in, and waits for the stored record in the inspector. */
  async function signUpDemoUser(page: Page): Promise<Record<string, unknown>> {
    await page.getByRole('button', { name: 'Sign up and sign in a demo user' }).click();
    await page
      .getByRole('button', { name: 'Withdraw consent' })
      .waitFor({ timeout: 30_000 })
      .catch(async (error: unknown) => {
        throw new Error(`no account after signup: ${await page.locator('#user-status').innerText()}`, { cause: error });
      });
    const { user } = await inspected(page);
    await assertAccessible(page, 'signing the demo user up', NOT_OUR_CODE);
    return user;
  }

  /** Opens the withdraw dialog and checks it with axe. */
  async function openWithdrawDialog(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Withdraw consent' }).click();
    await page.getByRole('dialog').waitFor();
    await assertAccessible(page, 'opening the withdraw dialog', NOT_OUR_CODE);
  }

  test("withdrawing with the user's token goes through the recording proxy: the inspector shows the PATCH of the user", async (t) => {
    const { page } = await open(t, 'account.html');
    await signUpDemoUser(page);
    await openWithdrawDialog(page);
    await page.getByRole('button', { name: /^Withdraw all/ }).click();
    await page
      .locator('#inspector-request')
      .filter({ hasText: /^PATCH http:\/\/127\.0\.0\.1:\d+\/api\/v2\/users\// })
      .waitFor({ timeout: 30_000 });
    assert.match(await page.locator('#inspector-log').innerText(), /GET http:\/\/127\.0\.0\.1:\d+\/api\/v2\/users\//, "the consent client's read is listed too");
    await assertAccessible(page, 'the withdrawal', NOT_OUR_CODE);
  });

  test('withdrawing with "flag" through the server closes the account: the stored record shows app_metadata.deleted', async (t) => {
    const { page } = await open(t, 'account.html');
    const before = await signUpDemoUser(page);
    assert.equal((before.app_metadata as Record<string, unknown> | undefined)?.deleted, undefined);
    await page.getByLabel('Withdraw through').selectOption('flag');
    await openWithdrawDialog(page);
    await page.getByRole('button', { name: 'Withdraw all and close my account' }).click();
    await page.getByRole('status').filter({ hasText: 'Your consent has been withdrawn and your account closed.' }).waitFor();
    await page
      .locator('#inspector-request')
      .filter({ hasText: /^POST http:\/\/127\.0\.0\.1:\d+\/assent-server\/consent\/withdraw\n/ })
      .waitFor({ timeout: 30_000 });
    await assertAccessible(page, 'the withdrawal', NOT_OUR_CODE);
    await page.locator('#inspector-user').filter({ hasText: '"deleted": true' }).waitFor({ timeout: 30_000 });
    const user = JSON.parse(await page.locator('#inspector-user').innerText()) as { email: string; app_metadata: { deleted: boolean; consent: unknown } };
    assert.equal(user.email, before.email);
    assert.equal(user.app_metadata.deleted, true);
  });

  test('withdrawing with "delete" through the server logs the withdrawal, then the stored user is gone', async (t) => {
    const { page } = await open(t, 'account.html');
    const before = await signUpDemoUser(page);
    await page.getByLabel('Withdraw through').selectOption('delete');
    await openWithdrawDialog(page);
    await page.getByRole('button', { name: 'Withdraw all and delete my account' }).click();
    await page.getByRole('status').filter({ hasText: 'Your consent has been withdrawn and your account deleted.' }).waitFor();
    await page
      .locator('#inspector-user')
      .filter({ hasText: `no stored user for ${String(before.email)}` })
      .waitFor({ timeout: 30_000 });
    assert.match(await page.locator('#inspector-request').innerText(), /^POST http:\/\/127\.0\.0\.1:\d+\/assent-server\/consent\/withdraw\n/);
    await assertAccessible(page, 'the withdrawal', NOT_OUR_CODE);
    const log = (await readFile(site.demo.withdrawalLogPath, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { user_id: string; erase: string });
    assert.ok(
      log.some((record) => record.user_id === before.user_id && record.erase === 'delete'),
      JSON.stringify(log),
    );
  });

  test('after a "delete" withdrawal the page no longer shows a consent status: it says the account is gone', async (t) => {
    const { page } = await open(t, 'account.html');
    const before = await signUpDemoUser(page);
    assert.equal(await page.getByText('Given', { exact: true }).filter({ visible: true }).count(), 1, 'the status says "Given" before');
    await page.getByLabel('Withdraw through').selectOption('delete');
    await page.getByRole('button', { name: 'Withdraw consent' }).click();
    await page.getByRole('button', { name: 'Withdraw all and delete my account' }).click();
    await page.getByText(`${String(before.email)} no longer exists`).waitFor({ timeout: 30_000 });
    assert.equal(await page.getByText('Given', { exact: true }).filter({ visible: true }).count(), 0);
    assert.equal(await page.locator('assent-consent-status').isVisible(), false);
  });

  test('a withdrawal mode picked before signing up logs no configuration error', async (t) => {
    const session = await open(t, 'account.html');
    const { page } = session;
    await page.locator('#sign-up').waitFor();
    for (const mode of ['flag', 'delete', 'metadata', 'flag']) await page.getByLabel('Withdraw through').selectOption(mode);
    await signUpDemoUser(page);
    await page.getByRole('button', { name: 'Withdraw consent' }).click();
    await page.getByRole('button', { name: 'Withdraw all and close my account' }).waitFor();
    assert.deepEqual(consoleErrors(session, NOT_OUR_ERRORS), []);
  });

  test('"publish new terms" publishes terms 3.2 and shows the re-consent prompt', async (t) => {
    t.after(restoreOriginalTerms);
    const { page } = await open(t, 'account.html');
    await signUpDemoUser(page);
    assert.equal(await page.locator('assent-reconsent').getByRole('button').count(), 0, 'nothing to ask before the publication');
    await page.getByRole('button', { name: 'Publish new terms (3.2)' }).click();
    await page.getByRole('status').filter({ hasText: 'Published: terms 3.2 (policy acme-signup@2026-12-01).' }).waitFor({ timeout: 30_000 });
    await page.locator('assent-reconsent').getByRole('button').first().waitFor({ timeout: 30_000 });
    await assertAccessible(page, 'publishing new terms', NOT_OUR_CODE);
    assert.equal(await page.getByLabel('Policy', { exact: true }).inputValue(), 'current');
    const published = (await (await fetch(new URL('policies/acme-signup.json', site.demo.url))).json()) as { version: string };
    assert.equal(published.version, '2026-12-01');
  });
});

describe('the social login flow (social.html)', () => {
  /** Starts "Sign in with Google" and signs in on the emulator's provider page as `email`. */
  async function signInWithGoogle(page: Page, email: string): Promise<void> {
    await page.getByRole('button', { name: 'Sign in with Google (simulated)' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  /** Waits for the consent page of the demo's consent server. */
  async function onConsentPage(page: Page): Promise<void> {
    await page.waitForURL(/\/assent-server\/consent\/page\?/, { timeout: 30_000 });
    await page.getByRole('checkbox', { name: /I agree to the Terms of Service/ }).waitFor();
  }

  test('a first login goes through the consent page; accepting signs the user in with the ticked consent stored and the /continue post in the inspector', async (t) => {
    const { page } = await open(t, 'social.html');
    const email = uniqueEmail('demo-flow-social');
    await signInWithGoogle(page, email);
    await onConsentPage(page);
    await assertAccessible(page, 'arriving on the consent page', NOT_OUR_CODE);
    await page.getByRole('checkbox', { name: /I agree to the Terms of Service/ }).check();
    await page.getByRole('checkbox', { name: /news and offers/i }).check();
    await page.getByRole('button', { name: 'Accept and continue' }).click();

    await page
      .getByRole('status')
      .filter({ hasText: `Signed in as ${email}.` })
      .waitFor({ timeout: 30_000 });
    await assertAccessible(page, 'coming back signed in', NOT_OUR_CODE);
    const shown = JSON.parse(await page.locator('#social-result').innerText()) as { consent: { purposes: Record<string, boolean>; source: string } };
    assert.deepEqual(shown.consent.purposes, { terms: true, marketing: true, analytics: false });
    assert.equal(shown.consent.source, 'action');
    const { request, user } = await inspected(page);
    assert.match(request, /^POST http:\/\/127\.0\.0\.1:\d+\/continue\n/);
    assert.match(request, /"session_token": "ey/);
    const stored = decodeConsentObject((user.app_metadata as { consent: unknown }).consent);
    assert.deepEqual(stored.purposes, { terms: true, marketing: true, analytics: false });
    assert.equal(stored.version, '2026-11-01');
  });

  test('declining on the consent page comes back with "Login denied: Consent declined" and nothing stored', async (t) => {
    const { page } = await open(t, 'social.html');
    const email = uniqueEmail('demo-flow-social-decline');
    await signInWithGoogle(page, email);
    await onConsentPage(page);
    await page.getByRole('button', { name: 'Decline' }).click();
    await page.getByRole('alert').filter({ hasText: 'Login denied: Consent declined.' }).waitFor({ timeout: 30_000 });
    await assertAccessible(page, 'coming back declined', NOT_OUR_CODE);
    assert.equal(await page.locator('#social-result').innerText(), 'nobody signed in yet');
    await page.locator('#inspector-request').filter({ hasText: '/continue' }).waitFor();
    // The social login created the user; the declined consent left nothing in app_metadata.
    const user = (await (await fetch(new URL(`assent-inspector/user?email=${encodeURIComponent(email)}`, site.demo.url))).json()) as { email: string; app_metadata?: { consent?: unknown } };
    assert.equal(user.email, email);
    assert.equal(user.app_metadata?.consent, undefined);
  });

  test('signing in again with the same address skips the consent page', async (t) => {
    const { page } = await open(t, 'social.html');
    const email = uniqueEmail('demo-flow-social-again');
    await signInWithGoogle(page, email);
    await onConsentPage(page);
    await page.getByRole('checkbox', { name: /I agree to the Terms of Service/ }).check();
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Signed in as ${email}.` })
      .waitFor({ timeout: 30_000 });

    const visited: string[] = [];
    page.on('framenavigated', (frame) => visited.push(frame.url()));
    await signInWithGoogle(page, email);
    await page
      .getByRole('status')
      .filter({ hasText: `Signed in as ${email}.` })
      .waitFor({ timeout: 30_000 });
    assert.deepEqual(
      visited.filter((url) => url.includes('/consent/page')),
      [],
    );
  });

  test('after "publish new terms", a returning user is asked again on a consent page that says the terms changed, and terms 3.2 are stored [EDPB re-consent]', async (t) => {
    t.after(restoreOriginalTerms);
    const { page } = await open(t, 'social.html');
    const email = uniqueEmail('demo-flow-social-publish');
    await signInWithGoogle(page, email);
    await onConsentPage(page);
    await page.getByRole('checkbox', { name: /I agree to the Terms of Service/ }).check();
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Signed in as ${email}.` })
      .waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Publish new terms (3.2)' }).click();
    await page.getByRole('status').filter({ hasText: 'Published: terms 3.2 (policy acme-signup@2026-12-01).' }).waitFor({ timeout: 30_000 });
    await signInWithGoogle(page, email);
    await onConsentPage(page);
    await page.getByText('Our terms have changed since you last agreed.').waitFor();
    await page.getByRole('checkbox', { name: /I agree to the Terms of Service/ }).check();
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Signed in as ${email}.` })
      .waitFor({ timeout: 30_000 });

    const { user } = await inspected(page);
    const stored = decodeConsentObject((user.app_metadata as { consent: unknown }).consent);
    assert.equal(stored.version, '2026-12-01');
    assert.deepEqual(stored.documents, { terms: '3.2', privacy: '2.0' });
    assert.deepEqual(
      stored.history.map((entry) => entry.version),
      ['2026-11-01', '2026-12-01'],
    );
  });

  test('publishing an edition the demo does not have is refused with 400, and the published policy stays', async () => {
    const post = (body: string) => fetch(new URL('assent-demo/policy', site.demo.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    for (const body of ['{"edition":"next-year"}', '{}', 'not json']) {
      const refused = await post(body);
      assert.equal(refused.status, 400, body);
      assert.match(((await refused.json()) as { message: string }).message, /edition must be "original" or "new-terms"/);
    }
    const published = (await (await fetch(new URL('policies/acme-signup.json', site.demo.url))).json()) as { version: string };
    assert.equal(published.version, '2026-11-01');
  });

  test('the consent page names the application the user signs in to', async (t) => {
    const { page } = await open(t, 'social.html');
    await signInWithGoogle(page, uniqueEmail('demo-flow-social-app'));
    await onConsentPage(page);
    assert.equal(await page.locator('.application').innerText(), 'Acme (Assent demo)');
    assert.match(await page.title(), /Acme \(Assent demo\)/);
  });

  test('the consent page in German stays on the machine and axe finds no violation', async (t) => {
    const { page } = await open(t, 'social.html?lang=de');
    await signInWithGoogle(page, uniqueEmail('demo-flow-social-axe'));
    await page.waitForURL(/\/assent-server\/consent\/page\?/, { timeout: 30_000 });
    await page.getByRole('checkbox', { name: /Nutzungsbedingungen/ }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');
    await assertAccessible(page, 'arriving on the German consent page', NOT_OUR_CODE);
  });
});

describe('every flow page', () => {
  for (const [path, ready] of [
    ['signup.html', 'assent-terms #required'],
    ['lock.html', 'assent-lock input[name="email"]'],
    ['account.html', '#sign-up'],
    ['social.html', '#sign-in'],
    ['universal-login.html', '#deploy-status:not(:empty)'],
    ['forms.html', '#deploy-status:not(:empty)'],
  ] as const) {
    test(`${path} stays on the machine and axe finds no violation`, async (t) => {
      const { page } = await open(t, path);
      await page.locator(ready).waitFor({ timeout: 30_000 });
      await assertAccessible(page, 'loading', NOT_OUR_CODE);
    });
  }
});
