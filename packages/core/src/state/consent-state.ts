/**
 * Reading a user's consent state from a Management API user through the trust rule: which copy is
 * the record, which withdrawals count, what is only a claim, and the status against the policy.
 *
 * The rule ("who may write the record"): `app_metadata.consent` is the record; only a backend (the
 * server, an Action) writes it, after verifying the decision. A withdrawal counts from any copy at
 * once: whoever forges one only withdraws their own consent. A "given" that only `user_metadata`
 * holds (written with the user's own token, or the signup fields) is a claim: reported as
 * `claimed`, never the record, an export, a report row or a withdrawal-log entry.
 */
import { applyConsentEvent, compareHistoryEntries, decodeConsentObject, newestEntry, type ConsentEvent, type DecodeOptions } from '../consent-object.js';
import { DecodeError } from '../errors.js';
import type { ConsentHistoryEntry, ConsentObject, ConsentPolicy } from '../types.js';
import { needsReconsent } from './reconsent.js';
import type { ConsentState, ConsentStateSource, ConsentStatus, ManagementUser, PendingConsentEvent } from './types.js';

/** The consent copies of one user, decoded. */
export interface StoredConsent {
  /** `app_metadata.consent`: the record, written by a backend. */
  readonly app: ConsentObject | null;
  /** `user_metadata.consent`, or the object converted from the signup fields when it is absent. */
  readonly user: ConsentObject | null;
  /** Whether `user` was converted from the signup fields (not stored as an object yet). */
  readonly fromSignup: boolean;
}

/** What the trust rule makes of a user's copies (`trustedConsent`). */
export interface TrustedConsent {
  /**
   * The record: `app_metadata.consent` with every withdrawal of the user's own copy applied that
   * it lacks. What exports, reports and withdrawal logs use. `null` when no backend recorded
   * anything.
   */
  readonly record: ConsentObject | null;
  /**
   * The user's own copy (`user_metadata.consent` or the signup fields) when it says more than the
   * record: a newer "given" no backend verified. Show it as a claim; never act on it as consent.
   */
  readonly claim: ConsentObject | null;
  /**
   * The withdrawals of the user's copy that `record` holds and the stored `app_metadata.consent`
   * does not, oldest first: a backend writes them into the stored record on its next write.
   */
  readonly withdrawals: readonly ConsentEvent[];
}

/**
 * Decodes `<field>.consent` of a user.
 *
 * @throws {DecodeError} naming the path from the user, e.g. `user_metadata.consent.history[2].at`.
 */
export function readConsentCopy(user: ManagementUser, field: 'user_metadata' | 'app_metadata', options: DecodeOptions = {}): ConsentObject | null {
  const value = user[field]?.consent;
  if (value === undefined || value === null) return null;
  try {
    return decodeConsentObject(value, options);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    const path = `${field}.consent${error.path ? '.' + error.path : ''}`;
    throw new DecodeError(error.code, path, error.message.slice(error.message.indexOf(': ') + 2));
  }
}

const acceptedOf = (consent: ConsentObject): string[] => Object.keys(consent.purposes).filter((id) => consent.purposes[id]);

/**
 * The trust rule applied to a user's copies: the record with the user's withdrawals applied, and
 * the user's claim, if any. Every path (consent client, server, report, Actions) goes through it.
 *
 * - A `withdrawn` entry of the user's copy that the record lacks and that is newer than the
 *   record's newest entry is applied to the record: purposes it no longer lists are withdrawn, and
 *   consent ends when a required purpose goes (as `withdrawEvent`). It keeps its id, time and
 *   source. It can only take purposes away, never add one; one that would change nothing is left
 *   out (so the user's copy cannot flood the record's capped history).
 * - A withdrawal older than the record's newest entry was overtaken by what the record holds (say,
 *   consent given again on the consent page) and is not applied.
 * - The user's copy is a claim when its newest entry is not in the record, is newer than the
 *   record's newest, its state is given, and it says more than the record (another policy
 *   version, or a purpose the record does not accept, or the record does not stand).
 *
 * @example const { record, claim } = trustedConsent({ app, user, fromSignup: false }, policy);
 */
