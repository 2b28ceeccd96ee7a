/**
 * A user's consent as the handler sees it, through core's trust rule (`consentState`): the record
 * (`app_metadata.consent`, written here and by the Actions), the signup fields when their hash
 * verifies against the policy (a verified signup may become the record), the withdrawals of the
 * user's own copy (they count at once), and what is left of `user_metadata`: a claim.
 */
import {
  DecodeError,
  applyConsentEvent,
  consentState,
  newestEntry,
  readConsentCopy,
  signupConsentObject,
  trustedConsent,
  verifiedSignupConsent,
  type ConsentEvent,
  type ConsentObject,
  type ConsentPolicy,
  type ConsentState,
} from '@assent/core';
import { ApiError } from '../errors.js';
import type { DirectoryUser } from '../management/directory.js';

/** The decoded copies of one user, the record by the trust rule and the state they give. */
export interface UserConsent {
  /** `app_metadata.consent` as stored. */
  readonly app: ConsentObject | null;
  /**
   * `user_metadata.consent`, else the object of the signup fields; `null` when there is neither or
   * it does not decode (the user's own data: ignored, never in the way of a withdrawal).
   */
  readonly user: ConsentObject | null;
  /** Whether `user` was converted from the signup fields (there is no `user_metadata.consent`). */
  readonly fromSignup: boolean;
  /** Why the user's own consent data was ignored, when it was (`user_metadata.consent…` or a signup field). */
  readonly unreadable: DecodeError | null;
  /**
   * What the stored record lacks, oldest first: the verified signup, then the withdrawals of the
   * user's copy. The handler writes them into `app_metadata.consent` on its next write or read.
   */
  readonly pending: readonly ConsentEvent[];
  /** The state by the trust rule; `state.record` is the record with `pending` applied. */
  readonly state: ConsentState;
}

/** The event that records `consent` (one history entry) into another copy, with all its proof. */
export function recordingEvent(consent: ConsentObject): ConsentEvent {
  return {
    ...newestEntry(consent),
    policy: consent.policy,
    hash: consent.hash,
    locale: consent.locale,
    textDetails: consent.text_details,
    declined: Object.keys(consent.purposes).filter((id) => !consent.purposes[id]),
    given: consent.given,
    ...(consent.documents && { documents: consent.documents }),
  };
}

/** The user's own data, read so that nothing in it can stop the handler. */
async function readOwnCopy(
  user: DirectoryUser,
  policy: ConsentPolicy,
  now: number,
): Promise<{ own: ConsentObject | null; signup: ConsentObject | null; verified: ConsentObject | null; unreadable: DecodeError | null }> {
  let unreadable: DecodeError | null = null;
  const attempt = async <T>(read: () => T | Promise<T>): Promise<T | null> => {
    try {
      return await read();
    } catch (error) {
      // A very deep value can overflow the stack of JSON.stringify: as unreadable as a malformed one.
      if (error instanceof DecodeError) unreadable ??= error;
      else if (error instanceof RangeError) unreadable ??= new DecodeError('malformed', 'user_metadata.consent', 'is nested too deeply to read');
      else throw error;
      return null;
    }
  };
  const own = await attempt(() => readConsentCopy(user, 'user_metadata', { now }));
  const signup = await attempt(() => signupConsentObject(user.user_metadata, policy, { now }));
  const verified = signup && (await attempt(() => verifiedSignupConsent(user.user_metadata, policy, { now })));
  return { own, signup, verified, unreadable };
}

/**
 * Reads the consent of `user` by the trust rule. The record (app_metadata) must decode: one that
 * does not is reported as 502 and nothing is written over it. The user's own data
 * (`user_metadata.consent`, the signup fields) never stops a read or a withdrawal: what does not
 * decode is ignored (`unreadable` says why).
 */
export async function readUserConsent(user: DirectoryUser, policy: ConsentPolicy, now: number = Date.now()): Promise<UserConsent> {
  let app: ConsentObject | null;
  try {
    app = readConsentCopy(user, 'app_metadata', { now });
  } catch (error) {
    if (error instanceof DecodeError || error instanceof RangeError) {
      const detail = error instanceof DecodeError ? `${error.path}: ${error.code}` : 'nested too deeply';
      throw new ApiError(502, 'upstream_error', `The stored consent record of this user is unreadable (${detail}); nothing was changed`, { cause: error });
    }
    throw error;
  }
  const { own, signup, verified, unreadable } = await readOwnCopy(user, policy, now);
  const pending: ConsentEvent[] = [];
  let record = app;
  // A verified signup the record lacks is what the user consented to at signup: it joins the record.
  if (verified && !app?.history.some((entry) => entry.id === newestEntry(verified).id)) {
    const event = recordingEvent(verified);
    record = applyConsentEvent(record ?? undefined, event, { now });
    if (record !== app) pending.push(event);
  }
  const copy = own ?? signup;
  const stored = { app: record, user: copy, fromSignup: !own && !!signup };
  pending.push(...trustedConsent(stored, policy, { now }).withdrawals);
  return { app, user: copy, fromSignup: stored.fromSignup, unreadable, pending, state: consentState(stored, policy, [], { now }) };
}

/** Whether the account was flagged as deleted (flag mode, or by an administrator). */
export function isFlaggedDeleted(user: DirectoryUser): boolean {
  const deleted = user.app_metadata?.deleted;
  return deleted !== undefined && deleted !== null && deleted !== false;
}
