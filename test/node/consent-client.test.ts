/**
 * The consent client of @assent/core against a real emulator (in this process) over the fetch
 * transport, with the in-memory outbox (Node has no IndexedDB; the browser tests cover that one).
 * Background retries are off except where a test is about them, so every step is explicit.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '@assent/auth0-emulator';
import {
  ConsentConflictError,
  DecodeError,
  ManagementError,
  createConsentClient,
  fetchManagementTransport,
  memoryOutbox,
  type ConsentClient,
  type ConsentClientOptions,
  type ConsentObject,
  type ManagementTransport,
  type OutboxStore,
} from '@assent/core';
import { asBackend, decide, injectUserFaults, signUp, testPolicy, userToken, type ConsentTestTenant, type TestUser } from '../browser/consent-support.js';

let emulator: RunningEmulator;
let tenant: ConsentTestTenant;
const policy = testPolicy();
const clients: ConsentClient[] = [];

before(async () => {
  emulator = await startEmulator({ port: 0, enableAdmin: true });
  const spa = emulator.tenant.clients.find((client) => client.app_type === 'spa')!;
  const m2m = emulator.tenant.clients.find((client) => client.app_type === 'non_interactive')!;
  tenant = {
    url: emulator.url,
    clientId: spa.client_id,
    connection: emulator.tenant.connections[0]!.name,
    managementAudience: emulator.tenant.managementAudience,
    m2m: { clientId: m2m.client_id, clientSecret: m2m.client_secret! },
  };
});
after(async () => {
  clients.forEach((client) => client.close());
  await emulator.stop();
});

async function clientFor(user: TestUser, options: Partial<ConsentClientOptions> = {}): Promise<ConsentClient> {
  const token = await userToken(tenant, user);
  const client = createConsentClient({
    domain: emulator.url,
    userId: user.userId,
    getAccessToken: () => token,
    policy,
    autoFlush: false,
    retry: { baseMs: 5, maxMs: 40 },
    timeoutMs: 2000,
    outbox: memoryOutbox(),
    ...options,
  });
  clients.push(client);
  return client;
}

const storedConsent = async (user: TestUser): Promise<ConsentObject> => ((await asBackend(tenant, user.userId)).user_metadata as { consent: ConsentObject }).consent;
const metadataOf = async (user: TestUser): Promise<Record<string, unknown>> => (await asBackend(tenant, user.userId)).user_metadata as Record<string, unknown>;

describe('consent client: reading', () => {
  test('the first read after signup turns the signup fields into the consent object and keeps the app fields', async () => {
    const user = await signUp(tenant, policy, ['terms', 'marketing']);
    const state = await (await clientFor(user)).getConsent();
    // No backend verified it (this tenant runs no Action): the user's own copy is a claim.
    assert.deepEqual([state.status, state.source, state.verified, state.accepted], ['claimed', 'user_metadata', false, ['terms', 'marketing']]);
    assert.deepEqual(
      state.history.map((entry) => [entry.event, entry.source]),
      [['given', 'signup']],
    );
    const metadata = await metadataOf(user);
    assert.equal(metadata.plan, 'pro');
    assert.equal(metadata.consent_policy, 'acme-signup@2026-11-01', 'the signup claim stays as it was sent');
    assert.deepEqual(
      (metadata.consent as ConsentObject).history.map((entry) => entry.source),
      ['signup'],
    );
  });

  test('two devices reading the fresh signup at once write its entry once', async () => {
    const user = await signUp(tenant, policy);
    const [a, b] = await Promise.all([clientFor(user), clientFor(user)]);
    await Promise.all([a.getConsent(), b.getConsent()]);
    const stored = await storedConsent(user);
    assert.equal(stored.history.length, 1);
    assert.equal((await a.getConsent()).source, 'user_metadata');
  });

  test('a user without any consent is none', async () => {
    const user = await signUp(tenant, policy, null);
    const state = await (await clientFor(user)).getConsent();
    assert.deepEqual([state.status, state.source, state.history], ['none', null, []]);
  });

  test('a token that may only read still reads the signup consent, from the signup fields', async () => {
    const user = await signUp(tenant, policy);
    const token = await userToken(tenant, user, 'read:current_user');
    const client = await clientFor(user, { getAccessToken: () => token });
    const state = await client.getConsent();
    assert.deepEqual([state.status, state.source], ['claimed', 'signup']);
    assert.equal((await metadataOf(user)).consent, undefined);
  });

  test('a failed read rejects instead of reporting no consent', async () => {
    const user = await signUp(tenant, policy);
    const client = await clientFor(user);
    const clear = await injectUserFaults(tenant, user.userId, [{ method: 'GET', kind: 'status', status: 503 }]);
    try {
      await assert.rejects(client.getConsent(), (error) => error instanceof ManagementError && error.code === 'server' && error.transient);
    } finally {
      await clear();
    }
  });

  test("a corrupt copy in user_metadata is reported with its path, not read as 'none'", async () => {
    const user = await signUp(tenant, policy);
    const client = await clientFor(user);
    await client.getConsent();
    const stored = await storedConsent(user);
    await asBackend(tenant, user.userId, 'PATCH', { user_metadata: { consent: { ...stored, purposes: { terms: false, marketing: true } } } });
    await assert.rejects(client.getConsent(), (error) => error instanceof DecodeError && error.code === 'tampered' && error.path === 'user_metadata.consent.purposes');
  });

  test("a backend's app_metadata copy is shown when it is current", async () => {
    const user = await signUp(tenant, policy);
    const client = await clientFor(user);
    await client.getConsent();
    await asBackend(tenant, user.userId, 'PATCH', { app_metadata: { consent: await storedConsent(user) } });
    assert.equal((await client.getConsent()).source, 'app_metadata');
  });
});

describe('consent client: give and withdraw', () => {
  test('give, withdraw, give again: the history holds all three in order and the state follows', async () => {
    const user = await signUp(tenant, policy, ['terms']);
    const client = await clientFor(user);
    await client.getConsent();
    const given = await client.give(await decide(policy, ['terms', 'marketing']));
    assert.deepEqual([given.status, given.accepted], ['claimed', ['terms', 'marketing']]);
    const withdrawn = await client.withdraw();
    assert.deepEqual([withdrawn.status, withdrawn.accepted], ['withdrawn', []]);
    const again = await client.give(await decide(policy, ['terms']));
    assert.deepEqual([again.status, again.accepted, again.pending], ['claimed', ['terms'], []]);
    assert.deepEqual(
      (await storedConsent(user)).history.map((entry) => entry.event),
      ['given', 'given', 'withdrawn', 'given'],
    );
  });

  test('withdrawing one optional purpose keeps the consent to the terms', async () => {
    const user = await signUp(tenant, policy, ['terms', 'marketing']);
    const state = await (await clientFor(user)).withdraw({ purposes: ['marketing'] });
    assert.deepEqual([state.status, state.purposes], ['claimed', { terms: true, marketing: false }]);
  });

  test('give reads first when the client has not read yet', async () => {
    const user = await signUp(tenant, policy);
    const state = await (await clientFor(user)).give(await decide(policy, ['terms', 'marketing']));
    assert.deepEqual(
      state.history.map((entry) => entry.source),
      ['signup', 'browser'],
    );
  });

  test('events made within one millisecond keep the order they were made in', async () => {
    const user = await signUp(tenant, policy);
    const client = await clientFor(user);
    await client.getConsent();
    const decision = await decide(policy, ['terms', 'marketing']);
    await client.give(decision);
    await client.withdraw({ purposes: ['marketing'] });
    const state = await client.give(decision);
    assert.deepEqual(state.accepted, ['terms', 'marketing']);
  });

  test('withdrawing with no consent recorded is refused and records nothing', async () => {
    const user = await signUp(tenant, policy, null);
    const client = await clientFor(user);
    await assert.rejects(client.withdraw(), { name: 'DecisionError', code: 'nothing_to_withdraw' });
    assert.deepEqual(await client.pending(), []);
  });
});

describe('consent client: outbox', () => {
  test('a transient failure keeps the stored decision and says the event is pending; a flush stores it once', async () => {
    const user = await signUp(tenant, policy, ['terms', 'marketing']);
    const client = await clientFor(user);
    await client.getConsent();
    const clear = await injectUserFaults(tenant, user.userId, [{ method: 'PATCH', kind: 'status', status: 500 }]);
    const state = await client.withdraw();
    await clear();
    assert.deepEqual([state.status, state.accepted], ['claimed', ['terms', 'marketing']]);
    assert.deepEqual(
      state.pending.map((event) => [event.event, event.attempts, event.lastError]),
      [['withdrawn', 1, 'server']],
    );
    const flushed = await client.flush();
    await client.flush();
    assert.deepEqual([flushed.status, flushed.pending], ['withdrawn', []]);
    assert.deepEqual(
      (await storedConsent(user)).history.map((entry) => entry.event),
      ['given', 'withdrawn'],
    );
  });

  test('after a 429 the event waits at least Retry-After, and new events wait with it', async () => {
    const user = await signUp(tenant, policy, ['terms', 'marketing']);
    let patches = 0;
    const inner = fetchManagementTransport();
    const counting: ManagementTransport = { getUser: inner.getUser, patchUserMetadata: (request, metadata) => (patches++, inner.patchUserMetadata(request, metadata)) };
    const client = await clientFor(user, { transport: counting });
    await client.getConsent();
    patches = 0;
    const clear = await injectUserFaults(tenant, user.userId, [{ method: 'PATCH', kind: 'status', status: 429, retryAfterSeconds: 30 }]);
    const before = Date.now();
    const first = await client.withdraw({ purposes: ['marketing'] });
    await clear();
    assert.ok(first.pending[0]!.nextAttemptAt >= before + 30_000, `next attempt ${first.pending[0]!.nextAttemptAt - before} ms after`);
    const second = await client.withdraw();
    assert.equal(patches, 1, 'nothing is sent while the rate limit lasts');
    assert.deepEqual(
      second.pending.map((event) => event.event),
      ['withdrawn', 'withdrawn'],
    );
    const flushed = await client.flush();
    assert.deepEqual([flushed.status, flushed.pending.length, (await storedConsent(user)).history.length], ['withdrawn', 0, 3]);
  });

  test('queued events survive the client: a new client over the same outbox sends them by itself', async () => {
    const user = await signUp(tenant, policy, ['terms', 'marketing']);
    const outbox: OutboxStore = memoryOutbox();
    const first = await clientFor(user, { outbox });
    await first.getConsent();
    const clear = await injectUserFaults(tenant, user.userId, [{ method: 'PATCH', kind: 'reset' }]);
    assert.equal((await first.withdraw()).pending.length, 1);
    first.close();
    await clear();
    const second = await clientFor(user, { outbox, autoFlush: true });
    const stored = await new Promise<string>((resolve) => second.subscribe((state) => state.pending.length === 0 && resolve(state.status)));
    assert.equal(stored, 'withdrawn');
    assert.deepEqual(
      (await storedConsent(user)).history.map((entry) => entry.event),
      ['given', 'withdrawn'],
    );
  });

  test('the outbox holds no token', async () => {
    const user = await signUp(tenant, policy);
    const outbox = memoryOutbox();
    const token = await userToken(tenant, user);
    const client = await clientFor(user, { outbox, getAccessToken: () => token });
    await client.getConsent();
    const clear = await injectUserFaults(tenant, user.userId, [{ method: 'PATCH', kind: 'status', status: 503 }]);
    await client.withdraw();
    await clear();
    const records = await outbox.list(`${emulator.url}/api/v2 ${user.userId}`);
    assert.equal(records.length, 1);
    assert.ok(!JSON.stringify(records).includes(token.split('.')[2]!), 'no part of the token signature');
    assert.ok(!JSON.stringify(records).includes(token.split('.')[1]!), 'no part of the token payload');
  });

  test('a deleted user drops the queued events: there is nothing left to record them on', async () => {
    const user = await signUp(tenant, policy);
    const client = await clientFor(user);
    await client.getConsent();
    const clear = await injectUserFaults(tenant, user.userId, [{ method: 'PATCH', kind: 'status', status: 503 }]);
    await client.withdraw();
    await clear();
    await asBackend(tenant, user.userId, 'DELETE');
    await assert.rejects(client.flush(), { name: 'ManagementError', code: 'not_found' });
    assert.deepEqual(await client.pending(), []);
  });
});

describe('consent client: concurrent writers', () => {
  /** A transport whose every PATCH is followed by `competitor()`, a second real writer. */
  function racedBy(competitor: () => Promise<void>): ManagementTransport {
    const inner = fetchManagementTransport();
    return {
      getUser: inner.getUser,
      patchUserMetadata: async (request, metadata) => {
        const answer = await inner.patchUserMetadata(request, metadata);
        await competitor();
        return answer;
      },
    };
  }

  test('a writer that replaces the object right after each write gets the event merged back until it stops', async () => {
    const user = await signUp(tenant, policy, ['terms', 'marketing']);
    const client = await clientFor(user);
    await client.getConsent();
    const stale = await storedConsent(user);
    let races = 2;
    const raced = await clientFor(user, { transport: racedBy(async () => void (races-- > 0 && (await asBackend(tenant, user.userId, 'PATCH', { user_metadata: { consent: stale } })))) });
    const state = await raced.withdraw();
    assert.deepEqual([state.status, state.pending], ['withdrawn', []]);
    assert.deepEqual(
      (await storedConsent(user)).history.map((entry) => entry.event),
      ['given', 'withdrawn'],
    );
  });

  test('a writer that never stops is reported as a ConsentConflictError, and the event stays queued', async () => {
    const user = await signUp(tenant, policy, ['terms', 'marketing']);
    const client = await clientFor(user);
    await client.getConsent();
    const stale = await storedConsent(user);
    const raced = await clientFor(user, { maxWriteAttempts: 3, transport: racedBy(async () => void (await asBackend(tenant, user.userId, 'PATCH', { user_metadata: { consent: stale } }))) });
    await assert.rejects(raced.withdraw(), (error) => error instanceof ConsentConflictError && error.code === 'conflict' && error.attempts === 3 && error.eventIds.length === 1);
    assert.deepEqual(
      (await raced.pending()).map((event) => [event.event, event.lastError]),
      [['withdrawn', 'conflict']],
    );
  });

  test('an event a stale writer removed after it was confirmed is put back at the next sync', async () => {
    const user = await signUp(tenant, policy, ['terms', 'marketing']);
    const client = await clientFor(user);
    await client.getConsent();
    const stale = await storedConsent(user);
    await client.withdraw({ purposes: ['marketing'] });
    await asBackend(tenant, user.userId, 'PATCH', { user_metadata: { consent: stale } });
    const state = await client.getConsent();
    assert.deepEqual([state.purposes, state.history.map((entry) => entry.event)], [{ terms: true, marketing: false }, ['given', 'withdrawn']]);
    assert.deepEqual(
      (await storedConsent(user)).history.map((entry) => entry.event),
      ['given', 'withdrawn'],
    );
  });

  test('an object removed on purpose is not brought back', async () => {
    const user = await signUp(tenant, policy, null);
    const client = await clientFor(user);
    await client.getConsent();
    await client.give(await decide(policy, ['terms']));
    await asBackend(tenant, user.userId, 'PATCH', { user_metadata: { consent: null } });
    assert.equal((await client.getConsent()).status, 'none');
    assert.equal((await metadataOf(user)).consent, undefined);
  });
});
