/**
 * The parts of Auth0 Lock 14's API that @assent/lock reads or writes, as structural types, so this
 * package's declarations do not depend on Lock's global type declarations. Lock's own
 * `Auth0LockConstructorOptions` and `Auth0LockStatic` are assignable to these.
 */

/** A validator of an extra field: the value is always a string (checkboxes give "true"/"false"). */
export type LockFieldValidator = (value: string) => boolean | { valid: boolean; hint?: string };

/** One entry of Lock's `additionalSignUpFields`. */
export interface LockSignUpField {
  /** `^[a-zA-Z0-9_]+$`, not email/username/password: Lock drops any other with a console warning. */
  readonly name: string;
  readonly type?: 'text' | 'select' | 'checkbox' | 'hidden' | undefined;
  /** Plain text (React text), required for every type but hidden. */
  readonly placeholder?: string | undefined;
  /** Raw, unsanitised HTML: never set from untrusted text. @assent/lock never uses it. */
  readonly placeholderHTML?: string | undefined;
  /** Value of a hidden field (must be truthy). */
  readonly value?: string | undefined;
  readonly prefill?: string | ((callback: (error: unknown, value: string) => void) => void) | undefined;
  readonly validator?: LockFieldValidator | undefined;
  /** `'root'` sends the value as a root signup field instead of `user_metadata`. */
  readonly storage?: 'root' | undefined;
  readonly icon?: string | undefined;
  readonly options?: unknown;
}

/** The Lock options @assent/lock reads or writes; every other option passes through untouched. */
export interface LockOptions {
  readonly additionalSignUpFields?: readonly LockSignUpField[] | undefined;
  readonly mustAcceptTerms?: boolean | undefined;
  readonly showTerms?: boolean | undefined;
  readonly allowSignUp?: boolean | undefined;
  readonly language?: string | undefined;
  // Lock types it as `any`: any object of strings (and nested groups) is accepted.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly languageDictionary?: any;
  /** Id of the element Lock renders into; `mountLock` sets it. */
  readonly container?: string | undefined;
}

/** A Lock instance, as `mountLock` uses it. */
export interface LockInstance {
  show(options?: object): void;
  hide(): void;
  on(event: string, callback: (...args: never[]) => void): void;
}

/** The `Auth0Lock` class (the named export of the `auth0-lock` module). */
export interface LockConstructor {
  new (clientId: string, domain: string, options?: object): LockInstance;
}
