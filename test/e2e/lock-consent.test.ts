/**
 * @assent/lock end to end, in headless Chromium against an HTTPS emulator, with the real
 * auth0-lock 14.3 bundled as an app bundles it (lazily loaded chunk): what the user ticks is what
 * Auth0 stores, read back with the official `auth0` Node SDK; the login after signup completes;
 * a page that does not show Lock never downloads it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeSignupFields, en, parsePolicy, verifyDecision, type ConsentDecision } from '@assent/core';
import { strongPassword, uniqueEmail } from '../support/unique.js';
import { openConsentSession, type ConsentPage, type ConsentSession } from './lock-pages/consent-session.js';

const policy = parsePolicy({
  id: 'acme-signup',
  version: '2026-11-01',
  controller: { name: 'Acme GmbH' },
  documents: [
    { id: 'terms', url: '/docs/terms', version: '3.1' },
    { id: 'privacy', url: '/docs/privacy', version: '2.0' },
  ],
  purposes: [
    { id: 'terms', required: true, basis: 'contract', documents: ['terms', 'privacy'] },
    { id: 'marketing', required: false, basis: 'consent' },
    { id: 'analytics', required: false, basis: 'consent' },
  ],
});

let session: ConsentSession;
before(async () => {
  session = await openConsentSession(policy);
});
after(() => session?.close());

async function open(t: { after(fn: () => Promise<void>): void }, path = '/'): Promise<ConsentPage> {
  const page = await session.open(path);
  t.after(() => page.close());
  return page;
}

/** Fills Lock's sign-up form as a user does, ticks the terms and the named optional purposes, and submits. */
async function signUp(page: ConsentPage, email: string, optional: readonly string[]): Promise<void> {
  const lock = page.page.locator('#signup');
  await lock.locator('input[name="email"]').fill(email);
  await lock.locator('input[name="password"]').fill(strongPassword());
  for (const id of optional) await lock.locator(`input[name="consent_p_${id}"]`).check();
  await lock.locator('.auth0-lock-sign-up-terms-agreement input[type="checkbox"]').check();
  await lock.locator('button[type="submit"]').click();
}

async function storedDecision(email: string): Promise<ConsentDecision> {
  const users = await session.management.users.listUsersByEmail({ email });
  assert.equal(users.length, 1, `users-by-email found ${users.length} users for ${email}`);
  return decodeSignupFields(users[0]!.user_metadata as Record<string, unknown>);
}

describe('@assent/lock with the real Lock and the auth0 Node SDK', () => {
  for (const optional of [[], ['marketing'], ['marketing', 'analytics']]) {
    test(`a signup that accepts ${optional.length ? optional.join(' and ') : 'no optional purpose'} is stored as exactly that decision`, async (t) => {
      const page = await open(t);
      const email = uniqueEmail('lock-consent');
      await signUp(page, email, optional);
      const event = await page.waitForEvent('assent-lock-signup-success');
      const stored = await storedDecision(email);
      assert.deepEqual(stored.purposes, ['terms', ...optional]);
      assert.deepEqual(stored, (event.detail as { decision: ConsentDecision }).decision);
      assert.equal(await verifyDecision(stored, policy, en), true, 'the stored hash verifies against the policy');
    });
  }

  test('the login after signup completes and is re-emitted as assent-lock-authenticated', async (t) => {
    const page = await open(t, '/?login=1');
    const email = uniqueEmail('lock-consent-login');
    await signUp(page, email, ['analytics']);
    await page.page.waitForURL(`${session.origin}/callback#**`, { timeout: 15_000 });
    const event = await page.waitForEvent('assent-lock-authenticated');
    const { authResult } = event.detail as { authResult: { idTokenPayload?: { email?: string }; accessToken?: string } };
    assert.equal(authResult.idTokenPayload?.email, email, page.diagnostics());
    assert.equal(typeof authResult.accessToken, 'string');
    assert.deepEqual((await storedDecision(email)).purposes, ['terms', 'analytics']);
  });

  test('a page that has not shown Lock has not downloaded it; showing it loads the Lock chunk', async (t) => {
    const page = await open(t, '/?defer=1');
    await page.page.waitForFunction(() => typeof window.showLock === 'function');
    const lockChunk = `${session.origin}${session.bundle.lockChunk}`;
    assert.equal(page.requests.includes(lockChunk), false, `requested before showing:\n${page.requests.join('\n')}`);
    await page.page.evaluate(() => window.showLock());
    await page.page.locator('#signup .auth0-lock-sign-up-terms-agreement input[type="checkbox"]').waitFor({ state: 'visible' });
    assert.equal(page.requests.includes(lockChunk), true, `Lock chunk ${lockChunk} not requested:\n${page.requests.join('\n')}`);
  });
});
