/**
 * One change of the demo tenant at a time: two quick clicks (or a click during "publish new terms")
 * must not interleave their Management API reads and writes. A failed run does not stop the next.
 */
export type Serial = <T>(run: () => Promise<T>) => Promise<T>;

export function serial(): Serial {
  let queue: Promise<unknown> = Promise.resolve();
  return (run) => {
    const next = queue.then(run);
    queue = next.catch(() => undefined);
    return next;
  };
}
