/**
 * `needsReconsent`: compares a stored consent with the current policy. A new version of a document
 * behind a required purpose, or a required purpose not accepted, means asking again; a new optional
 * purpose is offered, never assumed; the rest of a policy change asks nothing.
 */
import type { ConsentObject, ConsentPolicy } from '../types.js';
import type { DocumentChange, ReconsentCheck, ReconsentReason } from './types.js';

/**
 * What changed between the stored consent and `policy`, and whether to ask again.
 *
 * - `required` (ask again before going on) when nothing is recorded (`no_consent`), the consent is
 *   for another policy id (`other_policy`), a document linked from a required purpose has another
 *   version than the one agreed to or is new (`document_changed`), a required purpose is not
 *   accepted (`required_purpose`), or the policy version changed and the consent does not record
 *   its document versions (`documents_unknown`, to be safe).
 * - Never `required` for a withdrawn consent: the user's withdrawal stands until they give consent again.
 * - `offer`: optional purposes the user has never answered. Purposes they declined or withdrew are
 *   not offered again.
 * - Optional documents with a new version are listed in `documents` (`required: false`) without
 *   asking; removed purposes are listed and ask nothing.
 *
 * Pure: pass the `ConsentState` from `getConsent()` (its `consent`), a stored `ConsentObject`, or
 * `null` for none.
 *
 * @example
 * const check = needsReconsent(await client.getConsent(), policy);
 * if (check.required) showDialog(check.documents.filter((d) => d.required), check.offer);
 * else if (check.offer.length) offer(check.offer);
 */
export function needsReconsent(stored: ConsentObject | { readonly consent: ConsentObject | null } | null | undefined, policy: ConsentPolicy): ReconsentCheck {
  // A ConsentState has `consent` (and a `history` of its own); a ConsentObject never has `consent`.
  const consent = !stored ? null : 'consent' in stored ? stored.consent : stored;
  const to = `${policy.id}@${policy.version}`;
  if (!consent) {
    return { required: true, reasons: ['no_consent'], offer: [], documents: [], newPurposes: [], missingRequired: [], removedPurposes: [], from: null, to };
  }
  const reasons: ReconsentReason[] = [];
  const samePolicy = consent.policy === policy.id;
  if (!samePolicy) reasons.push('other_policy');

  const answered = consent.purposes;
  const policyIds = policy.purposes.map((purpose) => purpose.id);
  const newPurposes = policyIds.filter((id) => !Object.hasOwn(answered, id));
  const missingRequired = policy.purposes.filter((purpose) => purpose.required && answered[purpose.id] !== true).map((purpose) => purpose.id);
  const removedPurposes = Object.keys(answered).filter((id) => !policyIds.includes(id));
  const offer = policy.purposes.filter((purpose) => !purpose.required && newPurposes.includes(purpose.id)).map((purpose) => purpose.id);

  // Which documents the consent covered: recorded, or (same policy version) the policy's own.
  const sameVersion = samePolicy && consent.version === policy.version;
  const agreed = consent.documents ?? (sameVersion ? Object.fromEntries(policy.documents.map((document) => [document.id, document.version])) : undefined);
  const documents: DocumentChange[] = [];
  for (const document of policy.documents) {
    const linking = policy.purposes.filter((purpose) => purpose.documents?.includes(document.id));
    if (!linking.length) continue;
    const from = agreed && Object.hasOwn(agreed, document.id) ? (agreed[document.id] as string) : null;
    if (from === document.version) continue;
    // A document the consent never covered matters only where it is required (or the versions are unknown).
    const required = linking.some((purpose) => purpose.required);
    if (from === null && agreed && !required) continue;
    documents.push({ id: document.id, from, to: document.version, required, purposes: linking.map((purpose) => purpose.id) });
  }
  if (documents.some((change) => change.required)) reasons.push(agreed ? 'document_changed' : 'documents_unknown');
  if (missingRequired.length) reasons.push('required_purpose');

  const withdrawn = !consent.given;
  return {
    required: !withdrawn && reasons.length > 0,
    reasons: withdrawn ? [] : reasons,
    offer: withdrawn ? [] : offer,
    documents,
    newPurposes,
    missingRequired,
    removedPurposes,
    from: `${consent.policy}@${consent.version}`,
    to,
  };
}
