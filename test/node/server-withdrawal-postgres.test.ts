/**
 * @assent/server with its withdrawal log and user locks in PostgreSQL (a real server this test
 * starts): delete mode commits the record before it deletes, a retried withdrawal adds no second
 * row, two handlers on one database serialise on a user, and with the database unreachable delete
 * mode answers 503 and deletes nothing while consent and flag mode go on.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createDecision, decodeConsentObject, en } from '@assent/core';
import { WithdrawalStoreError, createConsentHandler, type ConsentHandler, type WithdrawalRecord } from '@assent/server';
import pg from 'pg';
import { openWithdrawalStore } from '@assent/server/node';
import { startPostgres, type RunningPostgres } from '@assent/testkit/postgres';
import { withdrawalRecord } from '../support/withdrawal-store-contract.js';
import { API_AUDIENCE, M2M, M2M_SECRET, POLICY, startServerFixture, type ServerFixture } from './server-fixture.js';

let postgres: RunningPostgres;
before(async () => {
  postgres = await startPostgres();
});
after(() => postgres?.stop());

async function records(url: string): Promise<WithdrawalRecord[]> {
  const store = await openWithdrawalStore(url);
  try {
    const all: WithdrawalRecord[] = [];
    for await (const record of store.records()) all.push(record);
    return all;
  } finally {
    await store.close();
  }
}

async function gone(fixture: ServerFixture, userId: string): Promise<boolean> {
  return fixture.management.users.get(userId).then(
    () => false,
    (error: unknown) => (error as { statusCode?: number }).statusCode === 404,
  );
}

describe('withdrawal log in PostgreSQL', () => {
  let fixture: ServerFixture;
  let url: string;
  before(async () => {
    url = await postgres.createDatabase('handler_log');
    fixture = await startServerFixture({ handler: { withdrawalLog: url } });
  });
  after(() => fixture?.close());

  test('delete mode commits the record (with the email hashed, never the email), then deletes the user', async () => {
    const user = await fixture.signup({ accepted: ['terms', 'marketing'] });
    const token = await fixture.userToken(user);
    const response = await fixture.call('/consent/withdraw', { token, body: { erase: 'delete', eventId: 'pg-erase-1' } });
    assert.equal(response.status, 200);
    assert.equal(await gone(fixture, user.userId), true);
    const mine = (await records(url)).filter((record) => record.user_id === user.userId);
    assert.deepEqual(
      mine.map((record) => record.event_id),
      ['pg-erase-1'],
    );
    assert.equal(mine[0]?.email_sha256, createHash('sha256').update(user.email.toLowerCase()).digest('hex'));
    assert.equal(JSON.stringify(mine).includes(user.email), false);
    assert.deepEqual(
      decodeConsentObject(mine[0]?.consent).history.map((entry) => entry.event),
      ['given', 'withdrawn'],
    );
  });

  test('a withdrawal retried after its record was committed (the delete never happened) deletes the user and adds no second row', async () => {
    const user = await fixture.signup();
    const token = await fixture.userToken(user);
    // What an instance killed between the commit and the delete leaves behind.
    const store = await openWithdrawalStore(url);
    await store.append(withdrawalRecord(user.userId, 'pg-retried'));
    await store.close();
    const response = await fixture.call('/consent/withdraw', { token, body: { erase: 'delete', eventId: 'pg-retried' } });
    assert.equal(response.status, 200);
    assert.equal(await gone(fixture, user.userId), true);
    assert.equal((await records(url)).filter((record) => record.event_id === 'pg-retried').length, 1);
  });

  test('two handlers on one database, giving consent for one user at once, lose no event and answer no conflict', async () => {
    const second: ConsentHandler = createConsentHandler({
      auth0: { domain: fixture.emulator.tenant.domain, clientId: M2M, clientSecret: M2M_SECRET },
      audience: API_AUDIENCE,
      policy: POLICY,
      fetch: fixture.fetch,
      withdrawalLog: url,
    });
    try {
      const user = await fixture.signup();
      const token = await fixture.userToken(user);
      const decision = await createDecision(POLICY, { accepted: ['terms', 'marketing'], locale: 'en', messages: en });
      const ids = Array.from({ length: 16 }, (_, i) => `pg-both-${i}`);
      const answers = await Promise.all(
        ids.map((eventId, i) => {
          const init = { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ decision, eventId }) };
          return i % 2 === 0 ? fixture.call('/consent', { token, body: { decision, eventId } }) : second.fetch(new Request('http://assent.test/consent', init));
        }),
      );
      assert.deepEqual(
        answers.map((answer) => answer.status),
        ids.map(() => 200),
      );
      const history = decodeConsentObject((await fixture.management.users.get(user.userId)).app_metadata?.consent).history.map((entry) => entry.id);
      for (const id of ids) assert.equal(history.filter((entry) => entry === id).length, 1, `${id} is in the history once`);
    } finally {
      await second.close();
    }
  });
});

describe('user locks in PostgreSQL', () => {
  test('two stores on one database (two instances) never hold the same user at once', async () => {
    const url = await postgres.createDatabase('locks_shared');
    const [one, two] = await Promise.all([openWithdrawalStore(url), openWithdrawalStore(url)]);
    try {
      const held = await one.lockUser('auth0|shared', 5000);
      await assert.rejects(two.lockUser('auth0|shared', 300), (error: unknown) => error instanceof WithdrawalStoreError && error.code === 'lock_timeout');
      const waiting = two.lockUser('auth0|shared', 5000);
      await held.release();
      await (await waiting).release();
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  test('a lock whose instance died (its connection ended) is free again', async () => {
    const url = await postgres.createDatabase('locks_dead');
    const [one, two] = await Promise.all([openWithdrawalStore(url), openWithdrawalStore(url)]);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await one.lockUser('auth0|dying', 5000);
      const waiting = two.lockUser('auth0|dying', 10_000);
      // What the server sees when an instance is killed: its connections end.
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'assent-user-locks' AND state = 'idle in transaction'");
      await (await waiting).release();
    } finally {
      await admin.end();
      await Promise.all([one.close(), two.close()]);
    }
  });
});

describe('withdrawal log in PostgreSQL, database unreachable', () => {
  let fixture: ServerFixture;
  const errors: unknown[] = [];
  before(async () => {
    fixture = await startServerFixture({ handler: { withdrawalLog: postgres.deadUrl, onError: (error) => errors.push(error) } });
  });
  after(() => fixture?.close());

  test('delete mode answers 503 withdrawal_log_unavailable with Retry-After and deletes nothing', async () => {
    const user = await fixture.signup();
    const token = await fixture.userToken(user);
    const response = await fixture.call('/consent/withdraw', { token, body: { erase: 'delete' } });
    assert.equal(response.status, 503);
    assert.equal(((await response.json()) as { error: string }).error, 'withdrawal_log_unavailable');
    assert.ok(response.headers.get('retry-after'));
    assert.equal(await gone(fixture, user.userId), false);
  });

  test('flag mode, which needs no log, still flags the account; the outage is reported to onError', async () => {
    const user = await fixture.signup();
    const token = await fixture.userToken(user);
    const response = await fixture.call('/consent/withdraw', { token, body: { erase: 'flag' } });
    assert.equal(response.status, 200);
    assert.equal((await fixture.management.users.get(user.userId)).app_metadata?.deleted, true);
    assert.ok(errors.some((error) => (error as { code?: string }).code === 'unavailable'));
  });

  test('reading and giving consent still work', async () => {
    const user = await fixture.signup();
    const token = await fixture.userToken(user);
    assert.equal((await fixture.call('/consent', { token })).status, 200);
    const decision = await createDecision(POLICY, { accepted: ['terms', 'marketing'], locale: 'en', messages: en });
    assert.equal((await fixture.call('/consent', { token, body: { decision } })).status, 200);
  });
});
