/**
 * `createConsentClient`: consent after signup for a signed-in user holding a user-scoped
 * Management API token. Reads the state, records `give` / `withdraw` as history events, and writes
 * them so that concurrent writers never lose each other's events and a transient failure never
 * loses one: every event goes to the outbox first and leaves it only once a re-read shows it stored.
 */
import { applyConsentEvent, compareHistoryEntries as byTime, newestEntry, type ConsentEvent } from '../consent-object.js';
import { AssentError } from '../errors.js';
import type { ConsentDecision, ConsentObject, ConsentPolicy } from '../types.js';
import { retryDelay } from './backoff.js';
import { resolveConsentOptions, type ConsentClientOptions } from './client-options.js';
import { consentState, readConsentCopy, type StoredConsent } from './consent-state.js';
import { ConsentConflictError, ManagementError } from './errors.js';
import { giveEvent, withdrawEvent } from './events.js';
import { userFromResponse } from './management-response.js';
import { SENT_KEPT, type OutboxRecord } from './outbox.js';
import { signupConsentObject } from './signup-consent.js';
import type { ConsentChange, ConsentState, ManagementUser, PendingConsentEvent } from './types.js';

/** Options of one call. */
export interface ConsentCallOptions {
  /** Stops waiting: the promise rejects with a `ManagementError` `aborted`. An event already recorded stays queued and is still sent. */
  readonly signal?: AbortSignal;
}

/** Options of `withdraw`. */
export interface WithdrawOptions extends ConsentCallOptions {
  /** The purposes to withdraw; every accepted purpose when omitted (which ends the consent). */
  readonly purposes?: readonly string[];
}

/** The consent of one signed-in user. */
export interface ConsentClient {
  /** Management API base URL, e.g. `https://acme.eu.auth0.com/api/v2`. */
  readonly baseUrl: string;
  readonly userId: string;
  /** The validated current policy. */
  readonly policy: ConsentPolicy;
  /**
   * Reads the user (GET /api/v2/users/{id}) and returns the consent state. The first read after
   * signup turns the signup fields into the `consent` object and writes it back (once: the history
   * entry's id comes from the fields). Queued events that are due are sent along.
   *
   * @throws {ManagementError} when the user could not be read: a failed read never reports `none`.
   * @throws {DecodeError} a stored consent copy is corrupt; `path` names the field (`user_metadata.consent.history[1].at`).
   */
  getConsent(options?: ConsentCallOptions): Promise<ConsentState>;
  /**
   * Records a decision (from `createDecision` on the current policy) as a `given` event and writes
   * it. Resolves with the stored state and the recorded `event`; after a transient failure
   * (offline, 429, 5xx, timeout) the state is unchanged and lists the event in `pending`: the
   * outbox sends it later.
   *
   * @throws {DecisionError} `policy_mismatch` (nothing recorded).
   * @throws {ConsentConflictError} concurrent writers kept replacing the object (the event stays queued).
   * @throws {ManagementError} a failure that is not transient (the event stays queued), or the first read failed (nothing recorded).
   */
  give(decision: ConsentDecision, options?: ConsentCallOptions): Promise<ConsentChange>;
  /**
   * Records a withdrawal of `purposes` (all when omitted) as a `withdrawn` event and writes it; as `give`.
   *
   * @throws {DecisionError} `nothing_to_withdraw`, `unknown_purpose` (nothing recorded).
   */
  withdraw(options?: WithdrawOptions): Promise<ConsentChange>;
  /** Sends every queued event now, whatever its backoff; resolves with the state as `getConsent`. */
  flush(options?: ConsentCallOptions): Promise<ConsentState>;
  /** The events recorded on this device (any tab) that Auth0 has not confirmed yet, oldest first. */
  pending(): Promise<readonly PendingConsentEvent[]>;
  /** Calls `listener` with the new state after every sync, including background retries. Returns the unsubscribe function. */
  subscribe(listener: (state: ConsentState) => void): () => void;
  /** Stops background retries and listeners. Queued events stay in the outbox for the next client. */
  close(): void;
}

