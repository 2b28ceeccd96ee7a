/**
 * Reading Management API answers: a user on success, otherwise one `ManagementError` normalised
 * from Auth0's error bodies (`{ statusCode, error, message, errorCode }`, and OAuth's
 * `{ error, error_description }` seen at gateways) and the status.
 */
import { retryAfterMs } from '../signup/response.js';
import { ManagementError } from './errors.js';
import type { ManagementErrorCode, ManagementResponse, ManagementUser } from './types.js';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

function codeFor(status: number): ManagementErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'server' : 'bad_request';
}

/**
 * The user of a successful answer.
 *
 * @throws {ManagementError} for any other status (see `ManagementErrorCode`), or `invalid_response`
 *   when a success answer is not a user object.
 */
export function userFromResponse(response: ManagementResponse, now: number = Date.now()): ManagementUser {
  const { status, headers, body } = response;
  const fields = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  if (status >= 200 && status < 300) {
    if (typeof fields.user_id === 'string' && fields.user_id) return fields as ManagementUser;
    throw new ManagementError('invalid_response', { status, body, description: 'The answer is not a user' });
  }
  const code = codeFor(status);
  const description = text(fields.message) ?? text(fields.error_description) ?? text(fields.description) ?? text(body);
  // `error` is the HTTP reason phrase in Management answers, the code only in OAuth's shape.
  const auth0Code = text(fields.errorCode) ?? (text(fields.error_description) ? text(fields.error) : undefined);
  const wait = code === 'rate_limited' ? retryAfterMs(headers, now) : undefined;
  throw new ManagementError(code, { status, body, ...(description && { description }), ...(auth0Code && { auth0Code }), ...(wait !== undefined && { retryAfterMs: wait }) });
}
