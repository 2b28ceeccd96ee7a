/** Validation of `createConsentClient`'s options: each problem is an `AssentConfigError` naming the option. */
import { parsePolicy } from '../policy.js';
import { parseDomain } from '../signup/config.js';
import { AssentConfigError } from '../signup/errors.js';
import type { ConsentPolicy } from '../types.js';
import { DEFAULT_RETRY, type RetryOptions } from './backoff.js';
import { indexedDbOutbox, memoryOutbox, type OutboxStore } from './outbox.js';
import { fetchManagementTransport } from './management-transport.js';
import type { ManagementTransport } from './types.js';

/** Options of `createConsentClient`. */
export interface ConsentClientOptions {
  /** The Auth0 tenant: a host (`acme.eu.auth0.com`; https implied) or a base URL (`http://127.0.0.1:4400`, the emulator; plain http only for loopback hosts). */
  readonly domain: string;
  /** The signed-in user's id (`auth0|…`, the token's `sub`). */
  readonly userId: string;
  /**
   * Returns a Management API access token of this user (audience `https://{domain}/api/v2/`,
   * scopes `read:current_user update:current_user_metadata`), e.g. auth0-spa-js's
   * `getTokenSilently`. Called for every request, never stored: the outbox holds no token.
   */
  readonly getAccessToken: () => string | Promise<string>;
  /** The current consent policy (validated with `parsePolicy`). */
  readonly policy: ConsentPolicy;
  /** How requests are sent; `fetchManagementTransport()` by default. */
  readonly transport?: ManagementTransport;
  /** Where queued events are kept; `indexedDbOutbox()` by default, `memoryOutbox()` where there is no IndexedDB. */
  readonly outbox?: OutboxStore;
  /** Prefix of the signup fields to convert; `consent_` by default (as `encodeSignupFields`). */
  readonly prefix?: string;
  /** Milliseconds to wait for each answer before failing with `timeout`; 20000 by default, at most 600000. */
  readonly timeoutMs?: number;
  /** Backoff of the outbox after transient failures (full jitter; Retry-After is honoured on top). */
  readonly retry?: RetryOptions;
  /** Writes per sync before concurrent writers are reported with `ConsentConflictError`; 5 by default, 1 to 20. */
  readonly maxWriteAttempts?: number;
  /** Send queued events by themselves: when the client starts, when the browser comes back online, and when a retry is due. True by default. */
  readonly autoFlush?: boolean;
}

/** Options after validation. */
export interface ResolvedConsentOptions {
  /** Management API base URL: `https://acme.eu.auth0.com/api/v2`. */
  readonly baseUrl: string;
  readonly userId: string;
  readonly getAccessToken: () => string | Promise<string>;
  readonly policy: ConsentPolicy;
  readonly transport: ManagementTransport;
  readonly outbox: OutboxStore;
  readonly prefix: string;
  readonly timeoutMs: number;
  readonly retry: Required<RetryOptions>;
  readonly maxWriteAttempts: number;
  readonly autoFlush: boolean;
}

const OPTIONS = ['domain', 'userId', 'getAccessToken', 'policy', 'transport', 'outbox', 'prefix', 'timeoutMs', 'retry', 'maxWriteAttempts', 'autoFlush'];

function integer(name: string, value: unknown, min: number, max: number): number {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) throw new AssentConfigError(name, `must be an integer from ${min} to ${max}, not ${JSON.stringify(value)}`);
  return value as number;
}

const hasMethods = (value: unknown, names: string[]): boolean => !!value && typeof value === 'object' && names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');

/** Validates every option of `createConsentClient`. */
export function resolveConsentOptions(options: ConsentClientOptions): ResolvedConsentOptions {
  if (!options || typeof options !== 'object') throw new AssentConfigError('options', 'createConsentClient needs { domain, userId, getAccessToken, policy }');
  for (const name of Object.keys(options)) if (!OPTIONS.includes(name)) throw new AssentConfigError(name, `is not an option of createConsentClient (options: ${OPTIONS.join(', ')})`);
  const { userId, getAccessToken, transport, outbox, prefix = 'consent_', timeoutMs = 20000, retry = {}, maxWriteAttempts = 5, autoFlush = true } = options;
  if (typeof userId !== 'string' || !/^[\x21-\x7e]{1,256}$/.test(userId)) throw new AssentConfigError('userId', `must be the user's id (auth0|…), not ${JSON.stringify(userId)}`);
  if (typeof getAccessToken !== 'function') throw new AssentConfigError('getAccessToken', "must be a function returning the user's Management API token");
  if (transport !== undefined && !hasMethods(transport, ['getUser', 'patchUserMetadata']))
    throw new AssentConfigError('transport', 'must have getUser(request) and patchUserMetadata(request, metadata) methods');
  if (outbox !== undefined && !hasMethods(outbox, ['list', 'put', 'delete'])) throw new AssentConfigError('outbox', 'must have list(scope), put(records) and delete(keys) methods');
  if (typeof prefix !== 'string' || !/^[A-Za-z0-9_]{0,64}$/.test(prefix)) throw new AssentConfigError('prefix', `must be letters, digits and _ (at most 64), not ${JSON.stringify(prefix)}`);
  if (typeof autoFlush !== 'boolean') throw new AssentConfigError('autoFlush', 'must be true or false');
  if (!retry || typeof retry !== 'object') throw new AssentConfigError('retry', 'must be an object { baseMs?, maxMs? }');
  const baseMs = integer('retry.baseMs', retry.baseMs ?? DEFAULT_RETRY.baseMs, 1, 3_600_000);
  const maxMs = integer('retry.maxMs', retry.maxMs ?? Math.max(baseMs, DEFAULT_RETRY.maxMs), baseMs, 86_400_000);
  let policy: ConsentPolicy;
  try {
    policy = parsePolicy(options.policy);
  } catch (error) {
    throw new AssentConfigError('policy', (error as Error).message, error);
  }
  return {
    baseUrl: parseDomain(options.domain) + '/api/v2',
    userId,
    getAccessToken,
    policy,
    transport: transport ?? fetchManagementTransport(),
    outbox: outbox ?? (typeof indexedDB === 'undefined' ? memoryOutbox() : indexedDbOutbox()),
    prefix,
    timeoutMs: integer('timeoutMs', timeoutMs, 1, 600_000),
    retry: { baseMs, maxMs },
    maxWriteAttempts: integer('maxWriteAttempts', maxWriteAttempts, 1, 20),
    autoFlush,
  };
}
