/**
 * The withdrawal log as an append-only JSON Lines file: one record per line, appended with
 * `O_APPEND`, flushed to disk (fsync) before `append` resolves, so a record the handler relied on
 * to delete a user survives a crash. Appends of one process are queued, so lines never interleave.
 *
 * The file holds who withdrew and when: it is created readable by its owner only (0600), an
 * existing file with looser permissions is tightened to 0600 on the next append, and a symbolic
 * link at the path is refused (`O_NOFOLLOW`), so the records cannot be redirected to another file.
 */
import { constants } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { WithdrawalLog, WithdrawalRecord } from '../consent/withdrawal-log.js';

/** The withdrawal log file cannot be used as it is (a symbolic link at its path). */
export class WithdrawalLogFileError extends Error {
  readonly path: string;
  constructor(path: string, message: string, options?: ErrorOptions) {
    super(`${path}: ${message}`, options);
    this.path = path;
  }
  override get name(): string {
    return 'WithdrawalLogFileError';
  }
}

const FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0);

/** A `WithdrawalLog` writing to `path` (created with its directory when missing; existing lines are kept). */
export function jsonLinesWithdrawalLog(path: string): WithdrawalLog {
  let queue: Promise<unknown> = Promise.resolve();
  const write = async (record: WithdrawalRecord) => {
    await mkdir(dirname(path), { recursive: true });
    let file;
    try {
      file = await open(path, FLAGS, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
        throw new WithdrawalLogFileError(path, 'is a symbolic link; the withdrawal log must be a regular file at this path (links are refused so the records cannot be redirected)', { cause: error });
      }
      throw error;
    }
    try {
      if (((await file.stat()).mode & 0o077) !== 0) await file.chmod(0o600);
      await file.appendFile(`${JSON.stringify(record)}\n`, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
  };
  return {
    append(record) {
      const result = queue.then(() => write(record));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
