import type { ConsentDecision } from '@assent/core';

/** `detail` of `assent-lock-signup-success`. */
export interface AssentLockSignupSuccessDetail {
  /** What the user decided, read back from the fields Lock sent (verifiable with core's `verifyDecision`). */
  readonly decision: ConsentDecision;
  /** Lock's signup result (auth0-js, camelCased: `{ Id, email, emailVerified }`). */
  readonly result: unknown;
}

/** `detail` of `assent-lock-signup-error`. */
export interface AssentLockSignupErrorDetail {
  /** What the user had decided when Sign Up was clicked (nothing was stored). */
  readonly decision: ConsentDecision | null;
  /** Lock's error: `{ code, description, statusCode, policy?, name? }`. */
  readonly error: unknown;
}

/** `detail` of `assent-lock-authenticated`. */
export interface AssentLockAuthenticatedDetail {
  /** The decision of the signup this login follows in the same page, else null (a plain login, or after a redirect). */
  readonly decision: ConsentDecision | null;
  /** Lock's `authenticated` result: `{ accessToken, idToken, idTokenPayload, ... }`. */
  readonly authResult: unknown;
}

/** `detail` of `assent-lock-error`. */
export interface AssentLockErrorDetail {
  /** A `LockConfigError`, `PolicyError` or `EncodingError`, or Lock's `unrecoverable_error` / `authorization_error` payload. */
  readonly error: unknown;
}

/**
 * The events `mountLock` fires on its container and `<assent-lock>` on itself (bubbling, composed),
 * by name: `addEventListener` types `event.detail` from it, on any element.
 */
export interface AssentLockEventMap {
  'assent-lock-signup-success': CustomEvent<AssentLockSignupSuccessDetail>;
  'assent-lock-signup-error': CustomEvent<AssentLockSignupErrorDetail>;
  'assent-lock-authenticated': CustomEvent<AssentLockAuthenticatedDetail>;
  'assent-lock-error': CustomEvent<AssentLockErrorDetail>;
}

declare global {
  // HTMLElement's listeners read GlobalEventHandlersEventMap; a plain Element's (what
  // document.querySelector('#id') returns, and mountLock accepts) read ElementEventMap.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends AssentLockEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ElementEventMap extends AssentLockEventMap {}
}
