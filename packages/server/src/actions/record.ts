/**
 * The consent record the Actions keep in `app_metadata.consent`: core's consent object, read with
 * core's decoder, built with core's `consentObjectFromDecision` from a decision verified against
 * the policy (./verify.ts), and merged into the stored record with core's `mergeConsentObjects`; always at
 * server time.
 */
import {
  DecodeError,
  compareHistoryEntries,
  consentObjectFromDecision,
  decodeConsentObject,
  mergeConsentObjects,
  needsReconsent,
  newestEntry,
  trustedConsent,
  type ConsentDecision,
  type ConsentObject,
  type ConsentPolicy,
  type ConsentSource,
  type TrustedConsent,
} from '@assent/core';

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

/** `app_metadata.consent.<path>: <code>` of an unreadable copy. */
export function unreadableReason(error: DecodeError): string {
  return `Consent record unreadable (app_metadata.consent${error.path ? '.' + error.path : ''}: ${error.code}); nothing was changed`;
}

/**
 * Records a verified decision in `current` (or starts a record) at server time `now`: the form's or
 * page's own time is the client's claim. Idempotent by event id. If a clock ever went backwards,
 * the event is moved just past the newest entry, so the state is this decision's.
 * @throws DecisionError `invalid_event` when the event id is not one core accepts.
 */
export function recordDecision(
  current: ConsentObject | null,
  decision: ConsentDecision,
  policy: ConsentPolicy,
  event: { readonly id: string; readonly source: ConsentSource },
  now: Date,
): ConsentObject {
  if (current?.history.some((entry) => entry.id === event.id)) return current;
  let at = now.toISOString();
  if (current && compareHistoryEntries({ at, id: event.id }, newestEntry(current)) <= 0) at = new Date(Date.parse(newestEntry(current).at) + 1).toISOString();
  const fresh = consentObjectFromDecision({ ...decision, at }, policy, { source: event.source, eventId: event.id });
  return current ? mergeConsentObjects(current, fresh) : fresh;
}

/** Whether `consent` stands for the policy: given, and nothing core's `needsReconsent` would ask again. */
export function isCurrent(consent: ConsentObject | null, policy: ConsentPolicy): boolean {
  return consent !== null && consent.given && !needsReconsent(consent, policy).required;
}

/**
 * The trust rule (core's `trustedConsent`): the record is `app_metadata.consent`, with every newer
 * withdrawal of the user's own copy (`user_metadata`, written with their token) applied; a "given"
 * in the user's copy is only a claim and never lets a login through. A user copy that does not
 * decode is ignored: it is the user's own data and must not lock them out.
 */
export function trustedRecord(
  record: ConsentObject | null,
  event: { readonly user: { readonly user_metadata?: Readonly<Record<string, unknown>> } },
  config: { readonly policy: ConsentPolicy },
): TrustedConsent {
  const own = readCopy((event.user.user_metadata ?? {}).consent);
  return trustedConsent({ app: record, user: 'consent' in own ? own.consent : null, fromSignup: false }, config.policy);
}
