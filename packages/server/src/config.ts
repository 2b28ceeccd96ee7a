/**
 * Options of `createConsentHandler` and their validation: every option is checked once, when the
 * handler is created, and a bad one throws a `ConfigError` naming it.
 */
import { parsePolicy, type ConsentPolicy, type KantaraOptions } from '@assent/core';
import { ConfigError } from './errors.js';
import { isWithdrawalStore, type WithdrawalLog, type WithdrawalStore } from './consent/withdrawal-log.js';
import { lazyWithdrawalStore } from './store/open.js';

/** The Auth0 tenant and the machine client the handler uses for the Management API. */
export interface Auth0Options {
  /** Tenant domain as the `auth0` SDK takes it: `acme.eu.auth0.com` (or a custom domain, or `127.0.0.1:4400` for the emulator over HTTPS). */
  readonly domain: string;
  /** A machine-to-machine client with `read:users`, `update:users` or `update:users_app_metadata`, and `delete:users` for delete mode. */
  readonly clientId: string;
  readonly clientSecret: string;
}

/** The consent page that post-login Actions send users without a current consent to. */
export interface ConsentPageOptions {
  /** The secret shared with the post-login Action (`ASSENT_SESSION_SECRET`): at least 32 characters. */
  readonly sessionSecret: string;
  /**
   * The origin users reach the consent page on, e.g. `https://api.acme.example`: the origin of the
   * post-login Action's `ASSENT_CONSENT_URL`. The page's answer names it as its issuer (`iss`), and
   * the Action refuses an answer issued by another origin. Configured, never taken from the
   * request's Host header, which whoever sends the request writes. https (plain `http:` only on a
   * loopback host); scheme, host and port only, no path or trailing slash.
   */
  readonly publicOrigin: string;
  /**
   * The page's script files (`<assent-terms>` and the page logic, one chunk per language), served
   * under `{basePath}/consent/page/`. `consentPageAssets()` from `@assent/server/node` reads the
   * ones this package ships.
   */
  readonly assets?: () => ConsentPageAssets | Promise<ConsentPageAssets>;
  /** Where the page loads its script from instead: your copy of `dist/consent-page-script/consent-page.js` (`@assent/server/consent-page/consent-page.js`) (chunks beside it). */
  readonly scriptUrl?: string;
  /**
   * Auth0's `/continue` endpoint on the domain your logins go through: the page posts the answer
   * there. With a custom domain that is `https://login.acme.example/continue`, while `auth0.domain`
   * may stay the tenant's canonical domain for the Management API. Default
   * `https://{auth0.domain}/continue`. Plain `http:` only on a loopback host (a local emulator).
   */
  readonly continueUrl?: string;
  /** Lifetime of the token the page sends back to /continue, in seconds. Default 300. */
  readonly returnTokenSeconds?: number;
  /** Texts of the page around `<assent-terms>` (English by default). */
  readonly texts?: Partial<ConsentPageTexts>;
  /** The application the user is signing in to, shown above the page's title and in the tab's title (a name, so in no language). */
  readonly applicationName?: string;
}

/** The consent page script: file path (`consent-page.js`, `chunks/de-3F2A.js`) -> JavaScript. */
export type ConsentPageAssets = Readonly<Record<string, string>>;

/** Texts of the consent page outside `<assent-terms>`, which translates itself. */
export interface ConsentPageTexts {
  readonly title: string;
  readonly intro: string;
  /** Shown when the terms changed since the user consented. */
  readonly changed: string;
  readonly accept: string;
  readonly decline: string;
  /** Shown while the decision is being sent. */
  readonly sending: string;
  /** Shown when sending failed. */
  readonly failed: string;
  /** Title and text of the page for an invalid or expired link. */
  readonly expiredTitle: string;
  readonly expired: string;
}

