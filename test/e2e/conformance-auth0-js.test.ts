/**
 * Auth0 API conformance through the real auth0-js 10 in Chromium: database signup (result and
 * every documented error shape) and the Management API with a user-scoped token.
 * Runs against a fresh emulator over HTTPS, or a real tenant (test/conformance/README.md).
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { strongPassword, uniqueEmail } from '../support/unique.js';
import { openAuth0JsSession, type Auth0JsSession } from '../conformance/auth0-js-session.js';
import {
  expectExistingUser,
  expectManagementError,
  expectMetadataRefused,
  expectPasswordLeaked,
  expectPasswordRuleError,
  expectPasswordStrengthError,
  expectRateLimited,
  expectUnknownConnection,
  type Auth0JsError,
} from '../conformance/error-shapes.js';
import { forgedToken, unverifiedPayload } from '../conformance/jwt.js';
import type { Outcome } from '../conformance/pages/auth0-js-page.js';

const USER_SCOPES = 'openid profile email read:current_user update:current_user_metadata';

let session: Auth0JsSession;
before(async () => {
  session = await openAuth0JsSession();
});
after(() => session?.close());
afterEach(() => session.page.assertClean());

function succeeded<T>(outcome: Outcome<T>): T {
  assert.ok(outcome.ok, `expected success, got ${JSON.stringify(outcome)}`);
  return outcome.value;
}

function failed(outcome: Outcome<unknown>): Auth0JsError {
  assert.ok(!outcome.ok, `expected an error, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

/** Signs up a new user and logs in with the password-realm grant; returns the user id and a user-scoped token. */
async function signedInUser(label: string): Promise<{ email: string; userId: string; token: string }> {
  const email = uniqueEmail(label);
  const password = strongPassword();
  succeeded(await session.call('signup', { email, password }));
  const tokens = succeeded(await session.call('login', { email, password, scope: USER_SCOPES }));
  const token = String(tokens.accessToken);
  return { email, userId: String(unverifiedPayload(token).sub), token };
}

describe('auth0-js WebAuth signup', () => {
  test('answers the new user camelCased, user_metadata keys included', async () => {
    const email = uniqueEmail('signup');
    const result = succeeded(await session.call('signup', { email, password: strongPassword(), userMetadata: { consent_policy: 'acme@2026-11-01' } }));
    assert.equal(result.email, email);
    assert.equal(result.emailVerified, false);
    // Auth0 answers `_id` (or `id` / `user_id`); auth0-js camelCases `_id` to `Id`.
    const id = result.Id ?? result.id ?? result.userId;
    assert.equal(typeof id, 'string', `no id in ${JSON.stringify(result)}`);
    assert.deepEqual(result.userMetadata, { consentPolicy: 'acme@2026-11-01' });
  });

  test('refuses an email that is already signed up', async () => {
    const email = uniqueEmail('existing');
    succeeded(await session.call('signup', { email, password: strongPassword() }));
    expectExistingUser(failed(await session.call('signup', { email, password: strongPassword() })));
  });

  test('refuses a weak password with the rules and the policy text', async () => {
    const rules = expectPasswordStrengthError(failed(await session.call('signup', { email: uniqueEmail('weak'), password: 'short' })));
    const length = rules.find((rule) => rule.code === 'lengthAtLeast');
    assert.ok(length, `no lengthAtLeast rule in ${JSON.stringify(rules)}`);
    assert.deepEqual(length.format, [8]);
    assert.equal(length.verified, false);
    assert.equal(length.message, 'At least %d characters in length');
  });

  test('refuses a common password with PasswordDictionaryError', async () => {
    expectPasswordRuleError(failed(await session.call('signup', { email: uniqueEmail('common'), password: 'P@ssw0rd' })), 'PasswordDictionaryError');
  });

  test('refuses a password that contains the email name with PasswordNoUserInfoError', async () => {
    const email = uniqueEmail('personal');
    const password = `${email.split('@')[0]}-X9!`;
    expectPasswordRuleError(failed(await session.call('signup', { email, password })), 'PasswordNoUserInfoError');
  });

  test('refuses a breached password with password_leaked', async (t) => {
    const breached = session.target.breachedPassword;
    if (!breached) return t.skip('the tenant names no breached password');
    expectPasswordLeaked(failed(await session.call('signup', { email: uniqueEmail('leaked'), password: breached })));
  });

  test('refuses a boolean in user_metadata, naming the field', async () => {
    const error = failed(await session.call('signup', { email: uniqueEmail('boolean'), password: strongPassword(), userMetadata: { newsletter: true } }));
    expectMetadataRefused(error, /invalid user_metadata\.newsletter type \(only strings are allowed\)/);
  });

  test('refuses a user_metadata value over 500 characters, naming the field', async () => {
    const error = failed(await session.call('signup', { email: uniqueEmail('long-value'), password: strongPassword(), userMetadata: { note: 'x'.repeat(501) } }));
    expectMetadataRefused(error, /user_metadata\.note/);
  });

  test('refuses a user_metadata name over 100 characters', async () => {
    const name = 'n'.repeat(101);
    expectMetadataRefused(failed(await session.call('signup', { email: uniqueEmail('long-name'), password: strongPassword(), userMetadata: { [name]: 'x' } })), /user_metadata/);
  });

  test('refuses more than 10 user_metadata fields', async () => {
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, index) => [`field_${index}`, 'x']));
    expectMetadataRefused(failed(await session.call('signup', { email: uniqueEmail('eleven'), password: strongPassword(), userMetadata: eleven })), /user_metadata/);
  });

  test('accepts exactly 10 user_metadata fields', async () => {
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`field_${index}`, 'x']));
    succeeded(await session.call('signup', { email: uniqueEmail('ten'), password: strongPassword(), userMetadata: ten }));
  });

  test('refuses an unknown connection', async () => {
    const error = failed(await session.call('signup', { email: uniqueEmail('connection'), password: strongPassword(), connection: 'No-Such-Connection' }));
    expectUnknownConnection(error, 'No-Such-Connection');
  });

  test('reports a rate limit as too_many_requests', async (t) => {
    const faults = session.target.faults;
    if (!faults) return t.skip('rate limits can only be provoked on the emulator');
    await faults.set([{ path: '/dbconnections/signup', kind: 'status', status: 429, times: 1 }]);
    t.after(() => faults.clear());
    expectRateLimited(failed(await session.call('signup', { email: uniqueEmail('limited'), password: strongPassword() })));
  });
});

