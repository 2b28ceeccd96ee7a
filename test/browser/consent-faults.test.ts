// The durable outbox in Chromium against the run's emulator with faults injected on the user's
// Management API path: 429 with Retry-After, 500, hung requests, dropped connections, the browser
// offline, and a page reload in the middle of an outage (a new client over the same IndexedDB).
// Each phase makes a few give / withdraw operations (drawn by fast-check from a fixed seed) while
// about 30 % of the requests fail, then lifts the faults and waits for the background retries to
// drain the outbox; every event of the phase must then be stored exactly once, nothing else added.
// Backoff bases are small through the client's options; nothing here asserts a duration.
import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import {
  createConsentClient,
  fetchManagementTransport,
  indexedDbOutbox,
  type ConsentChange,
  type ConsentClient,
  type ConsentHistoryEntry,
  type ConsentObject,
  type ManagementTransport,
} from '@assent/core';
import { emulatorInfo } from '../support/emulator-info.js';
import { decide, injectUserFaults, signUp, storedUser, testPolicy, userToken, type TestUser, type UserFaultRule } from './consent-support.js';
import type { SuiteRunner } from './suites/transport-contract-suite.js';

const { describe, it } = globalThis as unknown as SuiteRunner;
const emulator = await emulatorInfo();
const policy = testPolicy();
const SEED = 7;

type Operation = { readonly kind: 'give'; readonly accepted: string[] } | { readonly kind: 'withdraw'; readonly purposes?: string[] };
const operations: Operation[] = fc.sample<Operation>(
  fc.oneof(
    fc.record({ kind: fc.constant('give' as const), accepted: fc.constantFrom<string[]>(['terms'], ['terms', 'marketing']) }),
    fc.record({ kind: fc.constant('withdraw' as const), purposes: fc.constantFrom<string[] | undefined>(undefined, ['marketing']) }, { requiredKeys: ['kind'] }),
  ),
  { seed: SEED, numRuns: 40 },
);

/** What the transport saw: answers by status, and requests that got none (timeouts, resets). */
const seen = { requests: 0, statuses: {} as Record<number, number>, noAnswer: 0 };
const inner = fetchManagementTransport();
const observe = async (send: () => Promise<Awaited<ReturnType<ManagementTransport['getUser']>>>) => {
  seen.requests++;
  try {
    const answer = await send();
    seen.statuses[answer.status] = (seen.statuses[answer.status] ?? 0) + 1;
    return answer;
  } catch (error) {
    seen.noAnswer++;
    throw error;
  }
};
const transport: ManagementTransport = {
  getUser: (request) => observe(() => inner.getUser(request)),
  patchUserMetadata: (request, metadata) => observe(() => inner.patchUserMetadata(request, metadata)),
};

let user: TestUser;
let token: string;
const outboxName = `consent-faults-${crypto.randomUUID()}`;

/** A page loading: a client over the test's IndexedDB outbox, background retries on. */
function load(): ConsentClient {
  return createConsentClient({
    domain: emulator.url,
    userId: user.userId,
    getAccessToken: () => token,
    policy,
    transport,
    outbox: indexedDbOutbox({ name: outboxName }),
    retry: { baseMs: 10, maxMs: 100 },
    timeoutMs: 400,
  });
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `condition` holds, looking again every 20 ms while the client's background retries work. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await pause(20);
}

/** Resolves once the client's outbox holds no pending event (sent by its background retries). */
const drained = (client: ConsentClient): Promise<void> => until(async () => (await client.pending()).length === 0);

async function perform(client: ConsentClient, operation: Operation): Promise<ConsentChange> {
  const change = operation.kind === 'give' ? await client.give(await decide(policy, operation.accepted)) : await client.withdraw(operation.purposes ? { purposes: operation.purposes } : {});
  if (change.pending.some((event) => event.id === change.event.id)) {
    // Not stored yet: the state is the stored one, without the event, whatever the event says.
    expect(change.history.map((entry) => entry.id)).to.not.include(change.event.id);
  }
  return change;
}

/** The stored history must hold each of `events` exactly once, and only events somebody made. */
async function expectStoredOnce(events: readonly ConsentHistoryEntry[], all: readonly ConsentHistoryEntry[]): Promise<ConsentObject> {
  const stored = ((await storedUser(emulator, user.userId)).user_metadata as { consent: ConsentObject }).consent;
  const ids = stored.history.map((entry) => entry.id);
  for (const event of events)
    expect(
      ids.filter((id) => id === event.id),
      `event ${event.id} (${event.event})`,
    ).to.have.length(1);
  expect(
    ids.filter((id) => !id.startsWith('signup-') && !all.some((event) => event.id === id)),
    'entries nobody made',
  ).to.deep.equal([]);
  expect(stored.history.at(-1)).to.deep.equal([...all].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : 1)).at(-1));
  return stored;
}

/** Makes `navigator.onLine` false until the returned function restores it and says the browser is back online. */
function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event('offline'));
  return () => {
    delete (navigator as { onLine?: boolean }).onLine;
    window.dispatchEvent(new Event('online'));
  };
}

