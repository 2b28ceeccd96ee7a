/**
 * Reading a user's consent state from a Management API user: which copy counts (app_metadata,
 * user_metadata, signup fields), the status against the current policy, and the history.
 */
import { decodeConsentObject, mergeConsentObjects, newestEntry } from '../consent-object.js';
import { DecodeError } from '../errors.js';
import type { ConsentObject, ConsentPolicy } from '../types.js';
import { needsReconsent } from './reconsent.js';
import type { ConsentState, ConsentStateSource, ConsentStatus, ManagementUser, PendingConsentEvent } from './types.js';

/** The consent copies of one user, decoded. */
export interface StoredConsent {
  /** `app_metadata.consent`: written by a backend. */
  readonly app: ConsentObject | null;
  /** `user_metadata.consent`, or the object converted from the signup fields when it is absent. */
  readonly user: ConsentObject | null;
  /** Whether `user` was converted from the signup fields (not stored as an object yet). */
  readonly fromSignup: boolean;
}

/**
 * Decodes `<field>.consent` of a user.
 *
 * @throws {DecodeError} naming the path from the user, e.g. `user_metadata.consent.history[2].at`.
 */
export function readConsentCopy(user: ManagementUser, field: 'user_metadata' | 'app_metadata'): ConsentObject | null {
  const value = user[field]?.consent;
  if (value === undefined || value === null) return null;
  try {
    return decodeConsentObject(value);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    const path = `${field}.consent${error.path ? '.' + error.path : ''}`;
    throw new DecodeError(error.code, path, error.message.slice(error.message.indexOf(': ') + 2));
  }
}

const compareNewest = (a: ConsentObject, b: ConsentObject): number => {
  const x = newestEntry(a);
  const y = newestEntry(b);
  return Date.parse(x.at) - Date.parse(y.at) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
};

/**
 * The state of `stored` against `policy`.
 *
 * The state comes from the copy holding the newest event; on a tie (the usual case of a backend
 * mirroring the user's copy) app_metadata wins. So a backend's authoritative copy is shown when it
 * is current, and a withdrawal the user just made in the browser is not hidden behind an older
 * backend copy. `source` says which copy it is. The history is the union of both copies.
 *
 * @example consentState(stored, policy, []).status // 'given'
 */
export function consentState(stored: StoredConsent, policy: ConsentPolicy, pending: readonly PendingConsentEvent[] = []): ConsentState {
  const { app, user, fromSignup } = stored;
  const appWins = app && (!user || compareNewest(app, user) >= 0);
  const consent = appWins ? app : user;
  const source: ConsentStateSource | null = !consent ? null : appWins ? 'app_metadata' : fromSignup ? 'signup' : 'user_metadata';
  const reconsent = needsReconsent(consent, policy);
  let status: ConsentStatus = 'none';
  if (consent) status = !consent.given ? 'withdrawn' : reconsent.required ? 'outdated' : 'given';
  const purposes = consent?.purposes ?? {};
  const order = policy.purposes.map((purpose) => purpose.id);
  const rank = (id: string): number => (order.includes(id) ? order.indexOf(id) : order.length);
  const accepted = Object.keys(purposes)
    .filter((id) => purposes[id])
    .sort((a, b) => rank(a) - rank(b));
  return Object.freeze({
    status,
    source,
    policy: consent?.policy ?? null,
    version: consent?.version ?? null,
    date: consent?.date ?? null,
    purposes,
    accepted,
    history: app && user ? mergeConsentObjects(app, user).history : (consent?.history ?? []),
    consent: consent ?? null,
    reconsent,
    pending,
  });
}
