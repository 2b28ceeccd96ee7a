/**
 * The typed errors of the signup SDK: a bad configuration (`AssentConfigError`), bad input refused
 * before anything is sent (`SignupInputError`), and every way a signup request can fail
 * (`SignupError`, one family normalised from every documented Auth0 answer).
 */
import { AssentError } from '../errors.js';

/** An option of `createAssent` or of a transport is missing or invalid. Code `invalid_option`; `option` names it. */
export class AssentConfigError extends AssentError {
  /** The option at fault: `domain`, `clientId`, `policy`, `webAuth`... */
  readonly option: string;
  constructor(option: string, message: string, cause?: unknown) {
    super('invalid_option', `${option}: ${message}`);
    this.option = option;
    if (cause !== undefined) this.cause = cause;
  }
  override get name(): string {
    return 'AssentConfigError';
  }
}

/**
 * Signup input refused before anything was sent. `field` is the path in the input: `email`,
 * `password`, `username`, `rootFields.picture`, `metadata.plan`, `metadata` (the whole object).
 *
 * Codes: `missing`, `not_a_string`, `not_an_object`, `invalid_email`, `invalid_username`,
 * `too_long`, `invalid_url`, `unknown_field`, and for metadata the `EncodingError` codes
 * (`invalid_field_name`, `field_collision`, `value_too_long`, `too_many_fields`).
 */
export class SignupInputError extends AssentError {
  readonly field: string;
  constructor(code: string, field: string, message: string, cause?: unknown) {
    super(code, `${field}: ${message}`);
    this.field = field;
    if (cause !== undefined) this.cause = cause;
  }
  override get name(): string {
    return 'SignupInputError';
  }
}

/**
 * Why a signup failed.
 *
 * | code | when | ambiguous |
 * |---|---|---|
 * | `user_exists` | the email is taken (400 `invalid_signup`, 409 `user_exists`, any body shape) | no |
 * | `username_exists` | the username is taken (409 `username_exists`) | no |
 * | `invalid_password` | too weak for the connection's policy: see `rules` and `policy` | no |
 * | `password_leaked` | found in a data breach | no |
 * | `password_dictionary` | too common | no |
 * | `password_no_user_info` | contains the user's name, username or email | no |
 * | `invalid_email` | Auth0 refused the email address | no |
 * | `invalid_signup` | refused otherwise: signup disabled, username invalid, an Action denied it | no |
 * | `bad_request` | any other 4xx: metadata refused, unknown client or connection, origin not allowed | no |
 * | `rate_limited` | 429: wait `retryAfterMs` (when the server said) | no |
 * | `network` | no answer: offline, connection refused or reset, CORS | yes, unless offline before sending |
 * | `timeout` | no answer within `timeoutMs` | yes |
 * | `aborted` | cancelled through the caller's signal | yes, unless cancelled before sending |
 * | `server` | 5xx, or a success answer without a user id | yes |
 *
 * Ambiguous failures may have created the account: they are never retried automatically.
 */
export type SignupErrorCode =
  | 'user_exists'
  | 'username_exists'
  | 'invalid_password'
  | 'password_leaked'
  | 'password_dictionary'
  | 'password_no_user_info'
  | 'invalid_email'
  | 'invalid_signup'
  | 'bad_request'
  | 'rate_limited'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'server';

/**
 * One password rule and whether a password meets it, as Auth0's PasswordStrengthError lists them
 * (codes `nonEmpty`, `lengthAtLeast`, `containsAtLeast` and `shouldContain` with `items`
 * `lowerCase`/`upperCase`/`numbers`/`specialCharacters`, `identicalChars`; `noPersonalInfo` from
 * `passwordRules` only). `message` is the English text with its values filled in; `params` are
 * those values, for a translation of the message key `password.<code>`.
 */
export interface PasswordRule {
  readonly code: string;
  readonly message: string;
  readonly verified: boolean;
  /** Values of the message's placeholders: `count` (lengthAtLeast, containsAtLeast), `total` (containsAtLeast), `max` and `example` (identicalChars). */
  readonly params?: Readonly<Record<string, string>>;
  /** The character kinds of `containsAtLeast` and `shouldContain`, each with its own `verified`. */
  readonly items?: readonly PasswordRule[];
}

/** What a `SignupError` carries besides its code. */
export interface SignupErrorDetails {
  /** HTTP status of the answer; absent when none came. */
  readonly status?: number;
  /** The answer's body as received (parsed JSON, or text), for debugging: never show it to users. */
  readonly body?: unknown;
  /** Auth0's own description of the error, when it gave a text. */
  readonly description?: string;
  /** The request may have created the account (no answer, or a 5xx). */
  readonly ambiguous?: boolean;
  /**
   * For `user_exists` / `username_exists`: another attempt of this client for the same email may
   * have created the account (it got no answer or a 5xx, is still in flight, or succeeded), so the
   * existing account may be the user's own: say so rather than "this email is taken".
   */
  readonly mayAlreadyExist?: boolean;
  /** For `invalid_password`: every rule of the connection's policy and whether the password met it. */
  readonly rules?: readonly PasswordRule[];
  /** For `invalid_password`: Auth0's text of the whole policy ("* At least 8 characters in length..."). */
  readonly policy?: string;
  /** For `rate_limited`: milliseconds to wait, from Retry-After (seconds or HTTP date) or X-RateLimit-Reset. */
  readonly retryAfterMs?: number;
  /** The input field the error is about, for a message beside it. */
  readonly field?: 'email' | 'password' | 'username';
  /** The underlying error (a network `TypeError`, the abort reason). */
  readonly cause?: unknown;
}

/** A signup request failed. `code` says why (see `SignupErrorCode`); the other fields say more. */
export class SignupError extends AssentError implements SignupErrorDetails {
  declare readonly code: SignupErrorCode;
  readonly status?: number;
  readonly body?: unknown;
  readonly description?: string;
  readonly ambiguous: boolean;
  readonly mayAlreadyExist: boolean;
  readonly rules?: readonly PasswordRule[];
  readonly policy?: string;
  readonly retryAfterMs?: number;
  readonly field?: 'email' | 'password' | 'username';
  constructor(code: SignupErrorCode, details: SignupErrorDetails = {}) {
    super(code, `Signup failed: ${code}${details.status ? ` (HTTP ${details.status})` : ''}${details.description ? `: ${details.description}` : ''}`);
    Object.assign(this, details);
    this.ambiguous = !!details.ambiguous;
    this.mayAlreadyExist = !!details.mayAlreadyExist;
  }
  override get name(): string {
    return 'SignupError';
  }
}
