import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { ManagementError, type ConsentChange, type ConsentClient, type ConsentHistoryEntry, type ConsentState, type ManagementErrorCode } from '@assent/core';

/** Failures the client's outbox retries by itself (`PendingConsentEvent#lastError`): the event is kept on this device. */
const RETRIED = ['network', 'timeout', 'rate_limited', 'server', 'conflict'];

/** What a write came to: the state afterwards (null once the account is gone), the event recorded and whether it still waits in the outbox. */
export interface Written {
  readonly state: ConsentState | null;
  readonly eventId: string;
  readonly pending: boolean;
}

/** One write the user asked for. A retry repeats it: `eventId` is the event already recorded, if any. */
export interface WriteAttempt {
  eventId?: string;
}

/**
 * Records an event through the consent client exactly once. The first try calls `write`
 * (`client.give(...)` or `client.withdraw(...)`); when it fails after the client queued the event
 * (of kind `event`), the attempt remembers that event, and the next try sends it from the outbox
 * (`client.flush()`) rather than recording it a second time.
 *
 * @throws the write's failure; on a retry, a `ManagementError` when the outbox holds the event after a failure it does not retry by itself.
 */
export async function recordOnce(
  client: ConsentClient,
  attempt: WriteAttempt,
  event: ConsentHistoryEntry['event'],
  write: () => Promise<ConsentChange>,
): Promise<Written & { readonly state: ConsentState }> {
  const queuedId = attempt.eventId;
  if (queuedId) {
    const state = await client.flush();
    const waiting = state.pending.find((pending) => pending.id === queuedId);
    if (waiting?.lastError && !RETRIED.includes(waiting.lastError)) throw new ManagementError(waiting.lastError as ManagementErrorCode);
    return { state, eventId: queuedId, pending: !!waiting };
  }
  const before = new Set((await client.pending()).map((pending) => pending.id));
  try {
    const change = await write();
    return { state: change, eventId: change.event.id, pending: change.pending.some((pending) => pending.id === change.event.id) };
  } catch (error) {
    const queued = (await client.pending().catch(() => [])).find((pending) => !before.has(pending.id) && pending.event === event);
    if (queued) attempt.eventId = queued.id;
    throw error;
  }
}

/**
 * The write an account element makes for the user (`<assent-reconsent>` gives consent,
 * `<assent-withdraw-button>` withdraws it) and what the user is told about it: whether a request
 * runs, why the last one failed, and the announcement of the outcome. An event kept on this device
 * is announced as such, and as done once the client hears it stored; a later change of the
 * consent (elsewhere on the page, or on another device) makes the announcement stale, so it goes.
 * The host updates whenever any of it changes, and the controller reads the host's `state` before
 * each update.
 */
export class ConsentWrite implements ReactiveController {
  /** `busy` while a request runs (the controls do nothing, the dialog stays open); `error` after it failed. */
  phase: 'idle' | 'busy' | 'error' = 'idle';
  /** Why the last request failed; null when it did not. */
  failure: unknown = null;
  /** Key of the text announcing the last outcome (translated when rendered, so it follows `lang`); '' for none. */
  announcement = '';
  /** An event announced as kept on this device: announced as done once the client hears it stored. */
  #waitingFor: string | null = null;
  /** The event the announcement is about. */
  #announced: string | null = null;
  /** What to announce once the event waited for is stored. */
  #doneText = '';
  /** The host's state when the announcement was last checked against it. */
  #seen: ConsentState | null = null;

  constructor(private readonly host: ReactiveControllerHost & Element & { readonly state: ConsentState | null }) {
    host.addController(this);
  }

  /** Before each update of the host: a new consent state may confirm or outdate the announcement. */
  hostUpdate(): void {
    const state = this.host.state;
    if (!state || state === this.#seen) return;
    this.#seen = state;
    const id = this.#waitingFor;
    if (id && !state.pending.some((event) => event.id === id) && state.history.some((entry) => entry.id === id)) {
      this.#waitingFor = null;
      this.announcement = this.#doneText;
    }
    if (this.#announced && !this.#waitingFor && state.history.at(-1)?.id !== this.#announced) {
      this.#announced = null;
      this.announcement = '';
    }
  }

  /** Whether a request runs. */
  get busy(): boolean {
    return this.phase === 'busy';
  }

  /** Back to idle, the last failure forgotten (a dialog opened or closed again). */
  reset(): void {
    this.#set('idle', null);
  }

  /**
   * Runs a request as busy. Resolves with its result, or with undefined after a failure, which is
   * logged (`failed` says what failed) and shown (phase `error`).
   */
  async run<T>(failed: string, request: () => Promise<T>): Promise<T | undefined> {
    this.#set('busy', null);
    try {
      return await request();
    } catch (error) {
      console.error(`<${this.host.localName}>: ${failed}`, error);
      this.#set('error', error);
      return undefined;
    }
  }

  /**
   * Idle again after a write, with its outcome announced: `text` (by default the "kept on this
   * device" text while the event is pending, else `doneText`), `doneText` once a pending event is
   * stored. `about` is the event the announcement stays true for (null: until the next write).
   */
  succeeded({ eventId, pending }: Written, doneText: string, text = pending ? 'account.pending' : doneText, about: string | null = eventId): void {
    this.#waitingFor = pending ? eventId : null;
    this.#doneText = doneText;
    this.#announced = about;
    this.announcement = text;
    this.#set('idle', null);
  }

  #set(phase: ConsentWrite['phase'], failure: unknown): void {
    this.phase = phase;
    this.failure = failure;
    this.host.requestUpdate();
  }
}
