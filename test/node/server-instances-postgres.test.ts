/**
 * Two consent handlers in separate processes on one PostgreSQL (a real server this test starts),
 * against the emulator: under a burst of clients giving and withdrawing on a few shared users,
 * every acknowledged event is in the user's record exactly once, or, for users deleted meanwhile,
 * in the withdrawal log; an instance killed with SIGKILL in the middle of deletes never leaves a
 * deleted user without a record, and its deletes can be retried on the other instance.
 * Throughput and latency are measured by bench/server-instances.ts, not here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { compareHistoryEntries, createDecision, decodeConsentObject, en, type ConsentObject } from '@assent/core';
import type { WithdrawalRecord } from '@assent/server';
import { openWithdrawalStore } from '@assent/server/node';
import pg from 'pg';
import { startHandlerProcess, type HandlerProcess } from '@assent/testkit/handler-process';
import { startPostgres, type RunningPostgres } from '@assent/testkit/postgres';
import { API_AUDIENCE, M2M, M2M_SECRET, POLICY, startServerFixture, type ServerFixture, type TestUser } from './server-fixture.js';

const CLIENTS = Number(process.env.ASSENT_LOAD_CLIENTS ?? 100);
const SECONDS = Number(process.env.ASSENT_LOAD_SECONDS ?? 10);

let postgres: RunningPostgres;
let fixture: ServerFixture;
let url: string;
const instances: HandlerProcess[] = [];

async function instance(): Promise<HandlerProcess> {
  const started = await startHandlerProcess({
    domain: fixture.emulator.tenant.domain,
    caCert: fixture.emulator.caCert!,
    clientId: M2M,
    clientSecret: M2M_SECRET,
    audience: API_AUDIENCE,
    policy: POLICY,
    withdrawalLog: url,
  });
  instances.push(started);
  return started;
}

before(async () => {
  postgres = await startPostgres();
  url = await postgres.createDatabase('instances');
  fixture = await startServerFixture({ withdrawalLog: 'none' });
});
after(async () => {
  await Promise.all(instances.map((running) => running.stop()));
  await fixture?.close();
  await postgres?.stop();
});

async function logRecords(): Promise<WithdrawalRecord[]> {
  const store = await openWithdrawalStore(url);
  try {
    const all: WithdrawalRecord[] = [];
    for await (const record of store.records()) all.push(record);
    return all;
  } finally {
    await store.close();
  }
}

async function exists(userId: string): Promise<boolean> {
  return fixture.management.users.get(userId).then(
    () => true,
    (error: unknown) => {
      if ((error as { statusCode?: number }).statusCode === 404) return false;
      throw error;
    },
  );
}

async function withToken(accepted = ['terms', 'marketing']): Promise<{ user: TestUser; token: string }> {
  const user = await fixture.signup({ accepted });
  return { user, token: await fixture.userToken(user) };
}

function post(base: string, path: string, token: string, body: unknown): Promise<Response> {
  return fetch(`${base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** An acknowledged event: its id, its server time, and when the client had the answer. */
interface Ack {
  readonly id: string;
  readonly at: string;
  readonly answeredAt: number;
}

/** The acknowledged events of `acks` answered before `since` that `copy` should hold (newer than its trim mark) but does not. */
function missing(copy: ConsentObject, acks: readonly Ack[], since = Infinity): Ack[] {
  return acks.filter((ack) => ack.answeredAt < since && (!copy.trimmed || compareHistoryEntries(ack, copy.trimmed) > 0) && !copy.history.some((entry) => entry.id === ack.id));
}

