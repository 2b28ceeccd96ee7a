/**
 * The typed errors of @assent/server. A request that fails answers JSON `{ error, message, field? }`
 * with the status of the `ApiError`; `error` is a stable code for programs, `message` names the
 * problem for people, `field` the path of the input at fault (`decision.purposes[1]`).
 */

/** Stable codes of error answers. */
export type ApiErrorCode =
  | 'invalid_token'
  | 'insufficient_scope'
  | 'invalid_request'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'not_found'
  | 'method_not_allowed'
  | 'policy_mismatch'
  | 'decision_mismatch'
  | 'no_consent'
  | 'conflict'
  | 'account_deleted'
  | 'user_not_found'
  | 'erase_not_configured'
  | 'withdrawal_log_failed'
  | 'withdrawal_log_timeout'
  | 'withdrawal_log_unavailable'
  | 'user_busy'
  | 'upstream_rate_limited'
  | 'upstream_error'
  | 'server_error';

/** An error answer: HTTP status, code, message, the field at fault and extra headers. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly field?: string;
  readonly headers: Readonly<Record<string, string>>;
  constructor(status: number, code: ApiErrorCode, message: string, options: { field?: string; headers?: Record<string, string>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.code = code;
    if (options.field !== undefined) this.field = options.field;
    this.headers = options.headers ?? {};
  }
  override get name(): string {
    return 'ApiError';
  }
  /** The JSON body of the answer. */
  toJSON(): { error: ApiErrorCode; message: string; field?: string } {
    return { error: this.code, message: this.message, ...(this.field === undefined ? {} : { field: this.field }) };
  }
}

/** 400 invalid_request naming the field. */
export function invalidRequest(field: string, message: string): ApiError {
  return new ApiError(400, 'invalid_request', `${field}: ${message}`, { field });
}

/** 401 with the RFC 6750 challenge, so clients know to fetch a new token. */
export function invalidToken(message: string): ApiError {
  const description = message.replace(/["\\]/g, "'");
  return new ApiError(401, 'invalid_token', message, { headers: { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description}"` } });
}

/** The configuration given to `createConsentHandler` (or the CLI) is unusable; `path` names the option. */
export class ConfigError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.path = path;
  }
  override get name(): string {
    return 'ConfigError';
  }
}
