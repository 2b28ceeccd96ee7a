/** Options and result of `startEmulator`. */
import type { PostLoginAction } from './actions/types.js';
import type { FaultsConfig } from './faults/types.js';
import type { Tenant, TenantConfig } from './tenant/types.js';

export interface EmulatorOptions {
  /** TCP port; default 4400. `0` picks a free port (read it from `url` / `port`). */
  port?: number;
  /** Interface to bind; default 127.0.0.1 (loopback only). */
  host?: string;
  /** A tenant configuration, or the path of a tenant JSON file. Default: the built-in tenant. */
  tenant?: TenantConfig | string;
  /** Persist users and the signing key in this file (atomic writes). Default: memory only. */
  dataFile?: string;
  /** Serve HTTPS with a generated development CA and certificate. Default false. */
  https?: boolean;
  /** Where generated TLS files are written, and reused from when present. Default: a new temporary directory, removed by `stop()`. */
  certDir?: string;
  /** Mount the test controls under /__emulator/ (faults, reset, users). Default false. */
  enableAdmin?: boolean;
  /** Post-login Actions, run after the tenant file's own Actions. */
  actions?: PostLoginAction[];
  /** Faults; replaces the tenant file's `faults`. */
  faults?: FaultsConfig;
  /** The clock, in ms since the epoch. Tests move it forward to expire tokens. Default `Date.now`. */
  now?: () => number;
  /** Receives diagnostic lines (unexpected errors). Default: silent. */
  log?: (line: string) => void;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` (or https), no trailing slash. Give it to SDKs as the domain / base URL. */
  readonly url: string;
  readonly port: number;
  /** The effective tenant: clients (ids, the machine client's secret and grants), connections, issuer. */
  readonly tenant: Tenant;
  /** With `https: true`: the development CA to trust (e.g. NODE_EXTRA_CA_CERTS=caCertPath). */
  readonly caCertPath?: string;
  readonly caCert?: string;
  /** Stops listening, ends hung requests, waits for pending writes of the data file, removes a temporary certificate directory. */
  stop(): Promise<void>;
}
