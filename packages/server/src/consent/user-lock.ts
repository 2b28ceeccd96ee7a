/**
 * One write at a time per user within this process. Auth0 replaces nested metadata objects whole
 * and offers no compare-and-swap, so two requests of one user that read, change and write
 * `app_metadata.consent` at the same time could lose an event; here they queue instead. Across
 * several server instances the write is also checked by reading it back (see write.ts).
 */
export class UserLocks {
  readonly #tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after every earlier task of `userId` has settled. */
  run<T>(userId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(userId) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(userId, tail);
    void tail.then(() => {
      if (this.#tails.get(userId) === tail) this.#tails.delete(userId);
    });
    return result;
  }
}
