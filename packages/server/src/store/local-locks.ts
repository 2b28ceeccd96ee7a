/**
 * Per-user locks inside one process, with a bounded wait: what the file and SQLite stores offer
 * (one host, one process writing), and the first of the two locks the handler takes with
 * PostgreSQL (so a process never holds more database connections than users it is working for).
 */
import { WithdrawalStoreError, type UserLockHandle } from '../consent/withdrawal-log.js';

interface Waiter {
  grant(): void;
}

interface Entry {
  readonly waiters: Waiter[];
}

/** Locks by user id; `acquire` waits at most `timeoutMs` for the holder(s) before it. */
export class LocalUserLocks {
  readonly #held = new Map<string, Entry>();
  readonly #backend: string;

  /** @param backend named in the timeout error. */
  constructor(backend = 'local') {
    this.#backend = backend;
  }

  /** Users whose lock is held right now (for tests and diagnostics). */
  get size(): number {
    return this.#held.size;
  }

  /**
   * Waits for the lock of `userId`; requests of one user are granted in the order they asked.
   * @throws WithdrawalStoreError `lock_timeout` when it was not granted within `timeoutMs`.
   */
  acquire(userId: string, timeoutMs: number): Promise<UserLockHandle> {
    const entry = this.#held.get(userId);
    if (!entry) {
      this.#held.set(userId, { waiters: [] });
      return Promise.resolve(this.#handle(userId));
    }
    return new Promise<UserLockHandle>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve(this.#handle(userId));
        },
      };
      const timer = setTimeout(() => {
        const index = entry.waiters.indexOf(waiter);
        if (index >= 0) entry.waiters.splice(index, 1);
        reject(new WithdrawalStoreError(this.#backend, 'lock_timeout', `the write lock of user ${JSON.stringify(userId)} was not free within ${timeoutMs} ms`));
      }, timeoutMs);
      entry.waiters.push(waiter);
    });
  }

  #handle(userId: string): UserLockHandle {
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        const entry = this.#held.get(userId);
        const next = entry?.waiters.shift();
        if (next) next.grant();
        else this.#held.delete(userId);
      },
    };
  }
}
