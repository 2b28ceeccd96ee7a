/**
 * Where delete mode keeps the proof of a withdrawal once the user is gone. The handler appends one
 * record BEFORE it deletes the user and deletes nothing if the append fails, so a deleted user's
 * withdrawal is always on record. `jsonLinesWithdrawalLog(path)` in `@assent/server/node` is an
 * append-only JSON Lines file (fsync'ed); any other store works through this interface.
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
 * An append-only store of withdrawal records. `append` resolves only once the record is durable,
 * and rejects when it is not. A record may be appended again with the same `event_id` when a
 * request is retried (after a timeout, say): read the log by `event_id`.
 */
export interface WithdrawalLog {
  append(record: WithdrawalRecord): Promise<void>;
}

/**
 * Appends `record`, waiting at most `timeoutMs`.
 * @throws ApiError 500 `withdrawal_log_failed` when the append rejects, 503 `withdrawal_log_timeout`
 *   (with Retry-After) when it has not settled in time. Either way nothing may be deleted.
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
    throw new ApiError(500, 'withdrawal_log_failed', 'The withdrawal could not be recorded, so the account was not deleted', { cause: error });
  } finally {
    clearTimeout(timer);
  }
  if (outcome === 'timeout') {
    throw new ApiError(503, 'withdrawal_log_timeout', `The withdrawal log did not confirm the record within ${timeoutMs} ms, so the account was not deleted: try again`, { headers: { 'Retry-After': '5' } });
  }
}
