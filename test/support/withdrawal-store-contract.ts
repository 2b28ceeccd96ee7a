/**
 * The contract every withdrawal store keeps (run by test/node/withdrawal-store.test.ts against the
 * JSON Lines file, SQLite and a real PostgreSQL): a record is written once per event id, kept as
 * written, read back oldest first, still there after the store is closed and opened again; the
 * per-user lock lets one holder at a time, times out with a typed error, and never blocks other users.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WithdrawalStoreError, type WithdrawalRecord, type WithdrawalStore } from '@assent/server';
import { openWithdrawalStore } from '@assent/server/node';

/** A fresh, empty store location per call (a new file or database). */
export type FreshStoreUrl = () => Promise<string>;

/** A withdrawal record for `userId` with event `eventId`. */
export function withdrawalRecord(userId: string, eventId: string, at = '2026-11-23T10:00:00.000Z'): WithdrawalRecord {
  return {
    type: 'assent-withdrawal',
    format: 1,
    event_id: eventId,
    at,
    user_id: userId,
    email_sha256: 'a'.repeat(64),
    erase: 'delete',
    purposes: ['terms', 'marketing'],
    policy: 'acme-signup@2026-11-01',
    consent: null,
  };
}

async function all(store: WithdrawalStore): Promise<WithdrawalRecord[]> {
  const records: WithdrawalRecord[] = [];
  for await (const record of store.records()) records.push(record);
  return records;
}

async function using<T>(url: string, run: (store: WithdrawalStore) => Promise<T>): Promise<T> {
  const store = await openWithdrawalStore(url);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

/** Registers the contract tests for the backend `name`. */
export function withdrawalStoreContract(name: string, fresh: FreshStoreUrl): void {
  describe(`withdrawal store contract: ${name}`, () => {
    test('reads back every record as written, oldest first', async () => {
      await using(await fresh(), async (store) => {
        assert.equal(store.backend, name);
        const records = [withdrawalRecord('auth0|a', 'e1'), withdrawalRecord('auth0|b', 'e2', '2026-11-23T10:00:01.000Z'), withdrawalRecord('auth0|a', 'e3')];
        for (const record of records) assert.equal(await store.append(record), true);
        assert.deepEqual(await all(store), records);
      });
    });

    test('a retried event id is recorded once: the second append answers false', async () => {
      await using(await fresh(), async (store) => {
        assert.equal(await store.append(withdrawalRecord('auth0|a', 'retried')), true);
        assert.equal(await store.append(withdrawalRecord('auth0|a', 'retried')), false);
        assert.deepEqual(
          (await all(store)).map((record) => record.event_id),
          ['retried'],
        );
      });
    });

    test('concurrent appends keep every record once, even the same event id at once', async () => {
      await using(await fresh(), async (store) => {
        const distinct = Array.from({ length: 40 }, (_, i) => store.append(withdrawalRecord(`auth0|${i % 5}`, `event-${i}`)));
        const same = Array.from({ length: 10 }, () => store.append(withdrawalRecord('auth0|x', 'same')));
        const results = await Promise.all([...distinct, ...same]);
        assert.equal(results.slice(40).filter(Boolean).length, 1);
        const ids = (await all(store)).map((record) => record.event_id);
        assert.equal(ids.length, 41);
        assert.equal(new Set(ids).size, 41);
      });
    });

    test('records survive closing and opening the store again, and their event ids stay taken', async () => {
      const url = await fresh();
      await using(url, (store) => store.append(withdrawalRecord('auth0|a', 'kept')));
      await using(url, async (store) => {
        assert.deepEqual(
          (await all(store)).map((record) => record.event_id),
          ['kept'],
        );
        assert.equal(await store.append(withdrawalRecord('auth0|a', 'kept')), false);
      });
    });

    test('refuses a record without an event id, naming the field, and writes nothing', async () => {
      await using(await fresh(), async (store) => {
        await assert.rejects(
          store.append({ ...withdrawalRecord('auth0|a', 'x'), event_id: '' }),
          (error: unknown) => error instanceof WithdrawalStoreError && error.code === 'invalid_record' && /event_id/.test(error.message),
        );
        assert.deepEqual(await all(store), []);
      });
    });

    test("a user's lock has one holder at a time; the next waiter gets it on release", async () => {
      await using(await fresh(), async (store) => {
        const first = await store.lockUser('auth0|a', 5000);
        let second = false;
        const waiting = store.lockUser('auth0|a', 5000).then((handle) => {
          second = true;
          return handle;
        });
        await new Promise((resolve) => setTimeout(resolve, 150));
        assert.equal(second, false);
        await first.release();
        const handle = await waiting;
        assert.equal(second, true);
        await handle.release();
        await handle.release();
      });
    });

    test('a lock not freed in time rejects with lock_timeout; other users are not held up', async () => {
      await using(await fresh(), async (store) => {
        const held = await store.lockUser('auth0|a', 5000);
        await assert.rejects(store.lockUser('auth0|a', 200), (error: unknown) => error instanceof WithdrawalStoreError && error.code === 'lock_timeout');
        const other = await store.lockUser('auth0|b', 1000);
        await other.release();
        await held.release();
        const again = await store.lockUser('auth0|a', 1000);
        await again.release();
      });
    });
  });
}
