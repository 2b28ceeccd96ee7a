/**
 * The consent record the Actions keep in `app_metadata.consent`: core's consent object, read with
 * core's decoder and written with core's `applyConsentEvent` (history capped, every earlier entry
 * kept in time order), always with server time.
 */
import { DecodeError, applyConsentEvent, decodeConsentObject, newestEntry, type ConsentEvent, type ConsentObject } from '@assent/core';
import type { ActionConfig } from './config.js';
import type { SignupClaim } from './signup-claim.js';

/** A stored copy, decoded: the object, nothing stored, or what is wrong with it. */
export type StoredCopy = { readonly consent: ConsentObject | null } | { readonly unreadable: DecodeError };

/** Decodes a stored consent object (`app_metadata.consent` or `user_metadata.consent`). */
export function readCopy(value: unknown): StoredCopy {
  if (value === undefined || value === null) return { consent: null };
  try {
    return { consent: decodeConsentObject(value) };
  } catch (error) {
    if (error instanceof DecodeError) return { unreadable: error };
    throw error;
  }
}

/** Whether `a` comes after `b` in history order (time, then id), as core orders entries. */
function later(a: { at: string; id: string }, b: { at: string; id: string }): boolean {
  const difference = Date.parse(a.at) - Date.parse(b.at);
  return difference > 0 || (difference === 0 && a.id > b.id);
}

/**
 * Applies a `given` event at server time `now` to `current` (or starts a record). If a clock ever
 * went backwards, the event is moved just past the newest entry, so the state is this event's.
 */
export function recordGiven(current: ConsentObject | null, event: Omit<ConsentEvent, 'at' | 'event'>, now: Date): ConsentObject {
  let at = now.toISOString();
  if (current && !later({ at, id: event.id }, newestEntry(current))) at = new Date(Date.parse(newestEntry(current).at) + 1).toISOString();
  return applyConsentEvent(current ?? undefined, { ...event, event: 'given', at });
}

/**
 * The record of a signup claim, stamped with server time (the form's `at` is the client's claim):
 * for the current policy version, every purpose of the policy (unticked optional ones as false) and
 * the documents of the required purposes; for another version only what was accepted.
 */
export function signupRecord(claim: SignupClaim, config: ActionConfig, now: Date): ConsentObject {
  const { decision } = claim;
  const current = decision.policy === config.policyId && decision.version === config.version;
  return recordGiven(
    null,
    {
      id: claim.eventId,
      version: decision.version,
      purposes: decision.purposes,
      source: claim.source,
      policy: decision.policy,
      hash: decision.hash,
      locale: decision.locale,
      textDetails: config.textDetails,
      declined: current ? config.optional.filter((id) => !decision.purposes.includes(id)) : [],
      ...(current && config.documents ? { documents: config.documents } : {}),
      given: current ? config.required.every((id) => decision.purposes.includes(id)) : decision.purposes.length > 0,
    },
    now,
  );
}

/** Whether `consent` is a standing consent to the current policy (or to one whose required documents did not change). */
export function isCurrent(consent: ConsentObject | null, config: ActionConfig): boolean {
  if (!consent || !consent.given || consent.policy !== config.policyId) return false;
  if (!config.required.every((id) => consent.purposes[id] === true)) return false;
  if (consent.version === config.version) return true;
  const documents = config.documents;
  if (!documents || !consent.documents) return false;
  return Object.keys(documents).every((id) => consent.documents?.[id] === documents[id]);
}

/**
 * Whether the user withdrew in the browser (`user_metadata`, written with their own token) after
 * the record was last written. Users can edit `user_metadata`, so only a withdrawal is believed
 * from it: a forged one can do no more than have its author asked again.
 */
export function newerWithdrawal(record: ConsentObject | null, own: ConsentObject | null): boolean {
  if (!own || own.given) return false;
  return !record || later(newestEntry(own), newestEntry(record));
}
