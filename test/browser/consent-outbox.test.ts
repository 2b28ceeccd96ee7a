// The IndexedDB outbox in Chromium: what it keeps (never a token), and tabs of one origin sharing it
// taking turns through the Web Locks API, against the run's emulator.
import { expect } from '@esm-bundle/chai';
import { createConsentClient, fetchManagementTransport, indexedDbOutbox, type ConsentClient, type ConsentObject, type ManagementTransport } from '@assent/core';
import { emulatorInfo } from '../support/emulator-info.js';
import { decide, injectUserFaults, signUp, storedUser, testPolicy, userToken } from './consent-support.js';
import type { SuiteRunner } from './suites/transport-contract-suite.js';

const { describe, it } = globalThis as unknown as SuiteRunner;
const emulator = await emulatorInfo();
const policy = testPolicy();

/** Every record of an IndexedDB outbox database, read with the plain IndexedDB API. */
function rawRecords(name: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('events').objectStore('events').getAll();
      all.onsuccess = () => (open.result.close(), resolve(all.result));
      all.onerror = () => reject(all.error);
    };
  });
}

describe('the IndexedDB outbox', () => {
  it('keeps a queued event with its data and never the token', async () => {
    const user = await signUp(emulator, policy, ['terms', 'marketing']);
    const token = await userToken(emulator, user);
    const name = `consent-outbox-${crypto.randomUUID()}`;
    const client = createConsentClient({ domain: emulator.url, userId: user.userId, getAccessToken: () => token, policy, outbox: indexedDbOutbox({ name }), autoFlush: false });
    await client.getConsent();
    const clear = await injectUserFaults(emulator, user.userId, [{ method: 'PATCH', kind: 'status', status: 503 }]);
    const change = await client.withdraw();
    await clear();
    client.close();

    const records = await rawRecords(name);
    expect(records).to.have.length(1);
    expect(records[0]).to.deep.include({ state: 'pending', attempts: 1, lastError: 'server', scope: `${emulator.url}/api/v2 ${user.userId}` });
    expect((records[0] as { event: { id: string } }).event.id).to.equal(change.event.id);
    const text = JSON.stringify(records);
    for (const part of token.split('.')) expect(text).to.not.include(part);
  });

  it('two tabs sharing the outbox take turns: one request at a time, no write repeated, every event stored once', async () => {
    const user = await signUp(emulator, policy, ['terms', 'marketing']);
    const token = await userToken(emulator, user);
    const name = `consent-tabs-${crypto.randomUUID()}`;
    // Counts writes, and how many requests of both tabs are ever in flight at once.
    let writes = 0;
    let inFlight = 0;
    let mostInFlight = 0;
    const inner = fetchManagementTransport();
    const watch = async <T>(send: () => Promise<T>): Promise<T> => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      try {
        return await send();
      } finally {
        inFlight--;
      }
    };
    const transport: ManagementTransport = {
      getUser: (request) => watch(() => inner.getUser(request)),
      patchUserMetadata: (request, metadata) => (writes++, watch(() => inner.patchUserMetadata(request, metadata))),
    };
    const tabs: ConsentClient[] = [0, 1].map(() =>
      createConsentClient({ domain: emulator.url, userId: user.userId, getAccessToken: () => token, policy, transport, outbox: indexedDbOutbox({ name }), autoFlush: false }),
    );
    await Promise.all(tabs.map((tab) => tab.getConsent()));
    writes = 0;
    mostInFlight = 0;

    const changes = (
      await Promise.all(
        tabs.map(async (tab, index) => {
          const mine = [];
          for (let round = 0; round < 6; round++) mine.push(await (index === round % 2 ? tab.withdraw({ purposes: ['marketing'] }) : tab.give(await decide(policy, ['terms', 'marketing']))));
          return mine;
        }),
      )
    ).flat();

    const stored = ((await storedUser(emulator, user.userId)).user_metadata as { consent: ConsentObject }).consent;
    const ids = stored.history.map((entry) => entry.id);
    for (const change of changes) expect(ids.filter((id) => id === change.event.id)).to.have.length(1);
    expect(writes, 'writes for 12 events').to.be.at.most(changes.length);
    expect(mostInFlight, 'requests of both tabs in flight at once').to.equal(1);
    tabs.forEach((tab) => tab.close());
  });
});
