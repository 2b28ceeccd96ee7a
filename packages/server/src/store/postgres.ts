/**
 * The withdrawal log and the per-user write lock in PostgreSQL (through `pg`, an optional peer
 * dependency loaded only for `postgres://` URLs): the store for several server instances. Each
 * record is one committed INSERT with a unique event id (a retried withdrawal is recorded once).
 * The lock of a user is a transaction-level advisory lock on a hash of the user id, held on a
 * connection of its own for as long as the request works on the user: two instances serialise on
 * the same user, and the database releases the lock by itself when an instance dies. The schema is
 * created or migrated on open, under an advisory lock of its own so instances starting together do
 * not race, and its version is kept in `assent_schema_version`.
 *
 * Two pools: locks wait on theirs, while records are written through the other, so requests
 * holding locks can never use up the connections their own records need.
 */
import type Pg from 'pg';
import { WithdrawalStoreError, type UserLockHandle, type WithdrawalRecord, type WithdrawalStore } from '../consent/withdrawal-log.js';
import { missingDriver } from './open.js';
import { checkRecord } from './record.js';
import { redactUrl } from './url.js';

/** The schema this version writes; a database migrated by a newer version is refused. */
export const POSTGRES_SCHEMA_VERSION = 1;
const PAGE = 500;
/** Key of the migration lock (any constant; "assent" in ASCII). */
const MIGRATION_LOCK = 0x617373656e74;

const MIGRATIONS: Record<number, string> = {
  1: `
CREATE TABLE IF NOT EXISTS assent_withdrawals (
  seq BIGSERIAL PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL,
  at TIMESTAMPTZ NOT NULL,
  email_sha256 TEXT,
  -- json, not jsonb: the record is kept exactly as written (key order included), still queryable with ->>.
  record JSON NOT NULL,
  written_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS assent_withdrawals_user ON assent_withdrawals (user_id);
`,
};

/** Options of `openPostgresWithdrawalStore`. */
export interface PostgresStoreOptions {
  /** The option named by configuration errors. */
  readonly option?: string;
  /** Connections that may hold user locks at once (users worked on in parallel). Default 20. */
  readonly maxLockConnections?: number;
  /** Connections for writing and reading records. Default 4. */
  readonly maxWriteConnections?: number;
  /** How long to wait for a connection, in milliseconds. Default 5000. */
  readonly connectTimeoutMs?: number;
}

// Connection failures: the database is down, unreachable, restarting or refusing connections.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', '57P01', '57P02', '57P03', '53300']);

function isUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return /timeout exceeded when trying to connect|Connection terminated|connection timeout|Client has encountered a connection error/i.test(message ?? '');
}

function wrap(error: unknown, what: string, where: string): unknown {
  if (error instanceof WithdrawalStoreError) return error;
  if (isUnavailable(error)) return new WithdrawalStoreError('postgres', 'unavailable', `${where} cannot be reached (${what}): ${(error as Error).message}`, { cause: error });
  return error;
}

async function loadDriver(option: string): Promise<typeof Pg> {
  try {
    const module = (await import('pg')) as unknown as { default?: typeof Pg } & typeof Pg;
    return module.default ?? module;
  } catch (error) {
    throw missingDriver(option, 'postgres://', 'pg', error);
  }
}

async function migrate(pool: Pg.Pool, where: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS assent_schema_version (component TEXT PRIMARY KEY, version INTEGER NOT NULL, migrated_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ version: number }>("SELECT version FROM assent_schema_version WHERE component = 'withdrawal_log'");
    const current = rows[0]?.version ?? 0;
    if (current > POSTGRES_SCHEMA_VERSION) {
      throw new WithdrawalStoreError(
        'postgres',
        'unsupported_schema',
        `${where} has schema version ${current}, newer than this version of @assent/server understands (${POSTGRES_SCHEMA_VERSION}): upgrade @assent/server`,
      );
    }
    for (let version = current + 1; version <= POSTGRES_SCHEMA_VERSION; version += 1) {
      const sql = MIGRATIONS[version];
      if (sql) await client.query(sql);
    }
    if (current < POSTGRES_SCHEMA_VERSION) {
      await client.query("INSERT INTO assent_schema_version (component, version) VALUES ('withdrawal_log', $1) ON CONFLICT (component) DO UPDATE SET version = excluded.version, migrated_at = now()", [
        POSTGRES_SCHEMA_VERSION,
      ]);
    }
    await client.query('COMMIT');
    client.release();
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(true);
    throw error;
  }
}

