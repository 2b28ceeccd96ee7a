import type { PolicyIssueCode } from './policy-checks.dev.js';

export type { PolicyIssueCode };

/**
 * Typed errors of Assent. Every failure of a public entry point is one of these, with a stable
 * `code` for programs and a message that names the field at fault for people.
 *
 * `name` is a prototype getter rather than an assignment so it survives minification (class names
 * are mangled) and is already right when the engine formats `err.stack`.
 */

/** Base class of every error Assent throws on purpose. */
export class AssentError extends Error {
  /** Stable, machine-readable reason, e.g. `invalid_policy`, `value_too_long`. */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
  override get name(): string {
    return 'AssentError';
  }
}

/**
 * One problem found in a consent policy: the field path (`purposes[1].id`), the rule broken as a
 * stable code (`pattern`, `duplicate`, `noRequired`...; the same in every build) and what is wrong
 * in words (a sentence in development builds, `is invalid (<code>)` in production ones).
 */
export interface PolicyIssue {
  readonly path: string;
  readonly code: PolicyIssueCode;
  readonly message: string;
}

/** The consent policy is invalid. `issues` lists every problem found, not just the first. Code: `invalid_policy`. */
export class PolicyError extends AssentError {
  readonly issues: readonly PolicyIssue[];
  constructor(issues: readonly PolicyIssue[]) {
    super('invalid_policy', 'Invalid consent policy:\n' + issues.map((i) => `- ${i.path || '(root)'}: ${i.message}`).join('\n'));
    this.issues = issues;
  }
  override get name(): string {
    return 'PolicyError';
  }
}

/**
 * A decision cannot be encoded for Auth0 (codes `too_many_fields`, `value_too_long`,
 * `not_a_string`, `invalid_field_name`, `field_collision`, `invalid_decision`).
 * `field` names the metadata property at fault.
 */
export class EncodingError extends AssentError {
  readonly field: string;
  constructor(code: string, field: string, message: string) {
    super(code, `${field}: ${message}`);
    this.field = field;
  }
  override get name(): string {
    return 'EncodingError';
  }
}

/**
 * Stored or received consent data cannot be read (codes `missing_field`, `malformed`, `tampered`,
 * `too_large`, `in_future`). `path` names the field at fault (`consent_hash`, `history[2].at`).
 */
export class DecodeError extends AssentError {
  readonly path: string;
  constructor(code: string, path: string, message: string) {
    super(code, `${path || '(root)'}: ${message}`);
    this.path = path;
  }
  override get name(): string {
    return 'DecodeError';
  }
}

/**
 * A decision or consent event contradicts its policy (codes `required_purpose_missing`,
 * `unknown_purpose`, `duplicate_purpose`, `invalid_locale`, `invalid_date`, `policy_mismatch`,
 * `invalid_event`).
 */
export class DecisionError extends AssentError {
  override get name(): string {
    return 'DecisionError';
  }
}