describe('two instances on one PostgreSQL', () => {
  test(`${CLIENTS} clients giving and withdrawing on shared users for ${SECONDS} s: every acknowledged event is on record once`, async (t) => {
    const [a, b] = [await instance(), await instance()];
    const shared = await Promise.all(Array.from({ length: 4 }, () => withToken()));
    const doomed = await Promise.all(Array.from({ length: 2 }, () => withToken()));
    const users = [...shared, ...doomed];
    const decision = await createDecision(POLICY, { accepted: ['terms', 'marketing'], locale: 'en', messages: en });
    const acks = new Map<string, Ack[]>(users.map(({ user }) => [user.userId, []]));
    const statuses = new Map<number, number>();
    const stale: string[] = [];
    const deletes: { userId: string; eventId: string; status: number }[] = [];
    // A user is gone for the other clients from the moment its delete is sent: Auth0 may delete it
    // before the delete's answer arrives.
    const erasing = new Set<string>();
    const end = Date.now() + SECONDS * 1000;
    let sequence = 0;

    const client = async (index: number) => {
      while (Date.now() < end) {
        const pick = users[(index + sequence) % users.length]!;
        const base = (sequence += 1) % 2 === 0 ? a.url : b.url;
        const eventId = `load-${index}-${sequence}`;
        const started = performance.now();
        const give = sequence % 3 !== 0;
        const response = await post(base, give ? '/consent' : '/consent/withdraw', pick.token, give ? { decision, eventId } : { purposes: ['marketing'], eventId });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const body = (await response.json()) as { app_metadata?: { consent: unknown }; error?: string };
        if (response.status === 404 && erasing.has(pick.user.userId)) continue;
        // Back-pressure, not a loss: the user's lock stayed busy for userLockTimeoutMs; nothing was written.
        if (response.status === 503 && body.error === 'user_busy') continue;
        assert.equal(response.status, 200, `${give ? 'give' : 'withdraw'} answered ${response.status} ${body.error}`);
        const copy = decodeConsentObject(body.app_metadata?.consent);
        const own = copy.history.find((entry) => entry.id === eventId);
        assert.ok(own, `the answer's record holds its own event ${eventId}`);
        const mine = acks.get(pick.user.userId)!;
        // Every event acknowledged before this request started must be in what it wrote (or trimmed by the cap).
        for (const lost of missing(copy, mine, started)) stale.push(`${lost.id} missing from the record written by ${eventId}`);
        mine.push({ id: eventId, at: own.at, answeredAt: performance.now() });
      }
    };
    const erase = async (target: { user: TestUser; token: string }, base: string, eventId: string) => {
      await new Promise((resolve) => setTimeout(resolve, (SECONDS * 1000) / 2));
      erasing.add(target.user.userId);
      const response = await post(base, '/consent/withdraw', target.token, { erase: 'delete', eventId });
      deletes.push({ userId: target.user.userId, eventId, status: response.status });
    };
    const started = performance.now();
    await Promise.all([...Array.from({ length: CLIENTS }, (_, i) => client(i)), erase(doomed[0]!, a.url, 'load-erase-a'), erase(doomed[1]!, b.url, 'load-erase-b')]);
    const seconds = (performance.now() - started) / 1000;
    const acknowledged = [...acks.values()].reduce((sum, list) => sum + list.length, 0);
    t.diagnostic(`${acknowledged} events acknowledged in ${seconds.toFixed(1)} s by 2 instances; answers ${JSON.stringify(Object.fromEntries(statuses))}`);

    assert.deepEqual(stale, []);
    assert.ok(acknowledged > 0, 'no event was acknowledged');
    assert.deepEqual(
      deletes.map((entry) => entry.status),
      [200, 200],
    );
    for (const { user } of shared) {
      const copy = decodeConsentObject((await fixture.management.users.get(user.userId)).app_metadata?.consent);
      assert.deepEqual(missing(copy, acks.get(user.userId)!), [], `every acknowledged event of ${user.userId} is in app_metadata.consent`);
      const ids = copy.history.map((entry) => entry.id);
      assert.equal(new Set(ids).size, ids.length, 'no event is recorded twice');
    }
    const log = await logRecords();
    for (const { user } of doomed) {
      assert.equal(await exists(user.userId), false);
      const records = log.filter((record) => record.user_id === user.userId);
      assert.equal(records.length, 1, `one withdrawal record for ${user.userId}`);
      const copy = decodeConsentObject(records[0]!.consent);
      assert.deepEqual(missing(copy, acks.get(user.userId)!), [], 'every event acknowledged before the delete is in the log record');
    }
  });

  test('kill -9 of an instance in the middle of deletes never leaves a deleted user without a record; the other instance finishes them', async (t) => {
    const survivor = instances[0] ?? (await instance());
    const victim = await instance();
    const targets = await Promise.all(Array.from({ length: 10 }, () => withToken()));
    const counter = new pg.Client({ connectionString: url });
    await counter.connect();
    const count = async () => Number((await counter.query<{ n: string }>('SELECT count(*) AS n FROM assent_withdrawals')).rows[0]?.n);
    const before = await count();
    const answers = targets.map(({ user, token }) =>
      post(victim.url, '/consent/withdraw', token, { erase: 'delete', eventId: `kill-${user.userId.replace(/\W/g, '')}` }).then(
        (response) => response.status,
        () => 0,
      ),
    );
    // Killed as soon as the first record is committed: the other deletes are somewhere between
    // reading the user, committing the record and deleting.
    const killAt = Date.now() + 20_000;
    while ((await count()) === before && Date.now() < killAt) await new Promise((resolve) => setTimeout(resolve, 5));
    await victim.kill();
    await counter.end();
    const statuses = await Promise.all(answers);

    const log = await logRecords();
    const states = await Promise.all(
      targets.map(async ({ user }) => ({ userId: user.userId, exists: await exists(user.userId), records: log.filter((record) => record.user_id === user.userId).length })),
    );
    t.diagnostic(
      `at the kill: ${states.filter((s) => !s.exists).length} deleted, ${states.filter((s) => s.exists && s.records).length} recorded but not deleted, ${states.filter((s) => !s.records).length} untouched; answers ${statuses.join(',')}`,
    );
    for (const state of states) {
      assert.ok(state.exists || state.records === 1, `${state.userId} was deleted without a record`);
      assert.ok(state.records <= 1);
    }

    // The clients retry with the same event ids on the instance that is left.
    for (const { user, token } of targets) {
      const response = await post(survivor.url, '/consent/withdraw', token, { erase: 'delete', eventId: `kill-${user.userId.replace(/\W/g, '')}` });
      assert.ok(response.status === 200 || (response.status === 404 && !(await exists(user.userId))), `retry answered ${response.status}`);
    }
    const after = await logRecords();
    for (const { user } of targets) {
      assert.equal(await exists(user.userId), false);
      assert.deepEqual(
        after.filter((record) => record.user_id === user.userId).map((record) => record.event_id),
        [`kill-${user.userId.replace(/\W/g, '')}`],
      );
    }
  });
});
