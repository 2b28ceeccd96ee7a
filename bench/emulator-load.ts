/**
 * Load benchmark of @assent/auth0-emulator (`pnpm bench:emulator`). Bounded, loopback only, stops
 * by itself. Two phases, each against a fresh emulator child process persisting to a temporary
 * data file:
 *   1. steady:  N clients for T seconds mixing signups, user reads and user_metadata PATCHes on
 *      shared users (machine token); then: zero 5xx, state file valid, every acknowledged write in it.
 *   2. kill -9: the same load, the emulator SIGKILLed half-way; then: state file valid, every write
 *      acknowledged before the kill in it, and a new emulator starts from it.
 * Prints a Markdown table and writes bench/out/emulator-load.{md,json}. Exits 1 if a check fails.
 *
 * Environment: BENCH_CLIENTS (default 100), BENCH_SECONDS (default 10).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runLoadPhase, type LoadPhaseResult } from '@assent/testkit/durability';
import { serverErrors, type LatencySummary } from '@assent/testkit/load';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const OUT_DIR = fileURLToPath(new URL('./out/', import.meta.url));

interface PhaseReport {
  readonly phase: string;
  readonly result: LoadPhaseResult;
  /** Failed checks, empty when the phase passed. */
  readonly failures: string[];
}

function checkPhase(phase: string, result: LoadPhaseResult): PhaseReport {
  const failures: string[] = [];
  const fiveHundreds = serverErrors(result.load);
  if (fiveHundreds > 0) failures.push(`${fiveHundreds} answers with a 5xx status`);
  if (result.state.invalidJson) failures.push(`state file is not valid JSON: ${result.state.invalidJson}`);
  if (result.state.missing.length > 0) failures.push(`${result.state.missing.length} acknowledged writes missing, e.g. ${result.state.missing.slice(0, 3).join('; ')}`);
  if (result.load.acknowledged.signups.length === 0 || result.state.checkedPatches === 0) failures.push('no write was acknowledged');
  if (!result.killed && result.load.transportErrors > 0) failures.push(`${result.load.transportErrors} requests got no answer`);
  if (result.restartError) failures.push(`no emulator starts from the state file: ${result.restartError}`);
  return { phase, result, failures };
}

const ms = (value: number): string => value.toFixed(1);

function latencyCell(summary: LatencySummary): string {
  return summary.count === 0 ? '-' : `${ms(summary.p50)} / ${ms(summary.p99)}`;
}

function markdown(reports: PhaseReport[], machine: Record<string, unknown>): string {
  const lines = [
    '# Emulator load benchmark',
    '',
    `${String(machine.date)} · ${String(machine.cores)} cores (${String(machine.cpu)}) · Node ${String(machine.node)} · ${CLIENTS} clients · ${DURATION_MS / 1000} s per phase`,
    '',
    '| phase | requests | req/s | p50 ms | p99 ms | signup p50/p99 | read p50/p99 | patch p50/p99 | 5xx | no answer | acked signups | acked PATCH keys | state file | missing writes | result |',
    '|---|---:|---:|---:|---:|---|---|---|---:|---:|---:|---:|---|---:|---|',
  ];
  for (const { phase, result, failures } of reports) {
    const { load, state } = result;
    lines.push(
      `| ${phase} | ${load.requests} | ${load.requestsPerSecond.toFixed(0)} | ${ms(load.latency.p50)} | ${ms(load.latency.p99)} | ` +
        `${latencyCell(load.latencyByKind.signup)} | ${latencyCell(load.latencyByKind.read)} | ${latencyCell(load.latencyByKind.patch)} | ` +
        `${serverErrors(load)} | ${load.transportErrors} | ${load.acknowledged.signups.length} | ${state.checkedPatches} | ` +
        `${state.invalidJson ? 'INVALID' : `valid, ${state.users} users${result.killed ? (result.restartError ? ', restart FAILS' : ', restarts') : ''}`} | ${state.missing.length} | ${failures.length === 0 ? 'pass' : `FAIL: ${failures.join('; ')}`} |`,
    );
  }
  lines.push('', 'Latency is measured by the load client (same machine, loopback), request sent to body read. "no answer": requests cut by the kill.');
  return `${lines.join('\n')}\n`;
}

const machine = { date: new Date().toISOString(), cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
console.log(`Emulator load: ${CLIENTS} clients, ${DURATION_MS / 1000} s per phase, ${machine.cores} cores`);

const steady = checkPhase('steady', await runLoadPhase({ clients: CLIENTS, durationMs: DURATION_MS }));
console.log(`steady done: ${steady.result.load.requests} requests`);
const killed = checkPhase('kill -9 at half time', await runLoadPhase({ clients: CLIENTS, durationMs: DURATION_MS, killAfterMs: DURATION_MS / 2 }));
const reports = [steady, killed];

const table = markdown(reports, machine);
await mkdir(OUT_DIR, { recursive: true });
await writeFile(`${OUT_DIR}emulator-load.md`, table);
await writeFile(
  `${OUT_DIR}emulator-load.json`,
  `${JSON.stringify(
    {
      machine,
      clients: CLIENTS,
      durationMs: DURATION_MS,
      phases: reports.map(({ phase, result, failures }) => ({
        phase,
        killed: result.killed,
        passed: failures.length === 0,
        failures,
        requests: result.load.requests,
        requestsPerSecond: result.load.requestsPerSecond,
        durationMs: result.load.durationMs,
        statuses: result.load.statuses,
        transportErrors: result.load.transportErrors,
        latency: result.load.latency,
        latencyByKind: result.load.latencyByKind,
        acknowledgedSignups: result.load.acknowledged.signups.length,
        acknowledgedPatchKeys: result.state.checkedPatches,
        stateFile: {
          valid: result.state.invalidJson === undefined,
          users: result.state.users,
          missing: result.state.missing,
          ...(result.killed ? { restarts: result.restartError === undefined } : {}),
        },
      })),
    },
    null,
    2,
  )}\n`,
);
console.log(`\n${table}`);
console.log(`Written to bench/out/emulator-load.md and bench/out/emulator-load.json`);
process.exitCode = reports.every((report) => report.failures.length === 0) ? 0 : 1;
