/**
 * The typed errors of consent after signup: a failed Management API request (`ManagementError`)
 * and concurrent writers that would not converge (`ConsentConflictError`).
 */
import { AssentError } from '../errors.js';
import type { ManagementErrorCode } from './types.js';

/** What a `ManagementError` carries besides its code. */
export interface ManagementErrorDetails {
  /** HTTP status of the answer; absent when none came. */
  readonly status?: number;
  /** The answer's body as received, for debugging: never show it to users. */
  readonly body?: unknown;
  /** Auth0's own text (`message`, `error_description`...). */
  readonly description?: string;
  /** Auth0's machine code when it gave one (`errorCode`: `insufficient_scope`, `unowned_resource`, `inexistent_user`...). */
  readonly auth0Code?: string;
  /** For `rate_limited`: milliseconds to wait, from Retry-After (seconds or HTTP date) or X-RateLimit-Reset. */
  readonly retryAfterMs?: number;
  /** The underlying error (a network `TypeError`, the abort reason). */
  readonly cause?: unknown;
}

const TRANSIENT: readonly ManagementErrorCode[] = ['network', 'timeout', 'rate_limited', 'server'];

/**
 * A Management API request failed.
 *
 * | code | when | transient |
 * |---|---|---|
 * | `network` | no answer: offline, connection refused or reset, CORS | yes |
 * | `timeout` | no answer within `timeoutMs` | yes |
 * | `rate_limited` | 429: wait `retryAfterMs` | yes |
 * | `server` | 5xx | yes |
 * | `aborted` | cancelled through the caller's signal | no |
 * | `unauthorized` | 401: token missing, expired, wrong audience or issuer | no |
 * | `forbidden` | 403: a scope is missing (`insufficient_scope`) or the token is another user's (`unowned_resource`) | no |
 * | `not_found` | 404: the user does not exist (deleted) | no |
 * | `bad_request` | other 4xx: the metadata was refused (size, names) | no |
 * | `invalid_response` | a success answer that is not a user | no |
 *
 * Transient failures keep the event in the outbox, to be sent again with backoff.
 */
export class ManagementError extends AssentError {
  declare readonly code: ManagementErrorCode;
  readonly status?: number;
  readonly body?: unknown;
  readonly description?: string;
  readonly auth0Code?: string;
  readonly retryAfterMs?: number;
  constructor(code: ManagementErrorCode, details: ManagementErrorDetails = {}) {
    super(code, `Management API request failed: ${code}${details.status ? ` (HTTP ${details.status})` : ''}${details.description ? `: ${details.description}` : ''}`);
    Object.assign(this, details);
  }
  /** Whether trying again later may succeed (`network`, `timeout`, `rate_limited`, `server`). */
  get transient(): boolean {
    return TRANSIENT.includes(this.code);
  }
  override get name(): string {
    return 'ManagementError';
  }
}

/**
 * Concurrent writers kept replacing the consent object, so these events were still missing after
 * the last re-read of a bounded number of attempts. Nothing is lost: the events stay in the outbox
 * and are sent again with backoff. Code `conflict`.
 */
export class ConsentConflictError extends AssentError {
  /** Ids of the events not (yet) stored. */
  readonly eventIds: readonly string[];
  /** Write attempts made. */
  readonly attempts: number;
  constructor(eventIds: readonly string[], attempts: number) {
    super('conflict', `Consent events ${eventIds.join(', ')} were overwritten by concurrent writers ${attempts} times; they stay queued and will be sent again`);
    this.eventIds = eventIds;
    this.attempts = attempts;
  }
  override get name(): string {
    return 'ConsentConflictError';
  }
}
