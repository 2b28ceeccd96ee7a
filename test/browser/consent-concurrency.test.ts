// Two devices writing one user's consent at the same time, in Chromium against the run's emulator.
// Each device has its own IndexedDB outbox (devices share neither storage nor locks), so their
// writes really race: Auth0 replaces the nested `consent` object whole, and only the client's
// read-merge-write-reread protocol keeps every entry.
//
// 200 operations (give / withdraw, drawn by fast-check from a fixed seed) in bursts: within a burst
// both devices run their share concurrently, each its own operations in order. After each burst
// both devices sync (flush) once, one after the other, as the next page load of each would, and the
// stored object is checked: every event made so far is stored (or, older than the burst, trimmed by
// the documented size cap), none twice, nothing invented. Bursts stay below the smallest history
// window, so every event is seen stored at least once.
import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import {
  ConsentConflictError,
  HISTORY_MAX_BYTES,
  createConsentClient,
  fetchManagementTransport,
  indexedDbOutbox,
  type ConsentClient,
  type ConsentHistoryEntry,
  type ConsentObject,
  type ManagementTransport,
} from '@assent/core';
import { emulatorInfo } from '../support/emulator-info.js';
import { asBackend, decide, signUp, testPolicy, userToken } from './consent-support.js';
import type { SuiteRunner } from './suites/transport-contract-suite.js';

const { describe, it } = globalThis as unknown as SuiteRunner;
const emulator = await emulatorInfo();
const policy = testPolicy();
const SEED = 20261101;
const OPERATIONS = 200;
/** Largest burst: the history keeps at least 10 entries of this size (HISTORY_MAX_BYTES / ~230 bytes). */
const BURST = 8;

type Operation = { readonly device: 0 | 1; readonly kind: 'give'; readonly accepted: string[] } | { readonly device: 0 | 1; readonly kind: 'withdraw'; readonly purposes?: string[] };

const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ device: fc.constantFrom<0 | 1>(0, 1), kind: fc.constant('give' as const), accepted: fc.constantFrom<string[]>(['terms'], ['terms', 'marketing']) }),
  fc.record(
    { device: fc.constantFrom<0 | 1>(0, 1), kind: fc.constant('withdraw' as const), purposes: fc.constantFrom<string[] | undefined>(undefined, ['marketing']) },
    { requiredKeys: ['device', 'kind'] },
  ),
);

const byTime = (a: ConsentHistoryEntry, b: ConsentHistoryEntry): number => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('two devices interleaving give and withdraw on one user', () => {
  it(`lose and duplicate no entry over ${OPERATIONS} operations (seed ${SEED}), and the final state is the last operation's`, async function (this: { timeout(ms: number): void }) {
    this.timeout(120_000);
    const [operations] = fc.sample(fc.array(operationArb, { minLength: OPERATIONS, maxLength: OPERATIONS }), { seed: SEED, numRuns: 1 });
    const bursts = fc.sample(fc.integer({ min: 1, max: BURST }), { seed: SEED + 1, numRuns: OPERATIONS });
    const user = await signUp(emulator, policy, ['terms', 'marketing']);
    const token = await userToken(emulator, user);
    // Counts writes: more writes than operations means a device found its event replaced and merged it back.
    let writes = 0;
    const inner = fetchManagementTransport();
    const transport: ManagementTransport = { getUser: inner.getUser, patchUserMetadata: (request, metadata) => (writes++, inner.patchUserMetadata(request, metadata)) };
    const devices: ConsentClient[] = [0, 1].map((device) =>
      createConsentClient({
        domain: emulator.url,
        userId: user.userId,
        getAccessToken: () => token,
        policy,
        transport,
        outbox: indexedDbOutbox({ name: `consent-device-${device}-${crypto.randomUUID()}` }),
        autoFlush: false,
        retry: { baseMs: 5, maxMs: 40 },
      }),
    );
    const signup = (await devices[0]!.getConsent()).history[0]!;
    const made: ConsentHistoryEntry[] = [];
    let conflicts = 0;
    let maxStored = 0;

    const run = async (operation: Operation): Promise<void> => {
      const device = devices[operation.device]!;
      try {
        const change = operation.kind === 'give' ? await device.give(await decide(policy, operation.accepted)) : await device.withdraw(operation.purposes ? { purposes: operation.purposes } : {});
        made.push(change.event);
      } catch (error) {
        // The event is queued all the same and goes out with the next flush; it is checked below.
        if (!(error instanceof ConsentConflictError)) throw error;
        conflicts++;
        const pending = await device.pending();
        made.push(
          ...pending
            .filter((event) => !made.some((known) => known.id === event.id))
            .map((event) => ({ id: event.id, event: event.event, at: event.at, version: policy.version, purposes: event.purposes, source: 'browser' as const })),
        );
      }
    };

    for (let done = 0, burst = 0; done < OPERATIONS; burst++) {
      const slice = operations!.slice(done, done + bursts[burst]!);
      const before = made.length;
      done += slice.length;
      await Promise.all(
        ([0, 1] as const).map(async (device) => {
          for (const operation of slice.filter((candidate) => candidate.device === device)) await run(operation);
        }),
      );
      for (const device of devices) expect((await device.flush()).pending).to.deep.equal([]);

      const stored = ((await asBackend(emulator, user.userId)).user_metadata as { consent: ConsentObject }).consent;
      const ids = stored.history.map((entry) => entry.id);
      maxStored = Math.max(maxStored, ids.length);
      expect(new Set(ids).size, 'no entry twice').to.equal(ids.length);
      expect(
        ids.filter((id) => id !== signup.id && !made.some((event) => event.id === id)),
        'no entry nobody made',
      ).to.deep.equal([]);
      for (const event of made.slice(before)) expect(ids, `event ${made.indexOf(event)} of burst ${burst}`).to.include(event.id);
      for (const event of made.slice(0, before)) {
        const kept = ids.includes(event.id) || (!!stored.trimmed && byTime(event, stored.trimmed as ConsentHistoryEntry) <= 0);
        expect(kept, `earlier event ${made.indexOf(event)} is stored or trimmed by the cap`).to.equal(true);
      }
      expect(JSON.stringify(stored.history).length).to.be.at.most(HISTORY_MAX_BYTES);
    }

    const last = [...made].sort(byTime).at(-1)!;
    const final = await devices[1]!.getConsent();
    expect(made.length).to.equal(OPERATIONS);
    expect(final.history.at(-1)).to.deep.equal(last);
    expect(final.accepted).to.deep.equal(last.purposes);
    // The user's own copy only (no backend records anything here): a given is their claim.
    expect(final.status).to.equal(last.purposes.length ? 'claimed' : 'withdrawn');
    console.log(
      `[consent-concurrency] ${OPERATIONS} operations, ${writes} writes (${writes - OPERATIONS - 1} merges after a concurrent write, repairs included), ${conflicts} conflict errors (queued and flushed), history window up to ${maxStored} entries`,
    );
    devices.forEach((device) => device.close());
  });
});