export function trustedConsent(stored: StoredConsent, policy: ConsentPolicy, options: DecodeOptions = {}): TrustedConsent {
  const { app, user } = stored;
  const required = policy.purposes.filter((purpose) => purpose.required).map((purpose) => purpose.id);
  let record = app;
  const withdrawals: ConsentEvent[] = [];
  if (app && user) {
    const known = new Set(app.history.map((entry) => entry.id));
    for (const entry of user.history) {
      if (!record || entry.event !== 'withdrawn' || known.has(entry.id) || compareHistoryEntries(entry, newestEntry(record)) <= 0) continue;
      const accepted = acceptedOf(record);
      const remaining = accepted.filter((id) => entry.purposes.includes(id));
      const given = record.given && remaining.length > 0 && !required.some((id) => accepted.includes(id) && !remaining.includes(id));
      if (remaining.length === accepted.length && given === record.given) continue;
      const event: ConsentEvent = {
        id: entry.id,
        event: 'withdrawn',
        at: entry.at,
        version: record.version,
        purposes: remaining,
        declined: accepted.filter((id) => !remaining.includes(id)),
        source: entry.source,
        given,
      };
      record = applyConsentEvent(record, event, options);
      withdrawals.push(event);
    }
  }
  let claim: ConsentObject | null = null;
  if (user?.given) {
    const newest = newestEntry(user);
    const unrecorded = !record || (!record.history.some((entry) => entry.id === newest.id) && compareHistoryEntries(newest, newestEntry(record)) > 0);
    const saysMore = !record || !record.given || user.policy !== record.policy || user.version !== record.version || acceptedOf(user).some((id) => !record.purposes[id]);
    if (unrecorded && saysMore) claim = user;
  }
  return Object.freeze({ record, claim, withdrawals: Object.freeze(withdrawals) });
}

/** Both copies' entries by id (the record's entry where both have one), oldest first. */
function allEntries(record: ConsentObject | null, user: ConsentObject | null): ConsentHistoryEntry[] {
  const byId = new Map<string, ConsentHistoryEntry>();
  for (const entry of [...(record?.history ?? []), ...(user?.history ?? [])]) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  return [...byId.values()].sort(compareHistoryEntries);
}

/**
 * The state of `stored` against `policy`, by the trust rule (`trustedConsent`).
 *
 * - `given` / `outdated`: only ever from the record (`source: 'app_metadata'`, `verified: true`).
 * - `withdrawn`: the record says so, or a withdrawal of the user's copy made it so; or, with no
 *   record, the user's own copy is withdrawn.
 * - `claimed`: the record does not stand (none, withdrawn or outdated) but the user's copy says
 *   given (`source: 'user_metadata'` or `'signup'`, `verified: false`). The fields then describe
 *   the claim, so the user sees what they said; `record` stays the record.
 * - `none`: nothing anywhere.
 *
 * A claim next to a record that stands (say, a purpose the user ticked in the browser) leaves the
 * status `given` from the record and is in `claim`.
 *
 * @example consentState(stored, policy, []).status // 'given'
 */
export function consentState(stored: StoredConsent, policy: ConsentPolicy, pending: readonly PendingConsentEvent[] = [], options: DecodeOptions = {}): ConsentState {
  const { record, claim } = trustedConsent(stored, policy, options);
  const recordStands = !!record?.given && !needsReconsent(record, policy).required;
  const shown = claim && !recordStands ? claim : (record ?? stored.user);
  const verified = !!shown && shown === record;
  const source: ConsentStateSource | null = !shown ? null : verified ? 'app_metadata' : stored.fromSignup ? 'signup' : 'user_metadata';
  const reconsent = needsReconsent(shown, policy);
  let status: ConsentStatus = 'none';
  if (shown) status = !shown.given ? 'withdrawn' : !verified ? 'claimed' : reconsent.required ? 'outdated' : 'given';
  const purposes = shown?.purposes ?? {};
  const order = policy.purposes.map((purpose) => purpose.id);
  const rank = (id: string): number => (order.includes(id) ? order.indexOf(id) : order.length);
  const accepted = Object.keys(purposes)
    .filter((id) => purposes[id])
    .sort((a, b) => rank(a) - rank(b));
  return Object.freeze({
    status,
    source,
    verified,
    policy: shown?.policy ?? null,
    version: shown?.version ?? null,
    date: shown?.date ?? null,
    purposes,
    accepted,
    history: allEntries(record, stored.user),
    consent: shown ?? null,
    record,
    claim,
    reconsent,
    pending,
  });
}
