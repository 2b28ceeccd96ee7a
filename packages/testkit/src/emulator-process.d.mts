import type { EmulatorOptions, Tenant } from '@assent/auth0-emulator';

/** `startEmulator` options that survive JSON (no Actions as functions, no clock, no log function). */
export type EmulatorProcessOptions = Omit<EmulatorOptions, 'actions' | 'now' | 'log'>;

/** How a child process ended. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** An emulator running in a child process. */
export interface EmulatorProcess {
  /** `http(s)://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  /** The effective tenant (client ids, the machine client's secret, connection names). */
  readonly tenant: Tenant;
  /** PEM of the self-signed certificate, when started with `https`. */
  readonly caCert?: string;
  /** Where that PEM was written, when started with `https`. */
  readonly caCertPath?: string;
  /** Process id of the child. */
  readonly pid: number;
  /** Resolves when the child has exited. */
  readonly exited: Promise<ProcessExit>;
  /** The child's recent stdout/stderr, for diagnostics. */
  output(): string;
  /** SIGTERM: the emulator flushes and closes; resolves when the child has exited. */
  stop(): Promise<ProcessExit>;
  /** SIGKILL: no chance to flush; resolves when the child has exited. */
  kill(): Promise<ProcessExit>;
}

/** Settings of the child process itself. */
export interface EmulatorProcessSettings {
  /** How long to wait for the ready line. Default 30 s. */
  timeoutMs?: number;
  /** Extra environment variables for the child. */
  env?: Record<string, string>;
}

/**
 * Starts `startEmulator(options)` in a child Node process and resolves once it listens.
 * The child's diagnostic log lines go to its stderr, kept in `output()`.
 */
export function startEmulatorProcess(options?: EmulatorProcessOptions, settings?: EmulatorProcessSettings): Promise<EmulatorProcess>;
