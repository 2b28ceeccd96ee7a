/**
 * Opening a withdrawal store from its URL. Each backend is imported only when its URL asks for it,
 * so `@assent/server` stays importable where a database driver is missing (an edge runtime, an app
 * that only uses the file log): `better-sqlite3` and `pg` are optional peer dependencies.
 */
import { WithdrawalStoreError, type UserLockHandle, type WithdrawalRecord, type WithdrawalStore } from '../consent/withdrawal-log.js';
import { ConfigError } from '../errors.js';
import { parseWithdrawalStoreUrl, type WithdrawalStoreLocation } from './url.js';

/** Options of `openWithdrawalStore`. */
export interface OpenWithdrawalStoreOptions {
  /** The option named by configuration errors. Default `withdrawalLog`. */
  readonly option?: string;
}

async function openLocation(location: WithdrawalStoreLocation, option: string): Promise<WithdrawalStore> {
  if (location.backend === 'file') {
    const { jsonLinesWithdrawalLog } = await import('./file.js');
    return jsonLinesWithdrawalLog(location.path);
  }
  if (location.backend === 'sqlite') {
    const { openSqliteWithdrawalStore } = await import('./sqlite.js');
    return openSqliteWithdrawalStore(location.path, { option });
  }
  const { openPostgresWithdrawalStore } = await import('./postgres.js');
  return openPostgresWithdrawalStore(location.connectionString, { option });
}

/**
 * Opens (and for databases creates or migrates) the store at `url`: `file:…`, `sqlite:…` or
 * `postgres://…`.
 * @throws ConfigError naming the option for a bad URL or a missing driver; WithdrawalStoreError
 *   `unavailable` when the database cannot be reached, `unsupported_schema` when it was written by a
 *   newer version.
 */
export async function openWithdrawalStore(url: string, options: OpenWithdrawalStoreOptions = {}): Promise<WithdrawalStore> {
  const option = options.option ?? 'withdrawalLog';
  return openLocation(parseWithdrawalStoreUrl(url, option), option);
}

/**
 * A store that opens itself at its first use (the handler is created synchronously; the database
 * may not be up yet). A failed open is retried by the next call, so a database that comes back is
 * used without a restart. The URL was checked when this was made.
 */
export function lazyWithdrawalStore(url: string, option = 'withdrawalLog'): WithdrawalStore {
  const location = parseWithdrawalStoreUrl(url, option);
  let opening: Promise<WithdrawalStore> | undefined;
  const store = () => {
    opening ??= openLocation(location, option).catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
    return opening;
  };
  return {
    backend: location.backend,
    append: async (record: WithdrawalRecord) => (await store()).append(record),
    async *records() {
      yield* (await store()).records();
    },
    lockUser: async (userId: string, timeoutMs: number): Promise<UserLockHandle> => (await store()).lockUser(userId, timeoutMs),
    close: async () => {
      const current = opening;
      opening = undefined;
      if (current) await (await current.catch(() => undefined))?.close();
    },
  };
}

/** A missing optional driver, as a configuration error naming the option and the package to install. */
export function missingDriver(option: string, scheme: string, driver: string, error: unknown): ConfigError {
  const config = new ConfigError(option, `a ${scheme} URL needs the optional dependency "${driver}": install it next to @assent/server (npm install ${driver})`);
  (config as { cause?: unknown }).cause = new WithdrawalStoreError(scheme, 'missing_driver', (error as Error)?.message ?? String(error), { cause: error });
  return config;
}