/** Whether `object` holds the event, or the size cap has trimmed history past it. */
function holds(object: ConsentObject | null, event: ConsentEvent): boolean {
  return !!object && (object.history.some((entry) => entry.id === event.id) || (!!object.trimmed && byTime(event, object.trimmed) <= 0));
}

function pendingView(records: readonly OutboxRecord[]): PendingConsentEvent[] {
  return records
    .filter((record) => record.state === 'pending')
    .sort((a, b) => byTime(a.event, b.event))
    .map(({ event, attempts, nextAttemptAt, lastError }) => ({ id: event.id, event: event.event, at: event.at, purposes: event.purposes, attempts, nextAttemptAt, ...(lastError && { lastError }) }));
}

/**
 * Creates the consent client of one signed-in user.
 *
 * Writes are merge-safe: Auth0 replaces `user_metadata.consent` whole, so each write reads the
 * user, applies the queued events to what is stored (by event id: an event is applied once),
 * writes the whole object, re-reads, and repeats while a concurrent writer's copy replaced an
 * event, at most `maxWriteAttempts` times. Confirmed events stay known for a while (`SENT_KEPT`):
 * should a writer that read before them store a stale copy later, the next sync puts them back.
 * Tabs of one origin sharing the outbox take turns through the Web Locks API.
 *
 * @throws {AssentConfigError} an option is missing or invalid; `option` names it.
 * @example
 * const consent = createConsentClient({ domain: 'acme.eu.auth0.com', userId: user.sub, policy,
 *   getAccessToken: () => auth0.getTokenSilently({ authorizationParams: { audience: 'https://acme.eu.auth0.com/api/v2/', scope: 'read:current_user update:current_user_metadata' } }) });
 * const state = await consent.getConsent();              // { status: 'given', purposes, history, ... }
 * await consent.withdraw({ purposes: ['marketing'] });
 */
