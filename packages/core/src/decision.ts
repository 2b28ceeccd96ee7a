import { shownText } from './consent-text.js';
import { AssentError, DecisionError } from './errors.js';
import { LOCALE_PATTERN } from './patterns.js';
import { canonicalStatement, sha256Hex } from './statement.js';
import type { ConsentDecision, ConsentPolicy, Messages } from './types.js';

/** What the user did, for `createDecision`. */
export interface DecisionInput {
  /** Ids of the purposes the user accepted, in any order. */
  readonly accepted: readonly string[];
  /** Locale of the texts shown (BCP 47). */
  readonly locale: string;
  /** The built-in texts the consent was shown with (`en` or the result of `loadMessages`). */
  readonly messages: Messages;
  /** When the user decided; now by default. */
  readonly at?: Date;
}

/**
 * Records what the user decided and what they were shown: checks the decision against the
 * policy, orders the purposes as the policy does and hashes the canonical statement built from
 * the exact text shown (`shownText`).
 *
 * @throws {DecisionError} `unknown_purpose`, `duplicate_purpose`, `required_purpose_missing`,
 *   `invalid_locale`, `invalid_date`.
 * @example const decision = await createDecision(policy, { accepted: ['terms'], locale: 'en', messages: en });
 */
export async function createDecision(policy: ConsentPolicy, { accepted, locale, messages, at = new Date() }: DecisionInput): Promise<ConsentDecision> {
  const fail = (code: string, detail: string): never => {
    throw new DecisionError(code, `${code}: ${detail}`);
  };
  accepted.forEach((id, i) => {
    if (!policy.purposes.some((purpose) => purpose.id === id)) fail('unknown_purpose', id);
    if (accepted.indexOf(id) < i) fail('duplicate_purpose', id);
  });
  for (const purpose of policy.purposes) if (purpose.required && !accepted.includes(purpose.id)) fail('required_purpose_missing', purpose.id);
  if (!LOCALE_PATTERN.test(locale)) fail('invalid_locale', locale);
  // Years 0 to 9999 only: what ISO 8601 (and the wire format) can write in four digits.
  if (!(at instanceof Date) || !(Math.abs(at.getUTCFullYear() - 5000) < 5000)) fail('invalid_date', String(at));
  return decide(policy, { accepted, locale, messages, at });
}

/**
 * The decision for `input` without `createDecision`'s checks: orders the purposes as the policy
 * does and hashes the canonical statement of the text shown. Only for callers that build `input`
 * from the policy itself (ids taken from its purposes, every required one included, a locale from
 * `resolveLocale`, a real date), as `<assent-terms>` does; anything else calls `createDecision`.
 */
export async function decide(policy: ConsentPolicy, { accepted, locale, messages, at = new Date() }: DecisionInput): Promise<ConsentDecision> {
  const purposes = policy.purposes.filter((purpose) => accepted.includes(purpose.id)).map((purpose) => purpose.id);
  return Object.freeze({
    policy: policy.id,
    version: policy.version,
    purposes: Object.freeze(purposes),
    locale,
    at: at.toISOString(),
    hash: await sha256Hex(canonicalStatement(policy, purposes, locale, shownText(policy, locale, messages))),
  });
}

/**
 * Whether `decision` is exactly what `policy`, shown with `messages`, produces for its purposes
 * and locale: same policy id and version, valid purposes in policy order, and the same hash.
 * Detects any change to the purposes, locale, policy or texts since the decision was made.
 */
export async function verifyDecision(decision: ConsentDecision, policy: ConsentPolicy, messages: Messages): Promise<boolean> {
  if (decision.policy !== policy.id || decision.version !== policy.version) return false;
  try {
    const again = await createDecision(policy, { accepted: decision.purposes, locale: decision.locale, messages });
    return again.hash === decision.hash && again.purposes.join() === decision.purposes.join();
  } catch (error) {
    if (error instanceof DecisionError) return false;
    throw error as AssentError;
  }
}
