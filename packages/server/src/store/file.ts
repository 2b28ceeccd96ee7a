/**
 * The withdrawal log as an append-only JSON Lines file, for a single long-lived host: one record per
 * line, appended with `O_APPEND`, flushed to disk (fsync) before `append` resolves, so a record the
 * handler relied on to delete a user survives a crash. Appends of one store are queued, so lines
 * never interleave; the event ids already in the file are read once, so a retried withdrawal is not
 * written twice. The lock is per process: two processes must not share the file (use PostgreSQL).
 *
 * The file holds who withdrew and when: it is created readable by its owner only (0600), an
 * existing file with looser permissions is tightened to 0600 on the next append, and a symbolic
 * link at the path is refused (`O_NOFOLLOW`), so the records cannot be redirected to another file.
 */
import { constants, createReadStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { WithdrawalStoreError, type WithdrawalRecord, type WithdrawalStore } from '../consent/withdrawal-log.js';
import { LocalUserLocks } from './local-locks.js';
import { checkRecord } from './record.js';

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

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const APPEND_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NOFOLLOW;

function refuseLink(path: string, error: unknown): never {
  if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
    throw new WithdrawalLogFileError(path, 'is a symbolic link; the withdrawal log must be a regular file at this path (links are refused so the records cannot be redirected)', { cause: error });
  }
  throw error;
}

/** The records of the file at `path`, oldest first (none when there is no file yet). */
async function* readRecords(path: string): AsyncGenerator<WithdrawalRecord> {
  let file;
  try {
    file = await open(path, constants.O_RDONLY | NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    refuseLink(path, error);
  }
  const lines = createInterface({ input: createReadStream('', { fd: file.fd, autoClose: false, encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    let number = 0;
    for await (const line of lines) {
      number += 1;
      if (line.trim() === '') continue;
      let record: WithdrawalRecord;
      try {
        record = JSON.parse(line) as WithdrawalRecord;
      } catch (error) {
        throw new WithdrawalStoreError('file', 'unreadable', `${path} line ${number} is not a JSON record`, { cause: error });
      }
      yield record;
    }
  } finally {
    lines.close();
    await file.close();
  }
}

/** A `WithdrawalStore` writing to `path` (created with its directory when missing; existing lines are kept). */
export function jsonLinesWithdrawalLog(path: string): WithdrawalStore {
  let queue: Promise<unknown> = Promise.resolve();
  let written: Set<string> | undefined;
  const locks = new LocalUserLocks('file');

  const write = async (record: WithdrawalRecord): Promise<boolean> => {
    checkRecord(record, 'file');
    if (!written) {
      const ids = new Set<string>();
      for await (const existing of readRecords(path)) ids.add(existing.event_id);
      written = ids;
    }
    if (written.has(record.event_id)) return false;
    await mkdir(dirname(path), { recursive: true });
    let file;
    try {
      file = await open(path, APPEND_FLAGS, 0o600);
    } catch (error) {
      refuseLink(path, error);
    }
    try {
      if (((await file.stat()).mode & 0o077) !== 0) await file.chmod(0o600);
      await file.appendFile(`${JSON.stringify(record)}\n`, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    written.add(record.event_id);
    return true;
  };

  return {
    backend: 'file',
    append(record) {
      const result = queue.then(() => write(record));
      queue = result.catch(() => undefined);
      return result;
    },
    records: () => readRecords(path),
    lockUser: (userId, timeoutMs) => locks.acquire(userId, timeoutMs),
    close: async () => {
      await queue;
    },
  };
}
