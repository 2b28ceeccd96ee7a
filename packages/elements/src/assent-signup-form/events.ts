// The events of <assent-signup-form> and their details.
import type { ConsentDecision } from '@assent/core';

/** `detail` of the `assent-signup-success` event. */
export interface AssentSignupSuccessDetail {
  /** Auth0's id of the new user, `auth0|…`. */
  readonly userId: string;
  readonly email: string;
  /** The consent decision recorded with the user (verifiable with core's `verifyDecision`). */
  readonly decision: ConsentDecision;
}

/** `detail` of the `assent-signup-error` event. */
export interface AssentSignupErrorDetail {
  /** A `SignupError` (Auth0 refused, or no answer: see its `code`) or a `SignupInputError` (refused before sending). */
  readonly error: Error;
}

/** The events of `<assent-signup-form>`, for typed `addEventListener` calls on the element. */
export interface AssentSignupFormEventMap extends Omit<HTMLElementEventMap, 'assent-signup-success' | 'assent-signup-error'> {
  'assent-signup-success': CustomEvent<AssentSignupSuccessDetail>;
  'assent-signup-error': CustomEvent<AssentSignupErrorDetail>;
}
