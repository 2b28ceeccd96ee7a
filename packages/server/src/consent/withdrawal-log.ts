/**
 * Where delete mode keeps the proof of a withdrawal once the user is gone. The handler appends one
 * record BEFORE it deletes the user and deletes nothing if the append fails, so a deleted user's
 * withdrawal is always on record. `jsonLinesWithdrawalLog(path)` in `@assent/server/node` is an
 * append-only JSON Lines file (fsync'ed); any other store works through this interface.
 */
import type { ConsentObject } from '@assent/core';

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

/** An append-only store of withdrawal records. `append` resolves only once the record is durable. */
export interface WithdrawalLog {
  append(record: WithdrawalRecord): Promise<void>;
}
