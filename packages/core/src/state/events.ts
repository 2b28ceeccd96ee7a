/** The consent events a signed-in user makes: giving consent again and withdrawing it. */
import { consentObjectFromDecision, newestEntry, type ConsentEvent } from '../consent-object.js';
import { DecisionError } from '../errors.js';
import type { ConsentDecision, ConsentObject, ConsentPolicy } from '../types.js';

/**
 * The `given` event for a decision (from `createDecision`) on the current policy: the history entry
 * plus everything the state takes from it (hash, locale, declined purposes, document versions).
 *
 * @throws {DecisionError} `policy_mismatch` when the decision is for another policy or version.
 * @example applyConsentEvent(stored, giveEvent(decision, policy))
 */
export function giveEvent(decision: ConsentDecision, policy: ConsentPolicy, { id = crypto.randomUUID(), at = decision.at }: { readonly id?: string; readonly at?: string } = {}): ConsentEvent {
  const object = consentObjectFromDecision({ ...decision, at }, policy, { source: 'browser', eventId: id });
  return {
    ...newestEntry(object),
    policy: object.policy,
    hash: object.hash,
    locale: object.locale,
    textDetails: object.text_details,
    declined: Object.keys(object.purposes).filter((purpose) => !object.purposes[purpose]),
    given: object.given,
    ...(object.documents && { documents: object.documents }),
  };
}

/**
 * The `withdrawn` event for `purposes` (all accepted ones when omitted) of the stored consent.
 * Consent to the contract ends (`given: false`) when nothing stays accepted or a required purpose
 * is withdrawn; withdrawing optional purposes keeps it. The event carries the policy, hash and
 * locale of `current`, so it can be stored even where the object has meanwhile disappeared.
 *
 * @throws {DecisionError} `nothing_to_withdraw` when there is no consent; `unknown_purpose` naming
 *   an id that is neither in the consent nor in the policy.
 * @example applyConsentEvent(stored, withdrawEvent(stored, policy, { purposes: ['marketing'] }))
 */
export function withdrawEvent(
  current: ConsentObject | null,
  policy: ConsentPolicy,
  { purposes, id = crypto.randomUUID(), at = new Date().toISOString() }: { readonly purposes?: readonly string[]; readonly id?: string; readonly at?: string } = {},
): ConsentEvent {
  if (!current) throw new DecisionError('nothing_to_withdraw', 'nothing_to_withdraw: there is no consent to withdraw');
  const accepted = Object.keys(current.purposes).filter((purpose) => current.purposes[purpose]);
  const withdrawn = purposes ?? accepted;
  withdrawn.forEach((purpose, i) => {
    if (typeof purpose !== 'string' || (!Object.hasOwn(current.purposes, purpose) && !policy.purposes.some((known) => known.id === purpose))) {
      throw new DecisionError('unknown_purpose', `unknown_purpose: purposes[${i}] (${JSON.stringify(purpose)}) is not a purpose of the consent or the policy`);
    }
  });
  const remaining = accepted.filter((purpose) => !withdrawn.includes(purpose));
  const required = policy.purposes.filter((purpose) => purpose.required).map((purpose) => purpose.id);
  return {
    id,
    event: 'withdrawn',
    at,
    version: current.version,
    purposes: remaining,
    declined: [...new Set(withdrawn)],
    source: 'browser',
    policy: current.policy,
    hash: current.hash,
    locale: current.locale,
    given: current.given && remaining.length > 0 && !withdrawn.some((purpose) => required.includes(purpose)),
  };
}