/** Options of `createConsentHandler`. */
export interface ConsentHandlerOptions {
  readonly auth0: Auth0Options;
  /** Audience (API identifier) the bearer tokens must be issued for: your API in Auth0, e.g. `https://api.acme.example/`. */
  readonly audience: string;
  /** Token issuer; default `https://{auth0.domain}/`. */
  readonly issuer?: string;
  /** Where the tenant's signing keys are; default `{issuer}.well-known/jwks.json`. */
  readonly jwksUrl?: string;
  /** The consent policy (validated with `parsePolicy`). */
  readonly policy: ConsentPolicy | unknown;
  /** Origins allowed to call the API from a browser (CORS), e.g. `['https://app.acme.example']`. */
  readonly allowedOrigins?: readonly string[];
  /** Path prefix the routes live under, e.g. `/assent` gives `/assent/consent`. Default `''`. */
  readonly basePath?: string;
  /** Largest accepted request body in bytes. Default 16384. */
  readonly maxBodyBytes?: number;
  /**
   * Where delete mode records the withdrawal before deleting the user, and where the per-user write
   * lock lives. A URL picks a backend: `file:/var/lib/assent/withdrawals.jsonl` (JSON Lines, one
   * long-lived host), `sqlite:/var/lib/assent/withdrawals.db` (needs `better-sqlite3`), or
   * `postgres://user:password@host/db` (needs `pg`; several instances serialise on each user
   * through the database). Or a `WithdrawalStore` (`openWithdrawalStore(url)` from
   * `@assent/server/node`), or any object with `append(record)`. Without it, `erase: "delete"`
   * answers 501.
   */
  readonly withdrawalLog?: WithdrawalLog | WithdrawalStore | string;
  /**
   * How long a request waits for the write lock of its user (the in-process lock, then the store's)
   * in milliseconds before it answers 503 `user_busy`. Default 10000, at most 120000.
   */
  readonly userLockTimeoutMs?: number;
  /**
   * How long delete mode waits for `withdrawalLog.append` in milliseconds before it answers 503
   * `withdrawal_log_timeout` (nothing deleted, the user's other requests no longer wait). Default
   * 10000, at most 120000.
   */
  readonly withdrawalLogTimeoutMs?: number;
  /** The consent page for post-login Action redirects. Without it, its routes answer 404. */
  readonly consentPage?: ConsentPageOptions;
  /** Options of the Kantara receipt in `GET /consent/export` (jurisdiction, controller address...). */
  readonly kantara?: KantaraOptions;
  /** Origin for same-origin document paths (`/terms`) in exported records. */
  readonly documentOrigin?: string;
  /** `fetch` for the JWKS and the Management API (e.g. one that trusts a development CA). Default: the global one. */
  readonly fetch?: typeof globalThis.fetch;
  /** Management API request timeout in seconds. Default 10. */
  readonly managementTimeoutSeconds?: number;
  /** The clock (ms since the epoch): server time of recorded events. Default `Date.now`. */
  readonly now?: () => number;
}

/** Options after validation, defaults filled in. */
export interface ResolvedOptions
  extends Omit<ConsentHandlerOptions, 'policy' | 'issuer' | 'jwksUrl' | 'basePath' | 'maxBodyBytes' | 'allowedOrigins' | 'now' | 'withdrawalLogTimeoutMs' | 'withdrawalLog' | 'userLockTimeoutMs'> {
  readonly withdrawalLogTimeoutMs: number;
  readonly userLockTimeoutMs: number;
  readonly withdrawalLog?: WithdrawalLog;
  /** The store whose lock spans processes, when `withdrawalLog` is one. */
  readonly withdrawalStore?: WithdrawalStore;
  /** Whether the handler opened the store from a URL (and closes it). */
  readonly ownsWithdrawalStore: boolean;
  readonly policy: ConsentPolicy;
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly basePath: string;
  readonly maxBodyBytes: number;
  readonly allowedOrigins: readonly string[];
  readonly now: () => number;
}

function nonEmpty(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(path, 'must be a non-empty string');
  return value;
}

