/**
 * The withdrawal log in a SQLite database file (through `better-sqlite3`, an optional peer
 * dependency loaded only for `sqlite:` URLs): the embedded default that needs no server. WAL mode
 * with `synchronous=FULL`, so every committed record is on disk; one transaction per record; the
 * event id is unique, so a retried withdrawal is recorded once. The file is created 0600 and a
 * symbolic link at its path is refused. The lock is per process, like the file's: several
 * instances on several hosts need PostgreSQL.
 */
import { constants } from 'node:fs';
import { lstat, mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { WithdrawalStoreError, type WithdrawalRecord, type WithdrawalStore } from '../consent/withdrawal-log.js';
import { LocalUserLocks } from './local-locks.js';
import { missingDriver } from './open.js';
import { WithdrawalLogFileError } from './file.js';
import { checkRecord } from './record.js';

/** The schema this version writes; a database migrated by a newer version is refused. */
export const SQLITE_SCHEMA_VERSION = 1;
const PAGE = 500;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS assent_withdrawals (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL,
  at TEXT NOT NULL,
  email_sha256 TEXT,
  record TEXT NOT NULL,
  written_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS assent_withdrawals_user ON assent_withdrawals (user_id);
`;

async function loadDriver(option: string): Promise<typeof BetterSqlite3> {
  try {
    return (await import('better-sqlite3')).default;
  } catch (error) {
    throw missingDriver(option, 'sqlite:', 'better-sqlite3', error);
  }
}

/** Creates the database file 0600 when it is missing; refuses a symbolic link at its path. */
async function prepareFile(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const existing = await lstat(path).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
  if (existing?.isSymbolicLink())
    throw new WithdrawalLogFileError(path, 'is a symbolic link; the withdrawal log must be a regular file at this path (links are refused so the records cannot be redirected)');
  const file = await open(path, constants.O_RDWR | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0), 0o600);
  try {
    if (((await file.stat()).mode & 0o077) !== 0) await file.chmod(0o600);
  } finally {
    await file.close();
  }
}

function migrate(db: BetterSqlite3.Database, path: string): void {
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS assent_schema_version (component TEXT PRIMARY KEY, version INTEGER NOT NULL, migrated_at TEXT NOT NULL)');
    const row = db.prepare("SELECT version FROM assent_schema_version WHERE component = 'withdrawal_log'").get() as { version: number } | undefined;
    if (row && row.version > SQLITE_SCHEMA_VERSION) {
      throw new WithdrawalStoreError(
        'sqlite',
        'unsupported_schema',
        `${path} has schema version ${row.version}, newer than this version of @assent/server understands (${SQLITE_SCHEMA_VERSION}): upgrade @assent/server`,
      );
    }
    if (!row || row.version < SQLITE_SCHEMA_VERSION) {
      db.exec(SCHEMA);
      db.prepare(
        "INSERT INTO assent_schema_version (component, version, migrated_at) VALUES ('withdrawal_log', ?, ?) ON CONFLICT (component) DO UPDATE SET version = excluded.version, migrated_at = excluded.migrated_at",
      ).run(SQLITE_SCHEMA_VERSION, new Date().toISOString());
    }
  }).immediate();
}

/** Options of `openSqliteWithdrawalStore`. */
export interface SqliteStoreOptions {
  /** The option named by configuration errors. */
  readonly option?: string;
}

/** Opens (creating and migrating) the SQLite withdrawal log at `path`. */
export async function openSqliteWithdrawalStore(path: string, options: SqliteStoreOptions = {}): Promise<WithdrawalStore> {
  const Database = await loadDriver(options.option ?? 'withdrawalLog');
  await prepareFile(path);
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = WAL');
    // FULL: the WAL is synced at every commit, so an acknowledged record survives a power cut.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    migrate(db, path);
  } catch (error) {
    db.close();
    throw error;
  }
  const insert = db.prepare('INSERT INTO assent_withdrawals (event_id, user_id, at, email_sha256, record, written_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING');
  const page = db.prepare('SELECT seq, record FROM assent_withdrawals WHERE seq > ? ORDER BY seq LIMIT ?');
  const appendOne = db.transaction(
    (record: WithdrawalRecord) => insert.run(record.event_id, record.user_id, record.at, record.email_sha256, JSON.stringify(record), new Date().toISOString()).changes === 1,
  );
  const locks = new LocalUserLocks('sqlite');
  let closed = false;

  return {
    backend: 'sqlite',
    append: async (record) => {
      checkRecord(record, 'sqlite');
      if (closed) throw new WithdrawalStoreError('sqlite', 'unavailable', `${path} is closed`);
      return appendOne.immediate(record);
    },
    async *records() {
      let after = 0;
      for (;;) {
        const rows = page.all(after, PAGE) as { seq: number; record: string }[];
        for (const row of rows) {
          try {
            yield JSON.parse(row.record) as WithdrawalRecord;
          } catch (error) {
            throw new WithdrawalStoreError('sqlite', 'unreadable', `${path}: row ${row.seq} is not a JSON record`, { cause: error });
          }
        }
        if (rows.length < PAGE) return;
        after = rows.at(-1)?.seq ?? after;
      }
    },
    lockUser: (userId, timeoutMs) => locks.acquire(userId, timeoutMs),
    close: async () => {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
