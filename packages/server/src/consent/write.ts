/**
 * Writing one consent event into the authoritative copy, `app_metadata.consent`. Auth0 replaces the
 * nested object whole, so the event is applied to a fresh read of the copy, written, and read back:
 * if another writer (another server instance) replaced the copy in between, the event is applied
 * again to what is there now, a bounded number of times. Events carry ids, so applying one twice
 * records it once.
 */
import { applyConsentEvent, decodeConsentObject, type ConsentEvent, type ConsentObject } from '@assent/core';
import { ApiError } from '../errors.js';
import type { DirectoryUser, UserDirectory } from '../management/directory.js';

const ATTEMPTS = 3;

function appCopy(user: DirectoryUser): ConsentObject | null {
  const value = user.app_metadata?.consent;
  return value === undefined || value === null ? null : decodeConsentObject(value);
}

/** Options of `writeAppConsent`. */
export interface WriteOptions {
  /** Other app_metadata keys to set in the same PATCH (e.g. `deleted`). */
  readonly extra?: Record<string, unknown>;
}

/**
 * Applies `event` to the user's `app_metadata.consent` and stores it; returns the user as read
 * back after the write (its copy holds the event).
 * @throws ApiError 409 `conflict` when concurrent writers kept replacing the copy (retry with the same event id).
 */
export async function writeAppConsent(directory: UserDirectory, user: DirectoryUser, event: ConsentEvent, options: WriteOptions = {}): Promise<DirectoryUser> {
  let current = user;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const next = applyConsentEvent(appCopy(current) ?? undefined, event);
    await directory.updateMetadata(current.user_id, { app_metadata: { consent: next, ...options.extra } });
    // The PATCH answer is this write; a concurrent writer that replaced it shows up on a fresh read.
    current = await directory.getUser(current.user_id);
    if (appCopy(current)?.history.some((entry) => entry.id === event.id)) return current;
  }
  throw new ApiError(409, 'conflict', `Concurrent writers kept replacing the consent: event ${event.id} was not stored after ${ATTEMPTS} attempts. Retry with the same eventId.`);
}