export function createConsentClient(options: ConsentClientOptions): ConsentClient {
  const { baseUrl, userId, getAccessToken, policy, transport, outbox, prefix, timeoutMs, retry, maxWriteAttempts, autoFlush } = resolveConsentOptions(options);
  const scope = `${baseUrl} ${userId}`;
  const lockName = `assent-consent ${outbox.id} ${scope}`;
  const listeners = new Set<(state: ConsentState) => void>();
  let stored: StoredConsent | undefined;
  let reads = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  /** One sync at a time in this client, and across tabs sharing the outbox. */
  function exclusive<T>(run: () => Promise<T>): Promise<T> {
    const locks = globalThis.navigator?.locks;
    const next = queue.then(() => (locks ? locks.request(lockName, run) : run()));
    queue = next.catch(() => undefined);
    return next;
  }

  async function call(signal: AbortSignal | undefined, metadata?: Record<string, unknown>): Promise<ManagementUser> {
    if (signal?.aborted) throw new ManagementError('aborted', { cause: signal.reason });
    if (globalThis.navigator?.onLine === false) throw new ManagementError('network', { description: 'The browser is offline; nothing was sent.' });
    let token: unknown;
    try {
      token = await getAccessToken();
    } catch (cause) {
      throw new ManagementError('unauthorized', { description: 'getAccessToken failed', cause });
    }
    if (typeof token !== 'string' || !token) throw new ManagementError('unauthorized', { description: 'getAccessToken returned no token' });
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const request = { baseUrl, userId, token, signal: combined };
    let response;
    try {
      response = await (metadata ? transport.patchUserMetadata(request, metadata) : transport.getUser(request));
    } catch (cause) {
      if (cause instanceof AssentError) throw cause;
      const code = !combined.aborted ? 'network' : signal?.aborted && combined.reason === signal.reason ? 'aborted' : 'timeout';
      throw new ManagementError(code, { cause, ...(code === 'network' && cause instanceof Error && { description: cause.message }) });
    }
    return userFromResponse(response);
  }

  /** Reads the user and remembers what is stored. */
  async function read(signal: AbortSignal | undefined): Promise<StoredConsent> {
    const user = await call(signal);
    const app = readConsentCopy(user, 'app_metadata');
    const own = readConsentCopy(user, 'user_metadata');
    const converted = own ? null : await signupConsentObject(user.user_metadata, policy, { prefix });
    stored = { app, user: own ?? converted, fromSignup: !own && !!converted };
    reads++;
    return stored;
  }

  /**
   * Brings the stored object up to date with the outbox: the signup conversion, the pending events
   * (`due`: only those whose backoff has passed), and confirmed events a stale write replaced.
   */
  async function sync(signal: AbortSignal | undefined, due: boolean): Promise<void> {
    const now = Date.now();
    const records = await outbox.list(scope);
    let current = await read(signal);
    for (let writes = 0; ; writes++) {
      const object = current.fromSignup ? null : current.user;
      const missing = records.filter((record) => (record.state === 'pending' ? !due || record.nextAttemptAt <= now : !!object) && !holds(current.user, record.event));
      if (!missing.length && !current.fromSignup) break;
      if (writes === maxWriteAttempts)
        throw new ConsentConflictError(
          missing.map((record) => record.event.id),
          writes,
        );
      const next = missing.reduce<ConsentObject | undefined>((merged, record) => applyConsentEvent(merged, record.event), current.user ?? undefined);
      await call(signal, { consent: next });
      current = await read(signal);
    }
    await settle(records, current);
  }

  /** Marks events found stored as sent; forgets sent events the cap trimmed, beyond `SENT_KEPT`, or whose object was removed on purpose. */
  async function settle(records: readonly OutboxRecord[], current: StoredConsent): Promise<void> {
    const object = current.fromSignup ? null : current.user;
    const trimmed = (event: ConsentEvent): boolean => !!object?.trimmed && byTime(event, object.trimmed) <= 0;
    const forget = records.filter((record) => (record.state === 'sent' && (!object || trimmed(record.event))) || (record.state === 'pending' && trimmed(record.event)));
    const confirmed = records
      .filter((record) => record.state === 'pending' && !trimmed(record.event) && holds(object, record.event))
      .map(({ lastError: _lastError, ...record }): OutboxRecord => ({ ...record, state: 'sent', attempts: 0, nextAttemptAt: 0 }));
    const kept = [...records.filter((record) => record.state === 'sent' && !forget.includes(record)), ...confirmed].sort((a, b) => byTime(b.event, a.event));
    if (confirmed.length) await outbox.put(confirmed);
    const drop = [...forget, ...kept.slice(SENT_KEPT)].map((record) => record.key);
    if (drop.length) await outbox.delete(drop);
  }

  /** Bookkeeping after a failed sync: backoff for transient failures, slow retries for the others, nothing for a cancel. */
  async function recordFailure(error: unknown): Promise<void> {
    if (error instanceof ManagementError && error.code === 'aborted') return;
    const records = (await outbox.list(scope)).filter((record) => record.state === 'pending');
    // The user no longer exists: there is nothing left to record the events on.
    if (error instanceof ManagementError && error.code === 'not_found') return outbox.delete(records.map((record) => record.key));
    const transient = error instanceof ConsentConflictError || (error instanceof ManagementError && error.transient);
    const retryAfterMs = error instanceof ManagementError ? error.retryAfterMs : undefined;
    const lastError = error instanceof AssentError ? error.code : 'error';
    const now = Date.now();
    await outbox.put(
      records.map((record) => {
        const attempts = record.attempts + 1;
        return { ...record, attempts, lastError, nextAttemptAt: now + (transient ? retryDelay(attempts, retry, retryAfterMs) : retry.maxMs) };
      }),
    );
  }

  async function state(): Promise<ConsentState> {
    return consentState(stored ?? { app: null, user: null, fromSignup: false }, policy, pendingView(await outbox.list(scope)));
  }

  async function notify(): Promise<ConsentState> {
    const next = await state();
    for (const listener of listeners) {
      try {
        listener(next);
      } catch {
        // A listener's bug must not break the client or the other listeners.
      }
    }
    return next;
  }

  /** Starts the timer of the earliest due retry. */
  async function schedule(): Promise<void> {
    if (!autoFlush || closed) return;
    const waiting = (await outbox.list(scope)).filter((record) => record.state === 'pending');
    clearTimeout(timer);
    timer = undefined;
    if (!waiting.length || closed) return;
    const at = Math.min(...waiting.map((record) => record.nextAttemptAt));
    timer = setTimeout(() => void background(), Math.max(0, at - Date.now()));
  }

  async function background(): Promise<void> {
    if (closed) return;
    try {
      await exclusive(() => sync(undefined, true));
    } catch (error) {
      await recordFailure(error).catch(() => undefined);
    }
    if (stored) await notify().catch(() => undefined);
    await schedule().catch(() => undefined);
  }

  /** A sync for the caller: `getConsent` (due events only) and `flush` (all). Resolves whenever the user could be read. */
  async function refresh(signal: AbortSignal | undefined, due: boolean): Promise<ConsentState> {
    const before = reads;
    try {
      await exclusive(() => sync(signal, due));
    } catch (error) {
      await recordFailure(error);
      await schedule();
      if (reads === before) throw error;
    }
    return notify();
  }

  /** Writes a queued event. A transient failure resolves with the stored state and the event pending. */
  async function write(signal: AbortSignal | undefined): Promise<ConsentState> {
    // Honour Retry-After: while rate limited, new events wait in the outbox with the others.
    const limited = (await outbox.list(scope)).some((record) => record.state === 'pending' && record.lastError === 'rate_limited' && record.nextAttemptAt > Date.now());
    if (!limited) {
      try {
        await exclusive(() => sync(signal, false));
      } catch (error) {
        await recordFailure(error);
        await schedule();
        if (!(error instanceof ManagementError && error.transient)) throw error;
      }
    }
    await schedule();
    return notify();
  }

  /** The stored copy the user sees, read first if this client has not read yet. */
  async function known(signal: AbortSignal | undefined): Promise<StoredConsent> {
    // refresh throws unless it read the user, which sets `stored`.
    if (!stored) await refresh(signal, true);
    return stored as StoredConsent;
  }

  /** `at` for a new event: never before an event this client knows, so one device's events keep their order. */
  async function nextAt(requested: string, current: StoredConsent): Promise<string> {
    const times = [...(await outbox.list(scope)).map((record) => record.event.at), ...[current.app, current.user].flatMap((object) => (object ? [newestEntry(object).at] : []))].map(Date.parse);
    const newest = Math.max(...times, -Infinity);
    return Date.parse(requested) > newest ? requested : new Date(newest + 1).toISOString();
  }

  /** Queues `event` and writes it; resolves with the state and the event's history entry. */
  async function recordAndWrite(event: ConsentEvent, signal: AbortSignal | undefined): Promise<ConsentChange> {
    await outbox.put([{ key: `${scope} ${event.id}`, scope, event, state: 'pending', attempts: 0, nextAttemptAt: 0 }]);
    const { id, event: kind, at, version, purposes, source } = event;
    return Object.freeze({ ...(await write(signal)), event: Object.freeze({ id, event: kind, at, version, purposes, source }) });
  }

  const onOnline = (): void => {
    // Back online: retry what failed for want of a network now, not at its backoff time.
    void outbox
      .list(scope)
      .then((records) => outbox.put(records.filter((record) => record.state === 'pending' && record.lastError === 'network').map((record) => ({ ...record, nextAttemptAt: 0 }))))
      .then(schedule)
      .catch(() => undefined);
  };
  if (autoFlush) {
    globalThis.addEventListener?.('online', onOnline);
    // Events queued before a reload (or by a closed tab) go out when the page loads.
    void schedule().catch(() => undefined);
  }

  return {
    baseUrl,
    userId,
    policy,
    getConsent: ({ signal } = {}) => refresh(signal, true),
    flush: ({ signal } = {}) => refresh(signal, false),
    async give(decision, { signal } = {}) {
      const current = await known(signal);
      return recordAndWrite(giveEvent(decision, policy, { at: await nextAt(decision.at, current) }), signal);
    },
    async withdraw({ purposes, signal } = {}) {
      const current = await known(signal);
      const shown = consentState(current, policy).consent;
      return recordAndWrite(withdrawEvent(shown, policy, { ...(purposes && { purposes }), at: await nextAt(new Date().toISOString(), current) }), signal);
    },
    pending: async () => pendingView(await outbox.list(scope)),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close() {
      closed = true;
      clearTimeout(timer);
      globalThis.removeEventListener?.('online', onOnline);
      listeners.clear();
    },
  };
}
