/**
 * Writing consent events into the record, `app_metadata.consent`. Auth0 replaces the nested object
 * whole, so the events are applied to a fresh read of the copy, written, and read back: if another
 * writer (another server instance) replaced the copy in between, they are applied again to what is
 * there now, a bounded number of times. Events carry ids, so applying one twice records it once.
 */
import { applyConsentEvent, compareHistoryEntries, decodeConsentObject, type ConsentEvent, type ConsentObject } from '@assent/core';
import { ApiError } from '../errors.js';
import type { DirectoryUser, UserDirectory } from '../management/directory.js';

const ATTEMPTS = 3;

function appCopy(user: DirectoryUser, now: number): ConsentObject | null {
  const value = user.app_metadata?.consent;
  return value === undefined || value === null ? null : decodeConsentObject(value, { now });
}

/** Whether `copy` holds `event`, or the size cap has trimmed history past it. */
function holds(copy: ConsentObject | null, event: ConsentEvent): boolean {
  return !!copy && (copy.history.some((entry) => entry.id === event.id) || (!!copy.trimmed && compareHistoryEntries(event, copy.trimmed) <= 0));
}

/** Options of `writeAppConsent`. */
export interface WriteOptions {
  /** Other app_metadata keys to set in the same PATCH (e.g. `deleted`). */
  readonly extra?: Record<string, unknown>;
  /** The clock (ms) the stored copy's dates are checked against. */
  readonly now?: number;
}

/**
 * Applies `events`, in order, to the user's `app_metadata.consent` and stores it; returns the user
 * as read back after the write (its copy holds the events).
 * @throws ApiError 409 `conflict` when concurrent writers kept replacing the copy (retry with the same event id).
 */
export async function writeAppConsent(directory: UserDirectory, user: DirectoryUser, events: readonly ConsentEvent[], options: WriteOptions = {}): Promise<DirectoryUser> {
  const now = options.now ?? Date.now();
  let current = user;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const next = events.reduce<ConsentObject | undefined>((copy, event) => applyConsentEvent(copy, event, { now }), appCopy(current, now) ?? undefined);
    await directory.updateMetadata(current.user_id, { app_metadata: { consent: next ?? null, ...options.extra } });
    // The PATCH answer is this write; a concurrent writer that replaced it shows up on a fresh read.
    current = await directory.getUser(current.user_id);
    const stored = appCopy(current, now);
    if (events.every((event) => holds(stored, event))) return current;
  }
  const ids = events.map((event) => event.id).join(', ');
  throw new ApiError(409, 'conflict', `Concurrent writers kept replacing the consent: events ${ids} were not stored after ${ATTEMPTS} attempts. Retry with the same eventId.`);
}
