/**
 * The withdrawal log as an append-only JSON Lines file: one record per line, appended with
 * `O_APPEND`, flushed to disk (fsync) before `append` resolves, so a record the handler relied on
 * to delete a user survives a crash. Appends of one process are queued, so lines never interleave.
 */
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { WithdrawalLog, WithdrawalRecord } from '../consent/withdrawal-log.js';

/** A `WithdrawalLog` writing to `path` (created with its directory when missing; existing lines are kept). */
export function jsonLinesWithdrawalLog(path: string): WithdrawalLog {
  let queue: Promise<unknown> = Promise.resolve();
  const write = async (record: WithdrawalRecord) => {
    await mkdir(dirname(path), { recursive: true });
    const file = await open(path, 'a', 0o600);
    try {
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