function httpsUrl(value: string, path: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(path, `must be an absolute URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(path, 'must be an http(s) URL');
  return value;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An absolute https URL, or plain http on a loopback host (a local emulator or demo). */
export function httpsOrLoopbackUrl(value: unknown, path: string): URL {
  const url = new URL(httpsUrl(nonEmpty(value, path), path));
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) throw new ConfigError(path, `must be an https URL (plain http only on a loopback host), got ${JSON.stringify(url.href)}`);
  return url;
}

/** The secret shared by the consent page and the post-login Action: 32 characters or more. */
export function checkSessionSecret(value: unknown, path: string, sharedWith: string): void {
  if (typeof value !== 'string' || value.length < 32) throw new ConfigError(path, `must be a string of at least 32 characters (${sharedWith})`);
}

/** Checks `consentPage.publicOrigin`: an https origin (http on loopback only), nothing after the port. */
function publicOrigin(value: unknown): string {
  const path = 'consentPage.publicOrigin';
  if (value === undefined) throw new ConfigError(path, 'is required: the origin users reach the consent page on (the origin of the Action\'s ASSENT_CONSENT_URL), e.g. "https://api.acme.example"');
  const url = httpsOrLoopbackUrl(value, path);
  if (url.origin !== value) throw new ConfigError(path, `must be an origin (scheme://host[:port]) without path or trailing slash, got ${JSON.stringify(value)}`);
  return url.origin;
}

/** Checks `consentPage.continueUrl`: Auth0's /continue over https (http on loopback only), nothing after the path. */
function continueEndpoint(value: unknown): void {
  const path = 'consentPage.continueUrl';
  const { href: url, pathname, search, hash } = httpsOrLoopbackUrl(value, path);
  if (!pathname.endsWith('/continue') || search || hash)
    throw new ConfigError(path, `must be Auth0's /continue endpoint without query or fragment, e.g. "https://login.acme.example/continue", got ${JSON.stringify(url)}`);
}

/**
 * Validates the options and fills in defaults.
 * @throws ConfigError naming the option; PolicyError (from core) for an invalid policy.
 */
export function resolveOptions(options: ConsentHandlerOptions): ResolvedOptions {
  if (!options || typeof options !== 'object') throw new ConfigError('options', 'must be an object');
  const domain = nonEmpty(options.auth0?.domain, 'auth0.domain');
  if (/^[a-z]+:\/\//i.test(domain) || domain.includes('/')) throw new ConfigError('auth0.domain', 'is a host name such as "acme.eu.auth0.com", without scheme or path');
  nonEmpty(options.auth0.clientId, 'auth0.clientId');
  nonEmpty(options.auth0.clientSecret, 'auth0.clientSecret');
  nonEmpty(options.audience, 'audience');
  const issuer = httpsUrl(options.issuer ?? `https://${domain}/`, 'issuer');
  const jwksUrl = httpsUrl(options.jwksUrl ?? `${issuer.replace(/\/?$/, '/')}.well-known/jwks.json`, 'jwksUrl');
  const basePath = options.basePath ?? '';
  if (basePath !== '' && !/^(\/[A-Za-z0-9._~-]+)+$/.test(basePath)) throw new ConfigError('basePath', 'must be empty or a path like "/assent" (no trailing slash)');
  const maxBodyBytes = options.maxBodyBytes ?? 16_384;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 256 || maxBodyBytes > 1_048_576) throw new ConfigError('maxBodyBytes', 'must be an integer from 256 to 1048576');
  const allowedOrigins = (options.allowedOrigins ?? []).map((origin, index) => {
    const path = `allowedOrigins[${index}]`;
    httpsUrl(nonEmpty(origin, path), path);
    if (new URL(origin).origin !== origin) throw new ConfigError(path, `must be an origin (scheme://host[:port]) without path or trailing slash, got ${JSON.stringify(origin)}`);
    return origin;
  });
  if (options.consentPage) {
    checkSessionSecret(options.consentPage.sessionSecret, 'consentPage.sessionSecret', 'the secret shared with the post-login Action');
    publicOrigin(options.consentPage.publicOrigin);
    const seconds = options.consentPage.returnTokenSeconds ?? 300;
    if (!Number.isInteger(seconds) || seconds < 60 || seconds > 3600) throw new ConfigError('consentPage.returnTokenSeconds', 'must be an integer from 60 to 3600');
    if (options.consentPage.scriptUrl !== undefined) httpsUrl(options.consentPage.scriptUrl, 'consentPage.scriptUrl');
    if (options.consentPage.continueUrl !== undefined) continueEndpoint(options.consentPage.continueUrl);
  }
  const ownsWithdrawalStore = typeof options.withdrawalLog === 'string';
  const withdrawalLog = typeof options.withdrawalLog === 'string' ? lazyWithdrawalStore(options.withdrawalLog, 'withdrawalLog') : options.withdrawalLog;
  if (withdrawalLog !== undefined && typeof withdrawalLog?.append !== 'function')
    throw new ConfigError('withdrawalLog', 'must be a withdrawal log URL (file:, sqlite:, postgres://) or have an append(record) method');
  const lockTimeout = options.userLockTimeoutMs ?? 10_000;
  if (!(Number.isInteger(lockTimeout) && lockTimeout > 0 && lockTimeout <= 120_000)) throw new ConfigError('userLockTimeoutMs', 'must be a whole number of milliseconds from 1 to 120000');
  const logTimeout = options.withdrawalLogTimeoutMs ?? 10_000;
  if (!(Number.isInteger(logTimeout) && logTimeout > 0 && logTimeout <= 120_000)) throw new ConfigError('withdrawalLogTimeoutMs', 'must be a whole number of milliseconds from 1 to 120000');
  const timeout = options.managementTimeoutSeconds ?? 10;
  if (!(timeout > 0 && timeout <= 120)) throw new ConfigError('managementTimeoutSeconds', 'must be a number of seconds from 0 to 120');
  const { withdrawalLog: _given, userLockTimeoutMs: _lock, ...rest } = options;
  return {
    ...rest,
    policy: parsePolicy(options.policy),
    issuer,
    jwksUrl,
    basePath,
    maxBodyBytes,
    allowedOrigins,
    managementTimeoutSeconds: timeout,
    withdrawalLogTimeoutMs: logTimeout,
    userLockTimeoutMs: lockTimeout,
    ...(withdrawalLog ? { withdrawalLog } : {}),
    ...(withdrawalLog && isWithdrawalStore(withdrawalLog) ? { withdrawalStore: withdrawalLog } : {}),
    ownsWithdrawalStore,
    now: options.now ?? Date.now,
  };
}
