/**
 * Atomic, ordered persistence of one JSON document.
 *
 * Every save writes a temporary file, fsyncs it, renames it over the target and fsyncs the
 * directory: a `kill -9` at any moment leaves either the previous or the new complete file, never a
 * torn one. Saves never interleave: while one write is on disk, later callers share ONE queued
 * write whose snapshot is taken when it starts, so it contains every change made before their call.
 * `save()` resolves only when such a write has reached the disk, which is what lets a route
 * acknowledge a change only once it is durable.
 */
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class AtomicJsonFile {
  private inFlight: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private counter = 0;

  constructor(
    /** Target file. */
    readonly path: string,
    /** Produces the document to write; called when a write starts. */
    private readonly snapshot: () => unknown,
  ) {}

  /** Resolves once a write that includes every change made before this call is on disk. */
  save(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.inFlight) return this.start();
    const queued = this.inFlight
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    this.queued = queued;
    return queued;
  }

  /** Waits for every write in progress or queued. */
  async flush(): Promise<void> {
    while (this.inFlight || this.queued) {
      await (this.queued ?? this.inFlight)?.catch(() => undefined);
    }
  }

  /** Removes temporary files a killed process left behind (they are never the live state). */
  async removeStaleTemporaries(): Promise<void> {
    const dir = dirname(this.path);
    const prefix = `${basename(this.path)}.`;
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    await Promise.all(names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp')).map((name) => unlink(join(dir, name)).catch(() => undefined)));
  }

  private start(): Promise<void> {
    const text = JSON.stringify(this.snapshot());
    const write = this.writeAtomically(text).finally(() => {
      if (this.inFlight === write) this.inFlight = undefined;
    });
    this.inFlight = write;
    return write;
  }

  private async writeAtomically(text: string): Promise<void> {
    const temporary = `${this.path}.${process.pid}.${++this.counter}.tmp`;
    try {
      const file = await open(temporary, 'w', 0o600);
      try {
        await file.writeFile(text, 'utf8');
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, this.path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    // The rename is only durable once the directory entry is: fsync the directory too.
    const directory = await open(dirname(this.path), 'r');
    try {
      await directory.sync();
    } catch {
      // Some file systems refuse fsync on a directory; the rename is still atomic there.
    } finally {
      await directory.close();
    }
  }
}