describe('the consent outbox under injected failures', () => {
  const made: ConsentHistoryEntry[] = [];
  let next = 0;
  let client: ConsentClient;

  /** Runs `count` operations under `rules`, lifts them, drains the outbox and checks the phase's events. */
  async function phase(rules: readonly UserFaultRule[], count: number): Promise<ConsentChange[]> {
    const clear = await injectUserFaults(emulator, user.userId, rules, SEED + next);
    const changes: ConsentChange[] = [];
    try {
      for (const operation of operations.slice(next, (next += count))) changes.push(await perform(client, operation));
    } finally {
      await clear();
    }
    made.push(...changes.map((change) => change.event));
    await drained(client);
    await expectStoredOnce(
      changes.map((change) => change.event),
      made,
    );
    return changes;
  }

  it('with 429s carrying Retry-After, every event is stored once; the wait asked for is kept', async () => {
    user = await signUp(emulator, policy, ['terms', 'marketing']);
    token = await userToken(emulator, user);
    client = load();
    await client.getConsent();
    const before = Date.now();
    const [first] = await phase(
      [
        { kind: 'status', status: 429, retryAfterSeconds: 1, times: 1 },
        { kind: 'status', status: 429, retryAfterSeconds: 0, rate: 0.3 },
      ],
      5,
    );
    const waited = first!.pending.find((event) => event.id === first!.event.id);
    expect(waited?.lastError).to.equal('rate_limited');
    expect(waited!.nextAttemptAt).to.be.at.least(before + 1000);
    expect(seen.statuses[429]).to.be.at.least(1);
  });

  it('with 500s, every event is stored once', async () => {
    await phase(
      [
        { kind: 'status', status: 500, times: 1 },
        { kind: 'status', status: 500, rate: 0.3 },
      ],
      5,
    );
    expect(seen.statuses[500]).to.be.at.least(1);
  });

  it('with hung requests (cut by the timeout), every event is stored once', async function (this: { timeout(ms: number): void }) {
    this.timeout(30_000);
    const [first] = await phase(
      [
        { kind: 'hang', times: 1 },
        { kind: 'hang', rate: 0.3, times: 2 },
      ],
      4,
    );
    expect(first!.pending.find((event) => event.id === first!.event.id)?.lastError).to.equal('timeout');
  });

  it('with about 30 % mixed failures, every event is stored once', async function (this: { timeout(ms: number): void }) {
    this.timeout(30_000);
    await phase(
      [
        { kind: 'status', status: 429, retryAfterSeconds: 0, rate: 0.3, times: 3 },
        { kind: 'status', status: 503, rate: 0.3, times: 3 },
        { kind: 'reset', rate: 0.3, times: 3 },
        { kind: 'hang', rate: 0.3, times: 1 },
        { kind: 'status', status: 500, rate: 0.3 },
      ],
      8,
    );
  });

  it('through an outage with a page reload in the middle, every event is stored once', async function (this: { timeout(ms: number): void }) {
    this.timeout(30_000);
    // The server cannot be reached: every connection is dropped.
    const clear = await injectUserFaults(emulator, user.userId, [{ kind: 'reset' }]);
    const changes: ConsentChange[] = [];
    for (const operation of operations.slice(next, (next += 4))) changes.push(await perform(client, operation));
    expect(changes.every((change) => change.pending.some((event) => event.id === change.event.id))).to.equal(true);
    const stored = ((await storedUser(emulator, user.userId)).user_metadata as { consent: ConsentObject }).consent;
    expect(changes.at(-1)!.status, 'the stored decision, not the queued one').to.equal(stored.given ? 'claimed' : 'withdrawn');

    // The page reloads while the outage lasts: the new page finds the queued events and keeps trying.
    client.close();
    client = load();
    const queued = await client.pending();
    expect(queued.map((event) => event.id)).to.deep.equal(changes.map((change) => change.event.id));
    // It tries by itself, and fails while the outage lasts.
    await until(async () => (await client.pending())[0]!.attempts > queued[0]!.attempts);

    await clear();
    made.push(...changes.map((change) => change.event));
    await drained(client);
    await expectStoredOnce(
      changes.map((change) => change.event),
      made,
    );
  });

  it('while the browser is offline nothing is sent; back online, the queued events go out once', async () => {
    const restore = goOffline();
    const sent = seen.requests;
    const changes: ConsentChange[] = [];
    try {
      for (const operation of operations.slice(next, (next += 3))) changes.push(await perform(client, operation));
      expect(seen.requests, 'requests while offline').to.equal(sent);
      expect((await client.pending()).map((event) => event.lastError)).to.deep.equal(['network', 'network', 'network']);
      // A reload while offline: the new page finds the events queued.
      client.close();
      client = load();
      expect(await client.pending()).to.have.length(3);
    } finally {
      restore();
    }
    made.push(...changes.map((change) => change.event));
    await drained(client);
    await expectStoredOnce(
      changes.map((change) => change.event),
      made,
    );
    const total = Object.values(seen.statuses).reduce((sum, count) => sum + count, 0) + seen.noAnswer;
    const failed = total - (seen.statuses[200] ?? 0);
    console.log(
      `[consent-faults] ${made.length} events, ${total} requests, ${failed} failed (${Math.round((100 * failed) / total)} %): ${JSON.stringify(seen.statuses)} + ${seen.noAnswer} without an answer`,
    );
    client.close();
  });
});
