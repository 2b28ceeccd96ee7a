/**
 * The parts of Auth0 Lock 14's API that @assent/lock reads or writes, as structural types, so
 * `withConsent` and `mountLock` do not depend on Lock's global type declarations (only
 * `<assent-lock>`'s `options` use them). Lock's own `Auth0LockConstructorOptions` and
 * `Auth0LockStatic` are assignable to these.
 */

/**
 * A validator of an extra field, as Lock documents it: the value is always a string (checkboxes
 * give "true"/"false"); `hint` is shown under the field when `valid` is false.
 */
export type LockFieldValidator = (value: string) => { valid: boolean; hint?: string | undefined };

/** One choice of a `select` field. */
export interface LockSelectOption {
  value: string;
  label: string;
}

/**
 * A callback that Lock calls with a function to hand it a value later (`prefill`, `options`). The
 * error is whatever your code has (Lock's declarations call it `Auth0Error`), or null.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Lock types the error as auth0-js's Auth0Error; any keeps both sides assignable
export type LockAsyncValue<T> = (callback: (error: any, value: T) => void) => void;

interface LockFieldBase {
  /** `^[a-zA-Z0-9_]+$`, not email/username/password: Lock drops any other with a console warning. */
  readonly name: string;
  /** `'root'` sends the value as a root signup field instead of `user_metadata`. */
  readonly storage?: 'root' | undefined;
}

/** A text input (the default `type`). */
export interface LockTextSignUpField extends LockFieldBase {
  readonly type?: 'text' | undefined;
  /** Plain text (React text). */
  readonly placeholder: string;
  /** Raw, unsanitised HTML: never set from untrusted text. @assent/lock never uses it. */
  readonly placeholderHTML?: string | undefined;
  readonly icon?: string | undefined;
  readonly prefill?: string | LockAsyncValue<string> | undefined;
  readonly validator?: LockFieldValidator | undefined;
  readonly options?: LockSelectOption[] | LockAsyncValue<LockSelectOption[]> | undefined;
}

/** A drop-down of `options` (`type: 'select'`). */
export interface LockSelectSignUpField extends LockFieldBase {
  readonly type?: 'select' | undefined;
  readonly placeholder: string;
  readonly icon?: string | undefined;
  readonly prefill?: string | LockAsyncValue<string> | undefined;
  readonly validator?: LockFieldValidator | undefined;
  readonly options?: LockSelectOption[] | LockAsyncValue<LockSelectOption[]> | undefined;
}

/** A checkbox (`type: 'checkbox'`): its value is "true" or "false". */
export interface LockCheckboxSignUpField extends LockFieldBase {
  readonly type?: 'checkbox' | undefined;
  /** Plain text (React text): the label. */
  readonly placeholder: string;
  /** Raw, unsanitised HTML: never set from untrusted text. @assent/lock never uses it. */
  readonly placeholderHTML?: string | undefined;
  readonly icon?: string | undefined;
  readonly prefill: 'true' | 'false';
  readonly validator?: LockFieldValidator | undefined;
}

/** A hidden field (`type: 'hidden'`): sent as it is (`value` must not be empty). */
export interface LockHiddenSignUpField extends LockFieldBase {
  readonly type?: 'hidden' | undefined;
  readonly value: string;
}

/**
 * One entry of Lock's `additionalSignUpFields`, shaped like auth0-lock's own
 * `Auth0LockAdditionalSignUpField` (where `type` is optional too, and tells Lock which kind it is),
 * so that arrays of either are assignable to the other.
 */
export type LockSignUpField = LockTextSignUpField | LockSelectSignUpField | LockCheckboxSignUpField | LockHiddenSignUpField;

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