describe('auth0-js Management with a user-scoped token (password-realm grant)', () => {
  test('getUser reads the signed-in user', async () => {
    const { email, userId, token } = await signedInUser('reader');
    const user = succeeded(await session.call('getUser', token, userId));
    assert.equal(user.user_id, userId);
    assert.equal(user.email, email);
  });

  test('patchUserMetadata merges root keys and replaces nested objects', async () => {
    const { userId, token } = await signedInUser('patcher');
    succeeded(await session.call('patchUserMetadata', token, userId, { theme: 'dark', consent: { given: true, purposes: { terms: true } } }));
    const user = succeeded(await session.call('patchUserMetadata', token, userId, { consent: { given: false } }));
    assert.deepEqual(user.user_metadata, { theme: 'dark', consent: { given: false } });
    const reread = succeeded(await session.call('getUser', token, userId));
    assert.deepEqual(reread.user_metadata, { theme: 'dark', consent: { given: false } });
  });

  test('patchUserMetadata with null deletes the key', async () => {
    const { userId, token } = await signedInUser('deleter');
    succeeded(await session.call('patchUserMetadata', token, userId, { keep: 'yes', drop: 'me' }));
    const user = succeeded(await session.call('patchUserMetadata', token, userId, { drop: null }));
    assert.deepEqual(user.user_metadata, { keep: 'yes' });
  });

  test('a user token cannot write app_metadata, which stays untouched', async () => {
    const { userId, token } = await signedInUser('app-writer');
    const error = failed(await session.call('patchUserAttributes', token, userId, { app_metadata: { consent_verified: true } }));
    assert.equal(error.statusCode, 403, JSON.stringify(error));
    expectManagementError(error.body, 403);
    const user = succeeded(await session.call('getUser', token, userId));
    assert.equal((user.app_metadata as Record<string, unknown> | undefined)?.consent_verified, undefined);
  });

  for (const alg of ['none', 'HS256'] as const) {
    test(`a token re-signed with alg ${alg} is refused with 401`, async () => {
      const { userId, token } = await signedInUser(`forged-${alg}`);
      const error = failed(await session.call('getUser', forgedToken(token, alg), userId));
      assert.equal(error.statusCode, 401, JSON.stringify(error));
      expectManagementError(error.body, 401);
    });
  }

  test('getUser of another user is refused', async () => {
    const me = await signedInUser('me');
    const other = await signedInUser('other');
    const error = failed(await session.call('getUser', me.token, other.userId));
    assert.equal(error.statusCode, 403, JSON.stringify(error));
    expectManagementError(error.body, 403);
  });

  test('patchUserMetadata of another user is refused and changes nothing', async () => {
    const me = await signedInUser('me');
    const other = await signedInUser('victim');
    const error = failed(await session.call('patchUserMetadata', me.token, other.userId, { hijacked: 'yes' }));
    assert.equal(error.statusCode, 403, JSON.stringify(error));
    expectManagementError(error.body, 403);
    const untouched = succeeded(await session.call('getUser', other.token, other.userId));
    assert.equal((untouched.user_metadata as Record<string, unknown> | undefined)?.hijacked, undefined);
  });
});
