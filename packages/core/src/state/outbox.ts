/**
 * The outbox: consent events the client recorded, kept until Auth0 has them. The default store is
 * IndexedDB (`indexedDbOutbox`), so a queued event survives page reloads and browser restarts;
 * `memoryOutbox` keeps events for the life of the page (Node, tests, browsers without IndexedDB).
 * Records hold the event and retry bookkeeping only: never a token.
 */
import type { ConsentEvent } from '../consent-object.js';

/**
 * One event in the outbox. `pending` events are not confirmed yet; `sent` ones were confirmed by a
 * re-read and are kept a while (at most `SENT_KEPT` per user) so that a concurrent writer that
 * replaced them with a stale copy is repaired at the next sync.
 */
export interface OutboxRecord {
  /** `scope` + event id: unique in the store. */
  readonly key: string;
  /** Which user of which tenant: `<Management API base URL> <user id>`. */
  readonly scope: string;
  readonly event: ConsentEvent;
  readonly state: 'pending' | 'sent';
  /** Failed attempts so far. */
  readonly attempts: number;
  /** Earliest time of the next automatic attempt (ms since the epoch). */
  readonly nextAttemptAt: number;
  /** Code of the last failure. */
  readonly lastError?: string;
}

/** Where the outbox keeps its records. Every method may be called from several tabs at once. */
export interface OutboxStore {
  /** Identifies the store (its database name): clients that share a store coordinate their writes through it. */
  readonly id: string;
  /** Every record of `scope`. */
  list(scope: string): Promise<OutboxRecord[]>;
  /** Adds or replaces records (by `key`) in one transaction. */
  put(records: readonly OutboxRecord[]): Promise<void>;
  /** Removes records by key in one transaction; missing keys are ignored. */
  delete(keys: readonly string[]): Promise<void>;
}

/** How many confirmed events per user the outbox keeps to repair lost updates. */
export const SENT_KEPT = 32;

/**
 * An outbox in memory: events survive as long as the page (or process). For environments without
 * IndexedDB; `id` defaults to a fresh random one, so two memory outboxes never share a lock.
 *
 * @example createConsentClient({ ..., outbox: memoryOutbox() })
 */
export function memoryOutbox(id = `memory-${crypto.randomUUID()}`): OutboxStore {
  const records = new Map<string, OutboxRecord>();
  return {
    id,
    list: async (scope) => [...records.values()].filter((record) => record.scope === scope).map((record) => structuredClone(record)),
    put: async (list) => list.forEach((record) => records.set(record.key, structuredClone(record))),
    delete: async (keys) => keys.forEach((key) => records.delete(key)),
  };
}

/** Options of `indexedDbOutbox`. */
export interface IndexedDbOutboxOptions {
  /** Database name; `assent-consent-outbox` by default. Apps with several independent clients may separate them. */
  readonly name?: string;
}

const STORE = 'events';

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * The durable outbox: one IndexedDB database (object store `events`, keyed by `key`, indexed by
 * `scope`), shared by every tab of the origin. Plain IndexedDB in a few lines rather than a wrapper
 * library: three operations do not earn a dependency.
 *
 * @example createConsentClient({ ..., outbox: indexedDbOutbox({ name: 'acme-consent' }) })
 */
export function indexedDbOutbox({ name = 'assent-consent-outbox' }: IndexedDbOutboxOptions = {}): OutboxStore {
  let opening: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> =>
    (opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' }).createIndex('scope', 'scope');
      request.onsuccess = () => {
        const db = request.result;
        // Another tab upgrading or deleting the database: let it, and reopen on the next call.
        db.onversionchange = () => {
          db.close();
          opening = undefined;
        };
        resolve(db);
      };
      request.onerror = () => {
        opening = undefined;
        reject(request.error);
      };
    }));
  const write = async (run: (store: IDBObjectStore) => void): Promise<void> => {
    const transaction = (await open()).transaction(STORE, 'readwrite');
    run(transaction.objectStore(STORE));
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = transaction.onabort = () => reject(transaction.error);
    });
  };
  return {
    id: `indexeddb-${name}`,
    list: async (scope) => done((await open()).transaction(STORE).objectStore(STORE).index('scope').getAll(scope)) as Promise<OutboxRecord[]>,
    put: (records) => write((store) => records.forEach((record) => store.put(record))),
    delete: (keys) => write((store) => keys.forEach((key) => store.delete(key))),
  };
}
