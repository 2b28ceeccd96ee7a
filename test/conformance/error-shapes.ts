/**
 * Auth0's documented error shapes (Auth0's docs, SDK fixtures and issues), as each real client exposes them.
 * Where Auth0's own material disagrees, every documented variant is accepted: the suite checks
 * that the emulator answers like Auth0, not like one reading of Auth0.
 *
 * auth0-js wraps an error answer as `{ original, statusCode, code, description, name?, policy? }`
 * (code = body.code || body.error, description = body.description || body.error_description ||
 * body.error); the page script hands Node the serialisable part as {@link Auth0JsError}.
 */
import assert from 'node:assert/strict';

/** The serialisable part of an auth0-js error, plus the raw response body. */
export interface Auth0JsError {
  readonly statusCode?: number;
  readonly code?: string | null;
  readonly description?: unknown;
  readonly name?: string;
  readonly policy?: string;
  /** `original.response.body`: the JSON the server sent. */
  readonly body?: unknown;
}

function describeError(error: Auth0JsError): string {
  return JSON.stringify(error);
}

/** Existing user: 400 invalid_signup "Invalid sign up" (fixtures), or 409 user_exists (docs page). */
export function expectExistingUser(error: Auth0JsError): void {
  const variant400 = error.statusCode === 400 && error.code === 'invalid_signup';
  const variant409 = error.statusCode === 409 && error.code === 'user_exists';
  assert.ok(variant400 || variant409, `not an existing-user error: ${describeError(error)}`);
  assert.equal(typeof error.description, 'string', 'description is the message text');
}

interface PasswordRule {
  message: string;
  code: string;
  verified: boolean;
  format?: unknown[];
}

/**
 * Weak password: 400 PasswordStrengthError, code invalid_password, description
 * `{ rules: [{message, format?, code, verified}], verified: false }` and the `policy` text.
 * @returns the rules, for checks of their content.
 */
export function expectPasswordStrengthError(error: Auth0JsError): PasswordRule[] {
  assert.equal(error.statusCode, 400, describeError(error));
  assert.equal(error.name, 'PasswordStrengthError', describeError(error));
  assert.equal(error.code, 'invalid_password');
  const description = error.description as { rules?: unknown; verified?: unknown };
  assert.equal(description.verified, false, 'description.verified is false');
  assert.ok(Array.isArray(description.rules) && description.rules.length > 0, 'description.rules is a non-empty list');
  const rules = description.rules as PasswordRule[];
  for (const rule of rules) {
    assert.equal(typeof rule.message, 'string', `rule.message: ${JSON.stringify(rule)}`);
    assert.equal(typeof rule.code, 'string', `rule.code: ${JSON.stringify(rule)}`);
    assert.equal(typeof rule.verified, 'boolean', `rule.verified: ${JSON.stringify(rule)}`);
    if (rule.format !== undefined) assert.ok(Array.isArray(rule.format), `rule.format is a list: ${JSON.stringify(rule)}`);
  }
  assert.ok(
    rules.some((rule) => !rule.verified),
    'at least one rule is not verified',
  );
  assert.equal(typeof error.policy, 'string', 'policy is the policy text');
  assert.match(error.policy!, /^\* /, 'policy is a bulleted text');
  return rules;
}

/** Password refused by a dictionary or personal-info check: 400, that error name, invalid_password. */
export function expectPasswordRuleError(error: Auth0JsError, name: 'PasswordDictionaryError' | 'PasswordNoUserInfoError'): void {
  assert.equal(error.statusCode, 400, describeError(error));
  assert.equal(error.name, name, describeError(error));
  assert.equal(error.code, 'invalid_password');
}

/** Breached password: 400 password_leaked. */
export function expectPasswordLeaked(error: Auth0JsError): void {
  assert.equal(error.statusCode, 400, describeError(error));
  assert.equal(error.code, 'password_leaked', describeError(error));
}

/**
 * Signup metadata refused: 400 whose message names `user_metadata.<field>` when a field is at
 * fault ("invalid user_metadata.<field> type (only strings are allowed)"), or user_metadata.
 */
export function expectMetadataRefused(error: Auth0JsError, messagePattern: RegExp): void {
  assert.equal(error.statusCode, 400, describeError(error));
  const text = `${String(error.code)} ${typeof error.description === 'string' ? error.description : JSON.stringify(error.description)}`;
  assert.match(text, messagePattern, describeError(error));
}

/** Unknown connection: 400 naming the connection (the exact body is not documented). */
export function expectUnknownConnection(error: Auth0JsError, connection: string): void {
  assert.equal(error.statusCode, 400, describeError(error));
  assert.ok(String(error.description).includes(connection) || /connection/i.test(String(error.description)), describeError(error));
}

/** Rate limit: 429 {error: "too_many_requests", error_description: "Rate limit exceeded."}. */
export function expectRateLimited(error: Auth0JsError): void {
  assert.equal(error.statusCode, 429, describeError(error));
  assert.equal(error.code, 'too_many_requests');
  assert.equal(error.description, 'Rate limit exceeded.');
}

/** Management API error body `{ statusCode, error, message, errorCode? }`. */
export interface ManagementErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errorCode?: string;
}

/** Checks the Management API body shape and status; returns it for content checks. */
export function expectManagementError(body: unknown, status: number): ManagementErrorBody {
  const value = body as ManagementErrorBody;
  assert.equal(typeof value, 'object', `not a Management API error body: ${JSON.stringify(body)}`);
  assert.equal(value.statusCode, status, JSON.stringify(body));
  assert.equal(typeof value.error, 'string', JSON.stringify(body));
  assert.equal(typeof value.message, 'string', JSON.stringify(body));
  return value;
}
