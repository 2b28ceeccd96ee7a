/**
 * Auth0's error bodies. Three families exist and clients parse them differently:
 * - OAuth / Authentication API: `{ error, error_description }` (token, authorize, co/authenticate).
 * - Database signup: `{ name, code, description, statusCode }` (+ `message`, `policy` for passwords).
 * - Management API v2: `{ statusCode, error, message, errorCode? }`.
 * Handlers throw an HttpError; the app renders it as JSON with its status and headers.
 */

/** An error answer: status, JSON body and optional headers. */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.message === 'string' ? body.message : typeof body.error_description === 'string' ? body.error_description : String(body.error ?? body.code ?? status));
  }
}

/** `{ error, error_description }`, the OAuth 2.0 / Authentication API shape. */
export function oauthError(status: number, error: string, description: string, headers?: Record<string, string>): HttpError {
  return new HttpError(status, { error, error_description: description }, headers);
}

/** The signup shape `{ name, code, description, statusCode }`. */
export function signupError(status: number, name: string, code: string, description: unknown, extra: Record<string, unknown> = {}): HttpError {
  return new HttpError(status, { name, code, description, ...extra, statusCode: status });
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The standard reason phrase of a status ("Not Found"). */
export function reasonPhrase(status: number): string {
  return REASONS[status] ?? (status >= 500 ? 'Internal Server Error' : 'Bad Request');
}

/** The Management API shape `{ statusCode, error, message, errorCode? }`. */
export function managementError(status: number, message: string, errorCode?: string, extra: Record<string, unknown> = {}): HttpError {
  return new HttpError(status, {
    statusCode: status,
    error: reasonPhrase(status),
    message,
    ...(errorCode === undefined ? {} : { errorCode }),
    ...extra,
  });
}

/** 401 from the Management API for a missing or rejected token (Auth0 repeats the message in `attributes`). */
export function managementUnauthorized(message: string): HttpError {
  return new HttpError(
    401,
    { statusCode: 401, error: 'Unauthorized', message, attributes: { error: message } },
    { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${message.replace(/"/g, "'")}"` },
  );
}

/** 403 insufficient_scope, listing the scopes any of which would have been enough. */
export function insufficientScope(anyOf: readonly string[]): HttpError {
  return managementError(403, `Insufficient scope, expected any of: ${anyOf.join(',')}`, 'insufficient_scope');
}

/** Which family of bodies a path answers with. */
export type ErrorFamily = 'management' | 'signup' | 'oauth';

export function errorFamily(path: string): ErrorFamily {
  if (path.startsWith('/api/v2/')) return 'management';
  if (path.startsWith('/dbconnections/')) return 'signup';
  return 'oauth';
}

/** A generic failure (injected fault or unexpected error) in the body family of `path`. */
export function failureFor(path: string, status: number, message: string, headers?: Record<string, string>): HttpError {
  const family = errorFamily(path);
  if (status === 429) {
    if (family === 'management') return new HttpError(429, { statusCode: 429, error: 'Too Many Requests', message: 'Global limit has been reached', errorCode: 'too_many_requests' }, headers);
    return new HttpError(429, { error: 'too_many_requests', error_description: 'Rate limit exceeded.' }, headers);
  }
  if (family === 'management') return new HttpError(status, { statusCode: status, error: reasonPhrase(status), message }, headers);
  const code = status >= 500 ? (status === 503 ? 'temporarily_unavailable' : 'server_error') : 'invalid_request';
  if (family === 'signup') return new HttpError(status, { name: status >= 500 ? 'Error' : 'BadRequestError', code, description: message, statusCode: status }, headers);
  return new HttpError(status, { error: code, error_description: message }, headers);
}
