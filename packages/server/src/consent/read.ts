/**
 * A user's consent as the handler sees it, through core's own reader: the app_metadata copy
 * (authoritative, written here and by the post-login Action), the user_metadata copy (written with
 * the user's token), or the signup fields, and the state against the current policy.
 */
import { DecodeError, consentState, readConsentCopy, signupConsentObject, type ConsentObject, type ConsentPolicy, type ConsentState } from '@assent/core';
import { ApiError } from '../errors.js';
import type { DirectoryUser } from '../management/directory.js';

/** The decoded copies of one user and the state they give. */
export interface UserConsent {
  readonly app: ConsentObject | null;
  readonly user: ConsentObject | null;
  readonly state: ConsentState;
}

/**
 * Reads the consent copies of `user`. A copy that does not decode is reported as 502: the stored
 * data is broken, and the handler must not overwrite what it cannot read.
 */
export async function readUserConsent(user: DirectoryUser, policy: ConsentPolicy): Promise<UserConsent> {
  try {
    const app = readConsentCopy(user, 'app_metadata');
    const stored = readConsentCopy(user, 'user_metadata');
    const fromSignup = stored === null ? await signupConsentObject(user.user_metadata, policy) : null;
    const copy = stored ?? fromSignup;
    return { app, user: copy, state: consentState({ app, user: copy, fromSignup: fromSignup !== null }, policy) };
  } catch (error) {
    if (error instanceof DecodeError) {
      throw new ApiError(502, 'upstream_error', `The stored consent of this user is unreadable (${error.path}: ${error.code}); nothing was changed`, { cause: error });
    }
    throw error;
  }
}

/** Whether the account was flagged as deleted (flag mode, or by an administrator). */
export function isFlaggedDeleted(user: DirectoryUser): boolean {
  const deleted = user.app_metadata?.deleted;
  return deleted !== undefined && deleted !== null && deleted !== false;
}
