/**
 * Whether signup fields may become the record: their hash must match the statement the policy
 * shows in their locale with exactly their purposes. Apart from `signup-consent.ts` because it
 * loads the texts of every language on demand, which a reader of the fields does not need.
 */
import type { DecodeOptions } from '../consent-object.js';
import { verifyDecision } from '../decision.js';
import { loadMessages } from '../messages.js';
import type { ConsentObject, ConsentPolicy, Messages } from '../types.js';
import type { SignupFieldOptions } from '../wire.js';
import { signupConsentObject } from './signup-consent.js';

/** Options of `verifiedSignupConsent`. */
export interface VerifiedSignupOptions extends SignupFieldOptions, DecodeOptions {
  /** The built-in texts of a locale, as the signup form showed them; `loadMessages` by default. */
  readonly messages?: (locale: string) => Promise<Messages>;
}

/**
 * The signup consent object, only when the signup fields prove themselves: for the current policy
 * version, with a hash that matches the statement the policy shows in that locale with exactly
 * those purposes (`verifyDecision`). This is what a backend (the server, an Action) may copy into
 * the record, `app_metadata.consent`. Anything else (no fields, a forged or stale hash, another
 * policy version) is `null`: the fields stay the user's claim, and the user is asked (consent page).
 *
 * @throws {DecodeError} as `signupConsentObject`, for malformed fields.
 * @example const record = await verifiedSignupConsent(user.user_metadata, policy); // null: ask again
 */
export async function verifiedSignupConsent(metadata: Readonly<Record<string, unknown>> | undefined, policy: ConsentPolicy, options: VerifiedSignupOptions = {}): Promise<ConsentObject | null> {
  const consent = await signupConsentObject(metadata, policy, options);
  if (!consent || consent.policy !== policy.id || consent.version !== policy.version) return null;
  const decision = {
    policy: consent.policy,
    version: consent.version,
    purposes: policy.purposes.map((purpose) => purpose.id).filter((id) => consent.purposes[id]),
    locale: consent.locale,
    at: consent.date,
    hash: consent.hash,
  };
  const messages = await (options.messages ?? loadMessages)(decision.locale);
  return (await verifyDecision(decision, policy, messages)) ? consent : null;
}
