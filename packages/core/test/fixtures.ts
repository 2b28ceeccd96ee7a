/** Shared test data: the example policy of docs/policy.md, and helpers to vary it. */
import fc from 'fast-check';
import { ID_PATTERN, MAX_PURPOSES } from '../src/patterns.js';
import { parsePolicy } from '../src/policy.js';
import type { ConsentPolicy, Purpose } from '../src/types.js';

/** The example policy of docs/policy.md, as raw JSON input (not yet parsed). */
export function examplePolicy(): Record<string, unknown> {
  return {
    id: 'acme-signup',
    version: '2026-11-01',
    controller: { name: 'Acme GmbH', contact: 'privacy@acme.example' },
    documents: [
      { id: 'terms', url: 'https://acme.example/terms', version: '3.1' },
      { id: 'privacy', url: 'https://acme.example/privacy', version: '2.0' },
    ],
    purposes: [
      { id: 'terms', required: true, basis: 'contract', documents: ['terms', 'privacy'] },
      { id: 'marketing', required: false, basis: 'consent' },
    ],
    withdrawal: { url: 'https://acme.example/account/privacy' },
  };
}

/** `examplePolicy()` with `change` applied to a deep copy. */
// Tests break raw JSON input on purpose, so they reach into it without types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function variant(change: (policy: any) => void): Record<string, unknown> {
  const policy = structuredClone(examplePolicy());
  change(policy);
  return policy;
}

/** Ids of up to `max` characters; fast-check also draws `__proto__`, which is not an id (see ID_PATTERN). */
const idOf = (max: number) => fc.stringMatching(new RegExp(`^[a-z0-9_-]{1,${max}}$`)).filter((id) => ID_PATTERN.test(id));
const idArb = idOf(64);

/**
 * Valid policies: 1 to 3 documents, 1 to MAX_PURPOSES purposes with unique ids (the first ones
 * required), English texts for custom ids in `messages.en`, ids short enough to fit the wire limits.
 */
export const policyArb: fc.Arbitrary<ConsentPolicy> = fc
  .record({
    id: idArb,
    version: fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/),
    documentIds: fc.uniqueArray(idOf(12), { minLength: 1, maxLength: 3 }),
    // size 'max': up to MAX_PURPOSES ids of up to 24 characters, near the 500-character wire limit.
    purposeIds: fc.uniqueArray(idOf(24), { minLength: 1, maxLength: MAX_PURPOSES, size: 'max' }),
    requiredCount: fc.integer({ min: 1, max: 3 }),
    withSha: fc.boolean(),
    controller: fc.string({ minLength: 1, maxLength: 40 }).filter((name) => /\S/.test(name)),
  })
  .map(({ id, version, documentIds, purposeIds, requiredCount, withSha, controller }) => {
    const purposes: Purpose[] = purposeIds.map((purposeId, i) =>
      i < Math.min(requiredCount, purposeIds.length)
        ? { id: purposeId, required: true, basis: 'contract', documents: documentIds.slice(0, 1 + (i % documentIds.length)) }
        : { id: purposeId, required: false, basis: 'consent' },
    );
    const english: Record<string, string> = {};
    for (const documentId of documentIds) english[`document.${documentId}`] = `Document ${documentId}`;
    for (const purpose of purposes) english[`purpose.${purpose.id}`] = purpose.required ? `I accept the {documents} (${purpose.id}).` : `Yes to ${purpose.id} by {controller}.`;
    return {
      id,
      version,
      controller: { name: controller },
      documents: documentIds.map((documentId) => ({ id: documentId, url: `https://example.test/${documentId}`, version: '1', ...(withSha && { sha256: 'a'.repeat(64) }) })),
      purposes,
      messages: { en: english },
    };
  })
  // Through the validator: a generator bug shows up as a PolicyError rather than as a false pass.
  .map((raw) => parsePolicy(raw));

/** A policy and an acceptable choice of purposes in it: every required one plus any optional ones, in any order. */
export const choiceArb = policyArb.chain((policy) =>
  fc
    .subarray(policy.purposes.filter((purpose) => !purpose.required).map((purpose) => purpose.id))
    .chain((optional) =>
      fc.shuffledSubarray([...policy.purposes.filter((purpose) => purpose.required).map((purpose) => purpose.id), ...optional], {
        minLength: policy.purposes.filter((p) => p.required).length + optional.length,
      }),
    )
    .map((accepted) => ({ policy, accepted })),
);

/** Any instant whose ISO 8601 form has a four-digit year. */
export const dateArb = fc.date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });
