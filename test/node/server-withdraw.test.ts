/**
 * Withdrawal through @assent/server: purposes only, everything, and with erasure. Flag mode sets
 * app_metadata.deleted and keeps the history, and the post-login Action then denies the next login;
 * delete mode appends the withdrawal to the JSON Lines withdrawal log first, then deletes the user
 * (Management API 404), and deletes nothing when the record cannot be written.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { createDecision, decodeConsentObject, en, type ConsentObject } from '@assent/core';
import type { WithdrawalRecord } from '@assent/server';
import { ManagementError } from 'auth0';
import { API_AUDIENCE, POLICY, redirectParams, startServerFixture, type ServerFixture, type TestUser } from './server-fixture.js';

let fixture: ServerFixture;
before(async () => {
  fixture = await startServerFixture();
});
after(() => fixture?.close());

async function userWithToken(accepted: readonly string[] = ['terms', 'marketing']): Promise<{ user: TestUser; token: string }> {
  const user = await fixture.signup({ accepted });
  return { user, token: await fixture.userToken(user) };
}

async function appConsent(userId: string): Promise<ConsentObject> {
  return decodeConsentObject((await fixture.management.users.get(userId)).app_metadata?.consent);
}

describe('withdrawing purposes', () => {
  test('withdrawing an optional purpose keeps the consent and records the withdrawal [Recital 43]', async () => {
    const { user, token } = await userWithToken();
    const response = await fixture.call('/consent/withdraw', { token, body: { purposes: ['marketing'] } });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { status: string; accepted: string[] };
    assert.deepEqual([body.status, body.accepted], ['given', ['terms']]);
    const consent = await appConsent(user.userId);
    assert.deepEqual(
      consent.history.map((entry) => [entry.event, entry.source]),
      [
        ['given', 'signup'],
        ['withdrawn', 'server'],
      ],
    );
    assert.equal(consent.purposes.marketing, false);
  });

  test('withdrawing everything ends the consent, and the next login asks again on the consent page [GDPR 7(3)]', async () => {
    const { user, token } = await userWithToken();
    const body = (await (await fixture.call('/consent/withdraw', { token, body: {} })).json()) as { status: string };
    assert.equal(body.status, 'withdrawn');
    const login = await fixture.loginThroughPage(user);
    assert.equal(login.status, 302);
    const target = new URL(login.headers.get('location')!);
    assert.equal(`${target.origin}${target.pathname}`, `${fixture.api}/consent/page`);
    assert.ok(target.searchParams.get('session_token'));
  });

  test('refuses an unknown purpose, naming it', async () => {
    const { token } = await userWithToken();
    const response = await fixture.call('/consent/withdraw', { token, body: { purposes: ['newsletter'] } });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { field: string }).field, 'purposes[0]');
  });

  test('refuses an unknown erase mode, naming it', async () => {
    const { token } = await userWithToken();
    const response = await fixture.call('/consent/withdraw', { token, body: { erase: 'shred' } });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { field: string }).field, 'erase');
  });

  test('answers 409 no_consent when there is nothing to withdraw', async () => {
    const { user } = await userWithToken();
    await fixture.management.users.update(user.userId, {
      app_metadata: { consent: null },
      user_metadata: { consent_policy: null, consent_purposes: null, consent_at: null, consent_locale: null, consent_hash: null },
    });
    const token = await fixture.mintToken({ iss: fixture.emulator.tenant.issuer, aud: API_AUDIENCE, sub: user.userId, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 300 });
    const response = await fixture.call('/consent/withdraw', { token, body: {} });
    assert.equal(response.status, 409);
    assert.equal(((await response.json()) as { error: string }).error, 'no_consent');
  });

  test('concurrent requests of one user lose no event', async () => {
    const { user, token } = await userWithToken();
    const decision = await createDecision(POLICY, { accepted: ['terms', 'marketing'], locale: 'en', messages: en });
    const requests = Array.from({ length: 8 }, (_, i) =>
      i % 2 === 0 ? fixture.call('/consent/withdraw', { token, body: { purposes: ['marketing'], eventId: `w-${i}` } }) : fixture.call('/consent', { token, body: { decision, eventId: `g-${i}` } }),
    );
    for (const response of await Promise.all(requests)) assert.equal(response.status, 200);
    const ids = (await appConsent(user.userId)).history.map((entry) => entry.id);
    for (let i = 0; i < 8; i += 1) assert.ok(ids.includes(i % 2 === 0 ? `w-${i}` : `g-${i}`), `event ${i} lost: ${ids.join(', ')}`);
  });
});

describe('erase: "flag"', () => {
  test('sets app_metadata.deleted, keeps the history, and the post-login Action denies the next login [GDPR 17]', async () => {
    const { user, token } = await userWithToken();
    const response = await fixture.call('/consent/withdraw', { token, body: { erase: 'flag' } });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { erased: string; status: string; app_metadata: { deleted: boolean } };
    assert.deepEqual([body.erased, body.status, body.app_metadata.deleted], ['flag', 'withdrawn', true]);

    const stored = await fixture.management.users.get(user.userId);
    assert.equal(stored.app_metadata?.deleted, true);
    const consent = decodeConsentObject(stored.app_metadata?.consent);
    assert.deepEqual(
      consent.history.map((entry) => entry.event),
      ['given', 'withdrawn'],
    );

    const login = redirectParams(await fixture.loginThroughPage(user));
    assert.equal(login.get('error'), 'access_denied');
    assert.equal(login.get('error_description'), 'Access denied (deleted user)');
    await assert.rejects(fixture.userToken(user), /403.*Access denied \(deleted user\)/);
  });

  test('a flagged account cannot record consent again', async () => {
    const { token } = await userWithToken();
    await fixture.call('/consent/withdraw', { token, body: { erase: 'flag' } });
    const decision = await createDecision(POLICY, { accepted: ['terms'], locale: 'en', messages: en });
    const response = await fixture.call('/consent', { token, body: { decision } });
    assert.equal(response.status, 403);
    assert.equal(((await response.json()) as { error: string }).error, 'account_deleted');
  });
});

describe('erase: "delete"', () => {
  test('records the withdrawal in the withdrawal log, then deletes the user (Management API 404) [GDPR 17]', async () => {
    const { user, token } = await userWithToken();
    const response = await fixture.call('/consent/withdraw', { token, body: { erase: 'delete', eventId: 'erase-1' } });
    assert.equal(response.status, 200);
    assert.deepEqual(((await response.json()) as { erased: string }).erased, 'delete');

    const error = await fixture.management.users.get(user.userId).then(
      () => assert.fail('the user still exists'),
      (failure: unknown) => failure,
    );
    assert.ok(error instanceof ManagementError);
    assert.equal(error.statusCode, 404);

    const records = (await readFile(fixture.withdrawalLogPath, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as WithdrawalRecord);
    const record = records.find((candidate) => candidate.user_id === user.userId);
    assert.ok(record, 'the withdrawal record remains in the log');
    assert.equal(record.event_id, 'erase-1');
    assert.equal(record.email_sha256, createHash('sha256').update(user.email.toLowerCase()).digest('hex'));
    assert.equal(JSON.stringify(record).includes(user.email), false, 'the erased address is not kept');
    const consent = decodeConsentObject(record.consent);
    assert.deepEqual(
      consent.history.map((entry) => entry.event),
      ['given', 'withdrawn'],
    );
    assert.equal(consent.given, false);

    const afterwards = await fixture.call('/consent', { token });
    assert.equal(afterwards.status, 404);
    assert.equal(((await afterwards.json()) as { error: string }).error, 'user_not_found');
  });
});

describe('delete mode without a usable withdrawal log', () => {
  let strict: ServerFixture;
  let failing = false;
  before(async () => {
    strict = await startServerFixture({
      withdrawalLog: {
        async append() {
          if (failing) throw new Error('disk full');
        },
      },
    });
  });
  after(() => strict?.close());

  test('a log that fails leaves the user undeleted (500 withdrawal_log_failed)', async () => {
    const user = await strict.signup();
    const token = await strict.userToken(user);
    failing = true;
    const response = await strict.call('/consent/withdraw', { token, body: { erase: 'delete' } });
    failing = false;
    assert.equal(response.status, 500);
    assert.equal(((await response.json()) as { error: string }).error, 'withdrawal_log_failed');
    assert.equal((await strict.management.users.get(user.userId)).user_id, user.userId);
  });
});

describe('delete mode with a withdrawal log that never answers', () => {
  let stuck: ServerFixture;
  before(async () => {
    stuck = await startServerFixture({ withdrawalLog: { append: () => new Promise<void>(() => undefined) }, handler: { withdrawalLogTimeoutMs: 300 } });
  });
  after(() => stuck?.close());

  test('answers 503 after the timeout, deletes nothing, and the user can go on (their lock is released)', async () => {
    const user = await stuck.signup();
    const token = await stuck.userToken(user);
    const response = await stuck.call('/consent/withdraw', { token, body: { erase: 'delete' } });
    assert.equal(response.status, 503);
    assert.equal(((await response.json()) as { error: string }).error, 'withdrawal_log_timeout');
    assert.ok(response.headers.get('retry-after'));
    assert.equal((await stuck.management.users.get(user.userId)).user_id, user.userId);
    const next = await stuck.call('/consent/withdraw', { token, body: {} });
    assert.equal(next.status, 200);
  });
});

describe('delete mode with no withdrawal log configured', () => {
  let bare: ServerFixture;
  before(async () => {
    bare = await startServerFixture({ withdrawalLog: 'none' });
  });
  after(() => bare?.close());

  test('answers 501 erase_not_configured and deletes nothing', async () => {
    const user = await bare.signup();
    const token = await bare.userToken(user);
    const response = await bare.call('/consent/withdraw', { token, body: { erase: 'delete' } });
    assert.equal(response.status, 501);
    assert.equal(((await response.json()) as { field: string }).field, 'erase');
    assert.equal((await bare.management.users.get(user.userId)).user_id, user.userId);
  });
});
