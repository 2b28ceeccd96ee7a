/**
 * Auth0 API conformance through the real auth0-lock 14.3 in headless Chromium: Lock renders from
 * the tenant's client script and dictionary, signs a user up (hidden extra field included), logs
 * in after signup, and shows Auth0's error answers as Lock users see them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ManagementClient } from 'auth0';
import { auth0LockVersion } from '@assent/testkit/lock-bundle';
import { strongPassword, uniqueEmail } from '../support/unique.js';
import { HIDDEN_FIELD, openLockSession, type LockPage, type LockSession } from '../conformance/lock-session.js';
import { managementClient } from '../support/management.js';

let session: LockSession;
let management: ManagementClient;

before(async () => {
  session = await openLockSession();
  const { target } = session;
  management = managementClient({ domain: target.domain, fetch: target.fetch, machine: target.m2m });
});
after(() => session?.close());

async function openLock(t: { after(fn: () => Promise<void>): void }, path = '/'): Promise<LockPage> {
  const page = await session.open(path);
  t.after(() => page.close());
  return page;
}

async function submitSignup(page: LockPage, email: string, password: string): Promise<void> {
  // Lock's inputs are React-controlled: fill() types like a user, assigning .value would not.
  await page.page.locator('#lock input[name="email"]').fill(email);
  await page.page.locator('#lock input[name="password"]').fill(password);
  await page.page.locator('#lock button[type="submit"]').click();
}

describe('auth0-lock sign-up', () => {
  test('renders the sign-up screen from the tenant client script and dictionary', async (t) => {
    const page = await openLock(t);
    const { target } = session;
    if (target.kind === 'emulator') {
      assert.ok(
        page.requests.some((url) => url.startsWith(`${target.baseUrl}/client/${target.clientId}.js`)),
        `client script not loaded from the emulator:\n${page.requests.join('\n')}`,
      );
      assert.ok(page.requests.includes(`${target.baseUrl}/js/lock/${auth0LockVersion()}/en.js`), `dictionary not loaded from the emulator:\n${page.requests.join('\n')}`);
    }
    assert.equal((await page.page.locator('#lock button[type="submit"]').innerText()).trim().toLowerCase(), 'sign up');
    assert.equal(await page.page.locator('#lock input[name="password"]').count(), 1);
  });

  test('a signup creates the user with the hidden field in user_metadata', async (t) => {
    const page = await openLock(t);
    const email = uniqueEmail('lock-signup');
    await submitSignup(page, email, strongPassword());
    await page.waitForEvent('signup success');
    await page.page.locator('#lock .auth0-lock-confirmation').waitFor({ state: 'visible' });

    const users = await management.users.listUsersByEmail({ email });
    assert.equal(users.length, 1, `users-by-email found ${users.length} users for ${email}`);
    assert.deepEqual(users[0]!.user_metadata, { [HIDDEN_FIELD.name]: HIDDEN_FIELD.value });
  });

  test('the login after signup completes with the authenticated event and tokens', async (t) => {
    const page = await openLock(t, '/?login=1');
    const email = uniqueEmail('lock-login');
    await submitSignup(page, email, strongPassword());
    // Cross-origin authentication, /authorize with the login ticket, then back to /callback.
    await page.page.waitForURL(`${session.origin}/callback#**`, { timeout: 15_000 });
    const event = await page.waitForEvent('authenticated');
    const result = event.payload as { accessToken?: string; idToken?: string; idTokenPayload?: Record<string, unknown> };
    assert.equal(typeof result.accessToken, 'string', page.diagnostics());
    assert.equal(typeof result.idToken, 'string');
    assert.equal(result.idTokenPayload?.email, email);
    assert.equal(result.idTokenPayload?.iss, `${session.target.baseUrl}/`);
  });
});

describe('auth0-lock shows Auth0 error answers', () => {
  test('an existing email fails with invalid_signup (or user_exists) and an error message', async (t) => {
    const email = uniqueEmail('lock-existing');
    await management.users.create({ connection: session.target.connection, email, password: strongPassword() });
    const page = await openLock(t);
    await submitSignup(page, email, strongPassword());
    const event = await page.waitForEvent('signup error');
    const error = event.payload as { code?: string; statusCode?: number };
    assert.ok(['invalid_signup', 'user_exists'].includes(String(error.code)), JSON.stringify(error));
    const message = page.page.locator('#lock .auth0-global-message-error');
    await message.waitFor({ state: 'visible' });
    assert.match(await message.innerText(), /something went wrong when attempting to sign up|the user already exists/i);
  });

  test("a common password shows Lock's message for PasswordDictionaryError", async (t) => {
    const page = await openLock(t);
    // Passes the "good" policy that Lock checks in the browser; only the server knows it is common.
    await submitSignup(page, uniqueEmail('lock-common'), 'P@ssw0rd');
    const event = await page.waitForEvent('signup error');
    assert.equal((event.payload as { name?: string }).name, 'PasswordDictionaryError', JSON.stringify(event.payload));
    const message = page.page.locator('#lock .auth0-global-message-error');
    await message.waitFor({ state: 'visible' });
    assert.match(await message.innerText(), /password is too common/i);
  });
});
