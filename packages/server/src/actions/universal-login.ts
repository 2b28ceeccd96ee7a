/**
 * The consent of a Universal Login signup: the `ulp-` fields that the partials of
 * @assent/universal-login post inside Auth0's signup form, which Auth0 hands to the
 * pre-user-registration Action as `event.request.body`. Read and proven with core's Universal Login
 * encoding: the hash is recomputed here from the policy for the locale the page showed, so the proof
 * needs no JavaScript in the browser, and the record is written with server time.
 */
import {
  DecodeError,
  UNIVERSAL_LOGIN_PREFIX,
  UniversalLoginError,
  consentObjectFromDecision,
  readUniversalLoginFields,
  universalLoginDecision,
  universalLoginRefusal,
  type ConsentObject,
} from '@assent/core';
import type { PreUserRegistrationEvent } from './auth0.js';
import { readActionConfig, type Secrets } from './config.js';

/** Name of the secret holding the `ulp-` field prefix when it is not `ulp-consent_`. */
export const ULP_PREFIX_SECRET = 'ASSENT_ULP_PREFIX';

/** The outcome for a signup: not a Universal Login consent, refused (code and message for the prompt), or recorded. */
export type UniversalLoginOutcome =
  | { readonly kind: 'absent' }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string }
  | { readonly kind: 'recorded'; readonly consent: ConsentObject };

// Said when the fields are unreadable, before any locale is known.
const MALFORMED = 'Please accept the terms to sign up.';

/**
 * Reads, proves and records the Universal Login consent of a signup. `absent` when the body carries
 * no `<prefix>policy` field (the signup came from another form: the wire-format sources decide).
 */
export async function universalLoginConsent(event: PreUserRegistrationEvent, secrets: Secrets, now = new Date()): Promise<UniversalLoginOutcome> {
  const prefix = secrets[ULP_PREFIX_SECRET] || UNIVERSAL_LOGIN_PREFIX;
  let claim;
  try {
    claim = readUniversalLoginFields(event.request?.body, { prefix });
  } catch (error) {
    if (error instanceof DecodeError) return { kind: 'refused', code: `consent_malformed`, message: MALFORMED };
    throw error;
  }
  if (!claim) return { kind: 'absent' };
  const { policy } = readActionConfig(secrets);
  try {
    const decision = await universalLoginDecision(claim, policy, { now });
    return { kind: 'recorded', consent: consentObjectFromDecision(decision, policy, { source: 'signup', eventId: `ulp-${decision.hash.slice(0, 32)}-${now.getTime()}` }) };
  } catch (error) {
    if (error instanceof UniversalLoginError) return { kind: 'refused', code: `consent_${error.code}`, message: await universalLoginRefusal(error, policy) };
    throw error;
  }
}
