/**
 * Where delete mode keeps the proof of a withdrawal once the user is gone. The handler appends one
 * record BEFORE it deletes the user and deletes nothing if the append fails, so a deleted user's
 * withdrawal is always on record. The stores (a JSON Lines file, SQLite, PostgreSQL) implement
 * `WithdrawalStore`, which also holds the per-user write lock; see src/store/.
 */
import type { ConsentObject } from '@assent/core';
import { ApiError } from '../errors.js';

/** One withdrawal with erasure, as kept after the user is deleted. */
export interface WithdrawalRecord {
  readonly type: 'assent-withdrawal';
  /** Format version of the record. */
  readonly format: 1;
  /** Id of the withdrawal event (also the last entry of `consent.history`): a retried request repeats it. */
  readonly event_id: string;
  /** Server time of the withdrawal, ISO 8601 UTC. */
  readonly at: string;
  readonly user_id: string;
  /**
   * SHA-256 (hex) of the lower-cased email: lets the controller answer "did this address withdraw?"
   * without keeping the address of an erased user.
   */
  readonly email_sha256: string | null;
  readonly erase: 'delete';
  /** Purposes withdrawn by this request. */
  readonly purposes: readonly string[];
  /** `policy@version` of the consent withdrawn. */
  readonly policy: string | null;
  /** The consent object after the withdrawal, with its history: the evidence of what was given and withdrawn. */
  readonly consent: ConsentObject | null;
}

/**
 * The smallest withdrawal log: something records can be appended to. `append` resolves only once
 * the record is durable, and rejects when it is not. A retried request appends the same `event_id`
 * again; a `WithdrawalStore` keeps it once (its `append` answers `false` the second time).
 */
export interface WithdrawalLog {
  append(record: WithdrawalRecord): Promise<unknown>;
}

/** A held per-user lock: `release` lets the next request of the user go on (calling it twice is harmless). */
export interface UserLockHandle {
  release(): Promise<void>;
}

/**
 * The withdrawal log and the per-user write lock of the consent handler, behind one interface, so
 * the evidence and the serialisation live where the deployment needs them (a file on one host, a
 * SQLite file, PostgreSQL for several instances). Open one with `openWithdrawalStore(url)`
 * (`@assent/server/node`) or give `createConsentHandler` the URL as `withdrawalLog`.
 */
export interface WithdrawalStore extends WithdrawalLog {
  /** `file`, `sqlite` or `postgres` (or your own backend's name). */
  readonly backend: string;
  /**
   * Commits `record` durably. Once per `event_id`: resolves `true` when it wrote the record,
   * `false` when a record with that event id was already there (nothing written).
   * @throws WithdrawalStoreError `unavailable` when the store cannot be reached.
   */
  append(record: WithdrawalRecord): Promise<boolean>;
  /** Every record, oldest first (the order they were committed in). */
  records(): AsyncIterable<WithdrawalRecord>;
  /**
   * Takes the write lock of `userId`, waiting at most `timeoutMs`. Two holders of one store (or, for
   * PostgreSQL, of two stores on one database) never hold the same user's lock at once.
   * @throws WithdrawalStoreError `lock_timeout` after `timeoutMs`, `unavailable` when the store cannot be reached.
   */
  lockUser(userId: string, timeoutMs: number): Promise<UserLockHandle>;
  /** Closes files and connections. */
  close(): Promise<void>;
}

/** Why a withdrawal store failed. */
export type WithdrawalStoreErrorCode = 'unavailable' | 'lock_timeout' | 'missing_driver' | 'unsupported_schema' | 'invalid_record' | 'unreadable';

/** A withdrawal store failed; `code` says how, `backend` which store. */
export class WithdrawalStoreError extends Error {
  readonly code: WithdrawalStoreErrorCode;
  readonly backend: string;
  constructor(backend: string, code: WithdrawalStoreErrorCode, message: string, options?: ErrorOptions) {
    super(`${backend} withdrawal log: ${message}`, options);
    this.code = code;
    this.backend = backend;
  }
  override get name(): string {
    return 'WithdrawalStoreError';
  }
}

/** Whether `log` is a full `WithdrawalStore` (records and locks), not only something to append to. */
export function isWithdrawalStore(log: WithdrawalLog): log is WithdrawalStore {
  const candidate = log as Partial<WithdrawalStore>;
  return typeof candidate.records === 'function' && typeof candidate.lockUser === 'function';
}

/** 503 `withdrawal_log_unavailable`: the store cannot be reached, so nothing was deleted. */
export function logUnavailable(error: unknown): ApiError {
  return new ApiError(503, 'withdrawal_log_unavailable', 'The withdrawal log cannot be reached, so the account was not deleted: try again later', { headers: { 'Retry-After': '5' }, cause: error });
}

/**
 * Appends `record`, waiting at most `timeoutMs`.
 * @throws ApiError 500 `withdrawal_log_failed` when the append rejects, 503 `withdrawal_log_unavailable`
 *   when the store cannot be reached, 503 `withdrawal_log_timeout` (with Retry-After) when it has not
 *   settled in time. Either way nothing may be deleted.
 */
export async function appendWithTimeout(log: WithdrawalLog, record: WithdrawalRecord, timeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  let outcome: 'timeout' | 'appended';
  try {
    outcome = await Promise.race([log.append(record).then(() => 'appended' as const), expired]);
  } catch (error) {
    if (error instanceof WithdrawalStoreError && error.code === 'unavailable') throw logUnavailable(error);
    throw new ApiError(500, 'withdrawal_log_failed', 'The withdrawal could not be recorded, so the account was not deleted', { cause: error });
  } finally {
    clearTimeout(timer);
  }
  if (outcome === 'timeout') {
    throw new ApiError(503, 'withdrawal_log_timeout', `The withdrawal log did not confirm the record within ${timeoutMs} ms, so the account was not deleted: try again`, {
      headers: { 'Retry-After': '5' },
    });
  }
}
