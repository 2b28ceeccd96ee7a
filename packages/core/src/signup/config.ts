/** Validation of `createAssent`'s options: each problem is an `AssentConfigError` naming the option. */
import { parsePolicy } from '../policy.js';
import type { ConsentPolicy } from '../types.js';
import { AssentConfigError } from './errors.js';
import type { SignupTransport } from './transport.js';

/** Options of `createAssent`. */
export interface AssentOptions {
  /**
   * The Auth0 tenant: a host (`acme.eu.auth0.com`, a custom domain; https is implied) or a base
   * URL (`https://login.acme.example`, `http://127.0.0.1:4400` for the local emulator). Plain
   * http is accepted for loopback hosts only: a password never travels in clear over a network.
   */
  readonly domain: string;
  /** The application's client id (Auth0 "Client ID"). */
  readonly clientId: string;
  /** Name of the database connection users sign up to, e.g. `Username-Password-Authentication`. */
  readonly connection: string;
  /** The consent policy the decisions are made against (validated with `parsePolicy`). */
  readonly policy: ConsentPolicy;
  /** How the request is sent; `fetchTransport()` by default. */
  readonly transport?: SignupTransport;
  /** Milliseconds to wait for Auth0's answer before failing with `timeout`; 20000 by default, at most 600000. */
  readonly timeoutMs?: number;
}

/** Options after validation. */
export interface ResolvedOptions {
  /** Base URL without a trailing slash: `https://acme.eu.auth0.com`. */
  readonly baseUrl: string;
  readonly clientId: string;
  readonly connection: string;
  readonly policy: ConsentPolicy;
  readonly transport?: SignupTransport;
  readonly timeoutMs: number;
}

const OPTIONS = ['domain', 'clientId', 'connection', 'policy', 'transport', 'timeoutMs'];
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;
// Printable ASCII without spaces: client ids and connection names never hold anything else.
const TOKEN = /^[\x21-\x7e]{1,256}$/;

/** The base URL of `domain` (no trailing slash), or an `AssentConfigError` naming it. */
export function parseDomain(domain: unknown): string {
  const fail = (why: string): never => {
    throw new AssentConfigError('domain', `${JSON.stringify(domain)} ${why}`);
  };
  const text = typeof domain === 'string' ? domain : '';
  const isUrl = /^https?:\/\//i.test(text);
  let url: URL | undefined;
  try {
    url = new URL(isUrl ? text : `https://${text}`);
  } catch {
    // Reported below.
  }
  if (!url || /[\s\\?#]/.test(text) || url.username || url.password || (!isUrl && url.host !== text.toLowerCase().replace(/:443$/, ''))) {
    return fail('is neither a host (acme.eu.auth0.com) nor an http(s) URL without credentials, query or fragment');
  }
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) return fail('uses http, which only a local emulator may (localhost, 127.x.x.x, [::1])');
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** Validates every option of `createAssent`. */
export function resolveOptions(options: AssentOptions): ResolvedOptions {
  const fail = (option: string, why: string, cause?: unknown): never => {
    throw new AssentConfigError(option, why, cause);
  };
  for (const name of Object.keys(options ?? fail('options', 'must be { domain, clientId, connection, policy }'))) if (!OPTIONS.includes(name)) fail(name, `is not an option (${OPTIONS})`);
  const { domain, clientId, connection, transport, timeoutMs = 20000 } = options;
  for (const [name, value] of Object.entries({ clientId, connection })) if (typeof value !== 'string' || !TOKEN.test(value)) fail(name, 'must be a non-empty string without spaces');
  if (transport !== undefined && typeof transport?.signup !== 'function') fail('transport', 'must have a signup(url, body, signal) method');
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 600000) fail('timeoutMs', 'must be an integer from 1 to 600000');
  let policy: ConsentPolicy;
  try {
    policy = parsePolicy(options.policy);
  } catch (error) {
    return fail('policy', (error as Error).message, error);
  }
  return { baseUrl: parseDomain(domain), clientId, connection, policy, timeoutMs, ...(transport && { transport }) };
}
