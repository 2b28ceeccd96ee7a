/**
 * One write at a time per user. Auth0 replaces nested metadata objects whole and offers no
 * compare-and-swap, so two requests of one user that read, change and write `app_metadata.consent`
 * at the same time could lose an event; here they queue instead. Within the process they queue on
 * an in-process lock; with a withdrawal store whose lock spans processes (PostgreSQL), they then
 * take the store's lock too, so several server instances serialise on the same user. The write is
 * also checked by reading it back (see write.ts).
 */
import { WithdrawalStoreError, logUnavailable, type UserLockHandle, type WithdrawalStore } from './withdrawal-log.js';
import { ApiError } from '../errors.js';
import { LocalUserLocks } from '../store/local-locks.js';

/** Options of `UserLocks.run`. */
export interface RunOptions {
  /**
   * The task needs the store (delete mode): when the store cannot be reached, answer 503 rather
   * than go on. Without it, an unreachable store leaves the in-process lock and the read-back
   * check of write.ts, so flag mode and consent keep working while the database is down.
   */
  readonly needsStore?: boolean;
}

function busy(userId: string, cause: unknown): ApiError {
  return new ApiError(503, 'user_busy', 'Other requests of this user are still being written: try again', { headers: { 'Retry-After': '1' }, cause: Object.assign(cause as object, { userId }) });
}

export class UserLocks {
  readonly #local = new LocalUserLocks();
  readonly #store: WithdrawalStore | undefined;
  readonly #timeoutMs: number;
  readonly #onDegraded: (error: unknown) => void;

  /**
   * @param store whose lock is taken after the in-process one (none: in-process only).
   * @param timeoutMs longest wait for each lock.
   * @param onDegraded told when the store's lock could not be taken and the task went on without it.
   */
  constructor(store: WithdrawalStore | undefined, timeoutMs: number, onDegraded: (error: unknown) => void = () => undefined) {
    this.#store = store;
    this.#timeoutMs = timeoutMs;
    this.#onDegraded = onDegraded;
  }

  /**
   * Runs `task` holding the lock of `userId`.
   * @throws ApiError 503 `user_busy` when the lock was not free in time, 503
   *   `withdrawal_log_unavailable` when `needsStore` and the store cannot be reached.
   */
  async run<T>(userId: string, task: () => Promise<T>, options: RunOptions = {}): Promise<T> {
    let local: UserLockHandle;
    try {
      local = await this.#local.acquire(userId, this.#timeoutMs);
    } catch (error) {
      throw busy(userId, error);
    }
    try {
      let shared: UserLockHandle | undefined;
      if (this.#store) {
        try {
          shared = await this.#store.lockUser(userId, this.#timeoutMs);
        } catch (error) {
          if (!(error instanceof WithdrawalStoreError)) throw error;
          if (error.code === 'lock_timeout') throw busy(userId, error);
          if (error.code !== 'unavailable' || options.needsStore) throw logUnavailable(error);
          this.#onDegraded(error);
        }
      }
      try {
        return await task();
      } finally {
        await shared?.release().catch((error: unknown) => this.#onDegraded(error));
      }
    } finally {
      await local.release();
    }
  }
}
