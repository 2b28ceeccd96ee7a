/**
 * Reading Auth0's answers to POST /dbconnections/signup: the success body (`_id` | `id` |
 * `user_id`) and every documented error shape, normalised into one `SignupError` family:
 * - signup shape `{ name, code, description, statusCode, policy? }` (Auth0's fixtures, auth0-js's wrapper);
 * - OAuth shape `{ error, error_description }` (OpenAPI examples, rate limits);
 * - `{ error: "<message>" }` (metadata refused);
 * - anything else, by status (429, 5xx, other 4xx).
 */
import { SignupError, type SignupErrorCode, type SignupErrorDetails } from './errors.js';
import { rulesFromAuth0 } from './password-rules.js';
import type { HeadersLike, SignupResponse } from './transport.js';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/**
 * Milliseconds to wait after a 429: `Retry-After` in seconds or as an HTTP date, else
 * `X-RateLimit-Reset` (epoch seconds); undefined when neither is usable. Never negative.
 *
 * @example retryAfterMs(new Headers({ 'retry-after': '3' })) // 3000
 */
export function retryAfterMs(headers: HeadersLike, now: number = Date.now()): number | undefined {
  const after = headers.get('retry-after')?.trim();
  const wait = after ? (/^\d+(\.\d+)?$/.test(after) ? Number(after) * 1000 : Date.parse(after) - now) : NaN;
  if (wait === wait) return Math.max(0, Math.round(wait));
  const reset = headers.get('x-ratelimit-reset')?.trim();
  return reset && /^\d+$/.test(reset) ? Math.max(0, Number(reset) * 1000 - now) : undefined;
}

/**
 * The `SignupError` for an answer that is not a success. `previousAttemptUncertain`: an earlier
 * ambiguous attempt for the same email may have created the account (sets `mayAlreadyExist` on
 * `user_exists` / `username_exists`).
 */
export function signupErrorFromResponse({ status, headers, body }: SignupResponse, previousAttemptUncertain = false): SignupError {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const rawCode = text(fields.code) ?? text(fields.error) ?? text(fields.error_code) ?? '';
  // `{ error: "invalid user_metadata.x type ..." }`: the "code" is a sentence.
  const sentence = /\s/.test(rawCode) ? rawCode : undefined;
  const code = sentence ? '' : rawCode;
  const description = text(fields.description) ?? text(fields.error_description) ?? text(fields.message) ?? sentence;
  const about = `${text(fields.name) ?? ''} ${code} ${description ?? ''}`;
  const details: SignupErrorDetails = { status, body, ...(description && { description }) };
  const fail = (kind: SignupErrorCode, more: SignupErrorDetails = {}): SignupError => new SignupError(kind, { ...details, ...more });

  if (status === 429 || code === 'too_many_requests') {
    const wait = retryAfterMs(headers);
    return fail('rate_limited', wait === undefined ? {} : { retryAfterMs: wait });
  }
  if (status >= 500 || status < 400) return fail('server', { ambiguous: true });
  if (code === 'user_exists' || code === 'invalid_signup' || code === 'username_exists') {
    const username = code === 'username_exists';
    return fail(username ? 'username_exists' : 'user_exists', { field: username ? 'username' : 'email', mayAlreadyExist: previousAttemptUncertain });
  }
  if (code === 'password_leaked' || /PasswordLeaked/.test(about)) return fail('password_leaked', { field: 'password' });
  if (/PasswordDictionary|password_dictionary|too common/i.test(about)) return fail('password_dictionary', { field: 'password' });
  if (/PasswordNoUserInfo|password_no_user_info|user info/i.test(about)) return fail('password_no_user_info', { field: 'password' });
  if (code === 'invalid_password' || /PasswordStrength/.test(about)) {
    const described = fields.description as { rules?: unknown } | undefined;
    const policy = text(fields.policy);
    return fail('invalid_password', { field: 'password', rules: rulesFromAuth0(described?.rules), ...(policy && { policy }) });
  }
  if (code === 'bad.email' || (code === 'invalid_request' && /\bemail\b/i.test(description ?? ''))) return fail('invalid_email', { field: 'email' });
  if (code === 'bad.username' || (code === 'invalid_request' && /\busername\b/i.test(description ?? ''))) return fail('invalid_signup', { field: 'username' });
  if (code === 'operation_not_enabled' || code === 'extensibility_error') return fail('invalid_signup');
  return fail('bad_request');
}