/**
 * Opens the PostgreSQL withdrawal log at `connectionString`, creating or migrating its schema.
 * @throws WithdrawalStoreError `unavailable` when the database cannot be reached, `unsupported_schema`
 *   when a newer version migrated it; ConfigError naming the option when `pg` is not installed.
 */
export async function openPostgresWithdrawalStore(connectionString: string, options: PostgresStoreOptions = {}): Promise<WithdrawalStore> {
  const pg = await loadDriver(options.option ?? 'withdrawalLog');
  const where = redactUrl(connectionString);
  const connectionTimeoutMillis = options.connectTimeoutMs ?? 5000;
  const writes = new pg.Pool({ connectionString, max: options.maxWriteConnections ?? 4, connectionTimeoutMillis, application_name: 'assent-withdrawal-log' });
  const locks = new pg.Pool({ connectionString, max: options.maxLockConnections ?? 20, connectionTimeoutMillis, application_name: 'assent-user-locks' });
  // An idle connection that breaks (the database restarts) is dropped by the pool; without a
  // listener its error would end the process.
  writes.on('error', () => undefined);
  locks.on('error', () => undefined);
  const end = () => Promise.all([writes.end(), locks.end()]).then(() => undefined);
  try {
    await migrate(writes, where);
  } catch (error) {
    await end().catch(() => undefined);
    throw wrap(error, 'creating the schema', where);
  }

  let closed = false;
  // Locks still held at close(): their connections are dropped, or ending the pool would wait for them.
  const held = new Set<() => void>();
  const usable = () => {
    if (closed) throw new WithdrawalStoreError('postgres', 'unavailable', `${where} is closed`);
  };

  return {
    backend: 'postgres',
    async append(record: WithdrawalRecord) {
      checkRecord(record, 'postgres');
      usable();
      try {
        // One statement, so one transaction: committed when it returns.
        const result = await writes.query('INSERT INTO assent_withdrawals (event_id, user_id, at, email_sha256, record) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING', [
          record.event_id,
          record.user_id,
          record.at,
          record.email_sha256,
          JSON.stringify(record),
        ]);
        return result.rowCount === 1;
      } catch (error) {
        throw wrap(error, 'appending a record', where);
      }
    },
    async *records() {
      usable();
      let after = '0';
      for (;;) {
        let rows: { seq: string; record: WithdrawalRecord }[];
        try {
          ({ rows } = await writes.query<{ seq: string; record: WithdrawalRecord }>('SELECT seq, record FROM assent_withdrawals WHERE seq > $1 ORDER BY seq LIMIT $2', [after, PAGE]));
        } catch (error) {
          throw wrap(error, 'reading records', where);
        }
        for (const row of rows) yield row.record;
        if (rows.length < PAGE) return;
        after = rows.at(-1)?.seq ?? after;
      }
    },
    async lockUser(userId: string, timeoutMs: number): Promise<UserLockHandle> {
      usable();
      let client: Pg.PoolClient;
      try {
        client = await locks.connect();
      } catch (error) {
        throw wrap(error, 'taking a user lock', where);
      }
      // A held connection that breaks (the database restarts) would otherwise throw its error out of
      // the process; the lock went with it, and release() just drops the connection.
      let broken = false;
      const onError = () => {
        broken = true;
      };
      client.on('error', onError);
      const drop = (destroy: boolean) => {
        held.delete(dropOnClose);
        client.off('error', onError);
        client.release(destroy);
      };
      const dropOnClose = () => drop(true);
      held.add(dropOnClose);
      try {
        await client.query('BEGIN');
        await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
        await client.query("SELECT pg_advisory_xact_lock(hashtextextended('assent-user:' || $1, 0))", [userId]);
      } catch (error) {
        const timedOut = (error as { code?: string }).code === '55P03';
        await client.query('ROLLBACK').catch(() => undefined);
        drop(!timedOut || broken);
        if (timedOut) throw new WithdrawalStoreError('postgres', 'lock_timeout', `the write lock of user ${JSON.stringify(userId)} was not free within ${timeoutMs} ms`, { cause: error });
        throw wrap(error, 'taking a user lock', where);
      }
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          if (broken) return drop(true);
          try {
            await client.query('COMMIT');
            drop(false);
          } catch {
            // The connection broke: dropping it ends the transaction, and with it the lock.
            drop(true);
          }
        },
      };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      for (const drop of [...held]) drop();
      await end();
    },
  };
}
