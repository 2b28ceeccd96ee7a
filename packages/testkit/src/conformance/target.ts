/**
 * What the conformance suite runs against: by default a fresh emulator (HTTPS, the conformance
 * tenant); with ASSENT_CONFORMANCE_DOMAIN set, a real Auth0 tenant described by environment
 * variables (see test/conformance/README.md). Tests ask the target, never the emulator directly, so
 * the same tests can check that the emulator and Auth0 answer alike.
 */
import { fileURLToPath } from 'node:url';
import { startEmulator, type FaultRule } from '@assent/auth0-emulator';
import { serverCertificate, trustingFetch } from '../https-trust.js';
import { BREACHED_PASSWORD, CONFORMANCE_CONNECTION, CONFORMANCE_M2M_CLIENT_ID, CONFORMANCE_SPA_CLIENT_ID, conformanceTenant } from './tenant.js';

/** A tenant the suite can talk to through real clients. */
export interface ConformanceTarget {
  readonly kind: 'emulator' | 'auth0';
  /** What the SDKs call `domain`: `host[:port]`, no scheme. */
  readonly domain: string;
  /** `https://{domain}`. */
  readonly baseUrl: string;
  /** A public (SPA) client whose allowed origins and callbacks include the page server's origin. */
  readonly clientId: string;
  /** The database connection. */
  readonly connection: string;
  /** `https://{domain}/api/v2/`. */
  readonly managementAudience: string;
  /** A machine client with read:users, update:users, delete:users. */
  readonly m2m: { readonly clientId: string; readonly clientSecret: string };
  /** `fetch` for Node-side calls (trusts the emulator's development CA). */
  readonly fetch: typeof globalThis.fetch;
  /** Certificates Chromium must accept (the emulator's server certificate), for `launchChromium`. */
  readonly browserTrust: readonly string[];
  /** Host names a fenced page may reach besides loopback (a real tenant's domain). */
  readonly allowHosts: readonly string[];
  /** A password the tenant treats as breached, when it has one (emulator only). */
  readonly breachedPassword?: string;
  /** Fault injection (emulator only). */
  readonly faults?: {
    set(rules: FaultRule[]): Promise<void>;
    clear(): Promise<void>;
  };
  close(): Promise<void>;
}

/** Options of {@link openConformanceTarget}. */
export interface TargetOptions {
  /** Names the suite; one name per test file (files run in parallel and each caches its own TLS files). */
  readonly suite: string;
  /** Origins of the page server (allowed for CORS / callbacks by the emulator's tenant). */
  readonly pageOrigins?: readonly string[];
}

/** Auth0's CDN hosts (per region) that serve Lock's client scripts and dictionaries. */
const AUTH0_CDN_HOSTS = ['cdn.auth0.com', 'cdn.us.auth0.com', 'cdn.eu.auth0.com', 'cdn.au.auth0.com', 'cdn.jp.auth0.com'];

const TLS_CACHE = fileURLToPath(new URL('../../../../.cache/assent-test/tls/', import.meta.url));

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required when ASSENT_CONFORMANCE_DOMAIN is set (see test/conformance/README.md)`);
  return value;
}

/**
 * The page server's port (read before the target opens, since the emulator's tenant needs the
 * page origin): any free port for the emulator, a fixed one that a real tenant allows.
 */
export function conformancePagePort(): number {
  return process.env.ASSENT_CONFORMANCE_DOMAIN ? Number(process.env.ASSENT_CONFORMANCE_PAGE_PORT ?? 4455) : 0;
}

/** Opens the target named by the environment, or starts an emulator for it. */
export async function openConformanceTarget(options: TargetOptions): Promise<ConformanceTarget> {
  const domain = process.env.ASSENT_CONFORMANCE_DOMAIN;
  if (domain) return auth0Tenant(domain);

  const emulator = await startEmulator({
    port: 0,
    https: true,
    // Cached per suite: generating a CA and a certificate costs more than the tests that use them.
    certDir: `${TLS_CACHE}${options.suite}`,
    tenant: conformanceTenant(options.pageOrigins ?? []),
    enableAdmin: true,
  });
  const caCert = emulator.caCert!;
  const trust = trustingFetch(caCert);
  const m2m = emulator.tenant.clients.find((client) => client.client_id === CONFORMANCE_M2M_CLIENT_ID)!;
  const admin = async (method: string, body?: unknown): Promise<void> => {
    const response = await trust.fetch(`${emulator.url}/__emulator/faults`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} /__emulator/faults answered ${response.status}: ${await response.text()}`);
  };
  return {
    kind: 'emulator',
    domain: emulator.tenant.domain,
    baseUrl: emulator.url,
    clientId: CONFORMANCE_SPA_CLIENT_ID,
    connection: CONFORMANCE_CONNECTION,
    managementAudience: emulator.tenant.managementAudience,
    m2m: { clientId: m2m.client_id, clientSecret: m2m.client_secret! },
    fetch: trust.fetch,
    browserTrust: [await serverCertificate(emulator.url, caCert)],
    allowHosts: [],
    breachedPassword: BREACHED_PASSWORD,
    faults: {
      set: (rules) => admin('PUT', { seed: 1, rules }),
      clear: () => admin('DELETE'),
    },
    async close() {
      await emulator.stop();
      await trust.close();
    },
  };
}

function auth0Tenant(domain: string): ConformanceTarget {
  return {
    kind: 'auth0',
    domain,
    baseUrl: `https://${domain}`,
    clientId: required('ASSENT_CONFORMANCE_CLIENT_ID'),
    connection: process.env.ASSENT_CONFORMANCE_CONNECTION ?? CONFORMANCE_CONNECTION,
    managementAudience: `https://${domain}/api/v2/`,
    m2m: { clientId: required('ASSENT_CONFORMANCE_M2M_CLIENT_ID'), clientSecret: required('ASSENT_CONFORMANCE_M2M_CLIENT_SECRET') },
    fetch: globalThis.fetch,
    browserTrust: [],
    // Lock loads its client script and dictionary from Auth0's CDN for a real tenant.
    allowHosts: [new URL(`https://${domain}`).hostname, ...AUTH0_CDN_HOSTS],
    async close() {},
  };
}
