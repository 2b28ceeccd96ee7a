/**
 * One load phase against an emulator in a child process that persists to a fresh data file:
 * run the load (optionally SIGKILL the emulator part-way), then check the state file. Shared by
 * the benchmark (bench/emulator-load.ts) and test/node/conformance-durability.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulatorProcess, type EmulatorProcess } from './emulator-process.mjs';
import { runLoad, verifyStateFile, type LoadResult, type LoadTarget, type StateCheck } from './load.js';

/** Options of {@link runLoadPhase}. */
export interface LoadPhaseOptions {
  readonly clients: number;
  readonly durationMs: number;
  /**
   * SIGKILL the emulator this long after the timed load started, or later: not before at least one
   * signup and one PATCH were acknowledged (a loaded machine may acknowledge nothing in the first
   * second), and at the latest when `durationMs` ends. Omitted: stop it cleanly after checking.
   */
  readonly killAfterMs?: number;
}

/** What one phase did and found. */
export interface LoadPhaseResult {
  readonly load: LoadResult;
  readonly state: StateCheck;
  /** True when the emulator was killed with SIGKILL during the load. */
  readonly killed: boolean;
  /** After a kill: the reason a new emulator could not start from the same data file, if it could not. */
  readonly restartError?: string;
}

/** The load target for an emulator started with the built-in tenant. */
export function defaultTenantTarget(emulator: EmulatorProcess): LoadTarget {
  const spa = emulator.tenant.clients.find((client) => client.app_type === 'spa');
  const m2m = emulator.tenant.clients.find((client) => client.app_type === 'non_interactive' && client.client_secret);
  const connection = emulator.tenant.connections[0];
  if (!spa || !m2m || !connection) throw new Error('the emulator tenant lacks a SPA client, a machine client or a connection');
  return { url: emulator.url, clientId: spa.client_id, connection: connection.name, m2m: { clientId: m2m.client_id, clientSecret: m2m.client_secret! }, audience: emulator.tenant.managementAudience };
}

/** Starts (and stops) an emulator on `dataFile`: it refuses to start from a corrupt state file. */
async function restartFrom(dataFile: string): Promise<{ restartError?: string }> {
  try {
    const again = await startEmulatorProcess({ port: 0, dataFile });
    await again.stop();
    return {};
  } catch (error) {
    return { restartError: (error as Error).message };
  }
}

/** Runs one phase in a temporary directory, which it removes afterwards. */
export async function runLoadPhase(options: LoadPhaseOptions): Promise<LoadPhaseResult> {
  if (options.killAfterMs !== undefined && options.killAfterMs >= options.durationMs) {
    throw new RangeError(`killAfterMs (${options.killAfterMs}) must fall inside the load (durationMs ${options.durationMs})`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'assent-emulator-load-'));
  const dataFile = join(dir, 'state.json');
  const emulator = await startEmulatorProcess({ port: 0, dataFile });
  try {
    const abort = new AbortController();
    const killed = options.killAfterMs !== undefined;
    let timeUp = false;
    let wroteBoth = false;
    const kill = (): void => {
      if (abort.signal.aborted) return;
      void emulator.kill();
      abort.abort();
    };
    const killWhenReady = (): void => {
      if (timeUp && wroteBoth) kill();
    };
    const timers: NodeJS.Timeout[] = [];
    const load = await runLoad(defaultTenantTarget(emulator), {
      clients: options.clients,
      durationMs: options.durationMs,
      signal: abort.signal,
      onStart: () => {
        if (options.killAfterMs === undefined) return;
        timers.push(
          setTimeout(() => {
            timeUp = true;
            killWhenReady();
          }, options.killAfterMs),
        );
        // Killed before the load ends in any case, so the state file is always checked after a kill.
        timers.push(setTimeout(kill, Math.max(options.killAfterMs, options.durationMs - 50)));
      },
      onAcknowledged: (acknowledged) => {
        if (!killed || wroteBoth) return;
        wroteBoth = acknowledged.signups.length > 0 && acknowledged.patches.size > 0;
        killWhenReady();
      },
    });
    for (const timer of timers) clearTimeout(timer);
    await (killed ? emulator.exited : Promise.resolve());
    // Checked while a clean emulator still runs: an acknowledged write must already be on disk,
    // not merely flushed at shutdown.
    const state = await verifyStateFile(dataFile, load.acknowledged, { exact: !killed });
    return { load, state, killed, ...(killed ? await restartFrom(dataFile) : {}) };
  } finally {
    await emulator.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
