/// <reference types="auth0-lock" preserve="true" />
// The element's options are Lock's own options type, so a consumer gets a type error for an option
// Lock does not have or a value of the wrong type. Lock's declarations are global interfaces (a
// `declare module` script), hence the reference rather than an import.

/**
 * The Lock options of `<assent-lock>`: auth0-lock's own `Auth0LockConstructorOptions` (from the
 * declarations auth0-lock ships), except `container`, which the element sets. The arrays may be
 * readonly (`as const`, or `LockOptions` from `withConsent`): the element never changes them.
 */
export type AssentLockOptions = Omit<Auth0LockConstructorOptions, 'container' | 'additionalSignUpFields' | 'allowedConnections'> & {
  /** Lock's extra signup fields (`Auth0LockAdditionalSignUpField`). */
  readonly additionalSignUpFields?: readonly Auth0LockAdditionalSignUpField[] | undefined;
  /** The connections Lock offers, by name. */
  readonly allowedConnections?: readonly string[] | undefined;
};
