/**
 * The first read after signup: the flat signup fields (`consent_*`, list or Lock variant) become a
 * structured consent object whose first history entry has an id derived from the fields, so every
 * tab, device or server that converts the same signup writes the same entry, once.
 */
import { CLOCK_SKEW_MS, applyConsentEvent, consentObjectFromDecision, type DecodeOptions } from '../consent-object.js';
import { DecodeError } from '../errors.js';
import { sha256Hex } from '../statement.js';
import type { ConsentObject, ConsentPolicy } from '../types.js';
import { decodeSignupFields, type SignupFieldOptions } from '../wire.js';

/**
 * The consent object for the signup fields in `metadata` (a user's `user_metadata`), or `null`
 * when there are none (`<prefix>policy` absent). The history entry's id is
 * `signup-<32 hex digits of SHA-256 over the fields>`, its source `lock` for Lock's variant, else
 * `signup`.
 *
 * When the fields are for the current policy version, the object records every purpose of the
 * policy (unticked ones as `false`) and the versions of the documents accepted. For an older version
 * (or another policy) it records only the accepted purposes and no document versions: what else was
 * offered then is unknown, so `needsReconsent` offers every optional purpose not accepted and asks
 * again if a document behind a required purpose may have changed.
 *
 * @throws {DecodeError} malformed fields, or `in_future` for a `<prefix>at` beyond the clock skew;
 *   `path` is `user_metadata.<field>`.
 * @example const consent = user.user_metadata.consent ?? (await signupConsentObject(user.user_metadata, policy));
 */
export async function signupConsentObject(
  metadata: Readonly<Record<string, unknown>> | undefined,
  policy: ConsentPolicy,
  options: SignupFieldOptions & DecodeOptions = {},
): Promise<ConsentObject | null> {
  const prefix = options.prefix ?? 'consent_';
  if (!metadata || metadata[prefix + 'policy'] === undefined) return null;
  let decision;
  try {
    decision = decodeSignupFields(metadata, options);
  } catch (error) {
    if (error instanceof DecodeError) throw new DecodeError(error.code, `user_metadata.${error.path}`, error.message.slice(error.message.indexOf(': ') + 2));
    throw error;
  }
  const now = options.now ?? Date.now();
  if (Date.parse(decision.at) > now + CLOCK_SKEW_MS)
    throw new DecodeError('in_future', `user_metadata.${prefix}at`, `is dated more than ${CLOCK_SKEW_MS / 60000} minutes after now (${new Date(now).toISOString()})`);
  const eventId = await signupEventId(metadata, options);
  const source = signupSource(metadata, options);
  const clock = { now };
  if (decision.policy === policy.id && decision.version === policy.version) return consentObjectFromDecision(decision, policy, { source, eventId, ...clock });
  return applyConsentEvent(
    undefined,
    {
      id: eventId,
      event: 'given',
      at: decision.at,
      version: decision.version,
      purposes: decision.purposes,
      source,
      policy: decision.policy,
      hash: decision.hash,
      locale: decision.locale,
    },
    clock,
  );
}

/**
 * The id of the history entry that records the signup fields in `metadata`:
 * `signup-<32 hex digits of SHA-256 over the five fields, joined by line breaks>`. Every writer
 * (browser, server, Actions) derives the same id from the same fields, so the signup is recorded once.
 */
export async function signupEventId(metadata: Readonly<Record<string, unknown>>, { prefix = 'consent_' }: SignupFieldOptions = {}): Promise<string> {
  const fields = ['policy', 'purposes', 'at', 'locale', 'hash'].map((field) => String(metadata[prefix + field]));
  return 'signup-' + (await sha256Hex(fields.join('\n'))).slice(0, 32);
}

/** Where signup fields came from: `lock` for Lock's variant (optional purposes marked `?`), else `signup`. */
export function signupSource(metadata: Readonly<Record<string, unknown>>, { prefix = 'consent_' }: SignupFieldOptions = {}): 'signup' | 'lock' {
  return String(metadata[prefix + 'purposes']).includes('?') ? 'lock' : 'signup';
}
