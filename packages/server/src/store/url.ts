/**
 * The withdrawal log's URL: which backend, and where. Checked when the handler (or the report CLI)
 * starts, so a typo fails at once with an error naming the option, not at the first withdrawal.
 *
 * | URL | backend |
 * |---|---|
 * | `file:/var/lib/assent/withdrawals.jsonl`, `file:///var/...`, `file:relative.jsonl` | JSON Lines file |
 * | `sqlite:/var/lib/assent/withdrawals.db`, `sqlite:///var/...`, `sqlite:relative.db` | SQLite database file |
 * | `postgres://user:pass@host:5432/db`, `postgresql://...` | PostgreSQL |
 */
import { ConfigError } from '../errors.js';

/** A parsed withdrawal log URL. */
export type WithdrawalStoreLocation =
  | { readonly backend: 'file'; readonly path: string }
  | { readonly backend: 'sqlite'; readonly path: string }
  | { readonly backend: 'postgres'; readonly connectionString: string; readonly redacted: string };

/** `url` with any password replaced by `***`, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*:)[^@/?#]*@/i, '$1***@');
}

function localPath(rest: string, option: string, scheme: string, url: string): string {
  let path = rest;
  if (rest.startsWith('//')) {
    // file:///abs/path: an empty (or localhost) host, then an absolute path.
    const match = /^\/\/(localhost)?(\/[^?#]*)$/.exec(rest);
    if (!match) throw new ConfigError(option, `a ${scheme}: URL names a local path (${scheme}:/var/lib/assent/log or ${scheme}:///var/lib/assent/log), got ${JSON.stringify(url)}`);
    path = match[2] ?? '';
  }
  if (/[?#]/.test(path)) throw new ConfigError(option, `a ${scheme}: URL takes no query or fragment, got ${JSON.stringify(url)}`);
  try {
    path = decodeURIComponent(path);
  } catch {
    throw new ConfigError(option, `has a broken percent escape: ${JSON.stringify(url)}`);
  }
  if (path === '' || path.includes('\0')) throw new ConfigError(option, `a ${scheme}: URL needs a file path, got ${JSON.stringify(url)}`);
  if (path === ':memory:' || path.startsWith('file::memory:')) throw new ConfigError(option, 'an in-memory database keeps nothing after a restart; the withdrawal log must be a file');
  return path;
}

/**
 * Parses a withdrawal log URL.
 * @param option the option's name, for the error (`withdrawalLog`, `--withdrawal-log`).
 * @throws ConfigError naming `option` for anything but a usable `file:`, `sqlite:` or `postgres://` URL.
 */
export function parseWithdrawalStoreUrl(url: unknown, option = 'withdrawalLog'): WithdrawalStoreLocation {
  if (typeof url !== 'string' || url.trim() === '') throw new ConfigError(option, 'must be a withdrawal log URL (file:…, sqlite:… or postgres://…) or a store object');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'file' || scheme === 'sqlite') return { backend: scheme, path: localPath(url.slice(scheme.length + 1), option, scheme, url) };
  if (scheme === 'postgres' || scheme === 'postgresql') {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError(option, `is not a valid PostgreSQL URL: ${JSON.stringify(redactUrl(url))}`);
    }
    if (!parsed.hostname && !parsed.searchParams.get('host'))
      throw new ConfigError(option, `a PostgreSQL URL needs a host (postgres://user:password@host:5432/database), got ${JSON.stringify(redactUrl(url))}`);
    return { backend: 'postgres', connectionString: url, redacted: redactUrl(url) };
  }
  throw new ConfigError(option, `must start with file:, sqlite: or postgres:// (the backend of the withdrawal log), got ${JSON.stringify(redactUrl(url))}`);
}
