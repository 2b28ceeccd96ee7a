/**
 * `pnpm bench`: Assent side by side with Lock, auth0-js and the consent managers people would pick
 * instead, on this machine, in one run. Loopback only, bounded, stops by itself; timings never
 * fail anything (size budgets are enforced by scripts/budget.mjs in the test command).
 *
 * Parts: sizes; time to an interactive consent checkbox (bench/lock-measure.ts); rendering cost of
 * 1,000 <assent-terms>; SDK overhead of a signup; the emulator and the server handler under load
 * (bench/emulator-load.ts, bench/server-load.ts). Writes bench/out/results.{md,json}.
 *
 * Environment (see bench/README.md): BENCH_RUNS (default 10), BENCH_RENDER_ELEMENTS (1000),
 * BENCH_SDK_ITERATIONS (2000), BENCH_LOAD_SECONDS (5), BENCH_LOAD_CLIENTS (100),
 * BENCH_PARTS (comma-separated subset of: sizes,lock,render,sdk,load).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { describeMachine } from './parts/machine.js';
import { measureRenderCost } from './parts/render-cost.js';
import { markdown, type LoadRow, type Results, type TimeToBox } from './parts/report.js';
import { runBenchScript } from './parts/run-script.js';
import { measureSdkOverhead } from './parts/sdk-overhead.js';
import { measureSizes } from './parts/sizes.js';
import { envCount, ratioPerRun, summarize } from './parts/stats.js';

const PARTS = ['sizes', 'lock', 'render', 'sdk', 'load'] as const;
type Part = (typeof PARTS)[number];

const settings = {
  runs: envCount('BENCH_RUNS', 10),
  renderElements: envCount('BENCH_RENDER_ELEMENTS', 1000),
  sdkIterations: envCount('BENCH_SDK_ITERATIONS', 2000),
  loadSeconds: envCount('BENCH_LOAD_SECONDS', 5),
  loadClients: envCount('BENCH_LOAD_CLIENTS', 100),
};
const wanted = new Set((process.env.BENCH_PARTS ?? PARTS.join(',')).split(',').map((part) => part.trim()));
const unknown = [...wanted].filter((part) => !(PARTS as readonly string[]).includes(part));
if (unknown.length > 0) throw new Error(`BENCH_PARTS: unknown part ${unknown.join(', ')} (known: ${PARTS.join(', ')})`);

/** The JSON bench/lock-measure.ts writes (the parts read here). */
interface LockMeasureJson {
  timings: Record<string, { lockRunsMs: number[]; termsRunsMs: number[]; bareRunsMs: number[] }>;
}
interface LatencyJson {
  p50: number;
  p99: number;
}
/** The JSON bench/emulator-load.ts writes. */
interface EmulatorLoadJson {
  phases: { phase: string; requests: number; requestsPerSecond: number; latency: LatencyJson; passed: boolean; failures: string[] }[];
}
/** The JSON bench/server-load.ts writes. */
interface ServerLoadJson {
  requests: number;
  requestsPerSecond: number;
  latency: LatencyJson;
  errorAnswers: number;
  transportErrors: number;
  consistency: { usersChecked: number; lost: unknown[] };
}

const skipped: Record<string, string> = {};
const log = (message: string) => console.error(`[bench] ${message}`);

/** Runs one part unless BENCH_PARTS leaves it out; a failure is reported, not fatal. */
async function part<T>(name: Part, label: string, run: () => Promise<T>): Promise<T | undefined> {
  if (!wanted.has(name)) {
    skipped[label] = 'left out by BENCH_PARTS';
    return undefined;
  }
  log(`${label}...`);
  const started = Date.now();
  try {
    const result = await run();
    log(`${label}: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return result;
  } catch (error) {
    skipped[label] = `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    log(`${label}: FAILED ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return undefined;
  }
}

async function timeToBox(): Promise<TimeToBox[]> {
  const run = await runBenchScript<LockMeasureJson>('lock-measure', { BENCH_RUNS: String(settings.runs) });
  if (!run.report) throw new Error(`bench/lock-measure.ts exited ${run.exitCode} without a report`);
  return Object.entries(run.report.timings).map(([cpu, { lockRunsMs, termsRunsMs, bareRunsMs }]) => ({
    cpu,
    lockMs: summarize(lockRunsMs),
    termsMs: summarize(termsRunsMs),
    bareLitMs: summarize(bareRunsMs),
    ratio: ratioPerRun(lockRunsMs, termsRunsMs),
    termsOverBareLit: ratioPerRun(termsRunsMs, bareRunsMs),
  }));
}

async function load(): Promise<LoadRow[]> {
  const env = { BENCH_SECONDS: String(settings.loadSeconds), BENCH_CLIENTS: String(settings.loadClients) };
  const rows: LoadRow[] = [];
  const emulator = await runBenchScript<EmulatorLoadJson>('emulator-load', env);
  if (!emulator.report) skipped['emulator under load'] = `bench/emulator-load.ts exited ${emulator.exitCode} without a report`;
  for (const phase of emulator.report?.phases ?? []) {
    rows.push({
      name: `emulator, ${phase.phase}`,
      requests: phase.requests,
      requestsPerSecond: phase.requestsPerSecond,
      p50Ms: phase.latency.p50,
      p99Ms: phase.latency.p99,
      checks: phase.passed ? 'pass' : `FAIL: ${phase.failures.join('; ')}`,
    });
  }
  const server = await runBenchScript<ServerLoadJson>('server-load', { ...env, BENCH_WARMUP_SECONDS: '2' });
  if (!server.report) skipped['server handler under load'] = `bench/server-load.ts exited ${server.exitCode} without a report`;
  else {
    const report = server.report;
    const problems = [
      report.errorAnswers && `${report.errorAnswers} error answers`,
      report.transportErrors && `${report.transportErrors} transport errors`,
      report.consistency.lost.length && `${report.consistency.lost.length} lost writes`,
    ].filter(Boolean);
    rows.push({
      name: 'server handler (@assent/server, Management API on the emulator)',
      requests: report.requests,
      requestsPerSecond: report.requestsPerSecond,
      p50Ms: report.latency.p50,
      p99Ms: report.latency.p99,
      checks: problems.length ? `FAIL: ${problems.join('; ')}` : `pass (last acknowledged write of ${report.consistency.usersChecked} users checked)`,
    });
  }
  return rows;
}

const machine = await describeMachine();
log(`${machine.cores} cores, ${machine.chromium}, load average ${machine.loadAverage.join(' ')}; ${JSON.stringify(settings)}`);
const sizes = await part('sizes', 'sizes', measureSizes);
const lock = await part('lock', 'time to an interactive consent checkbox', timeToBox);
const render = await part('render', 'rendering cost', () => measureRenderCost(settings.runs, settings.renderElements));
const sdk = await part('sdk', 'SDK overhead', () => measureSdkOverhead(settings.runs, settings.sdkIterations));
const loadRows = await part('load', 'emulator and server under load', load);

const results: Results = {
  machine,
  loadAverageAtEnd: loadavg().map((value) => Math.round(value * 100) / 100),
  settings,
  ...(sizes && { sizes }),
  ...(lock && { timeToBox: lock }),
  ...(render && { render }),
  ...(sdk && { sdk }),
  ...(loadRows && { load: loadRows }),
  skipped,
};
const text = markdown(results);
const outDir = new URL('./out/', import.meta.url);
await mkdir(outDir, { recursive: true });
await writeFile(new URL('results.md', outDir), text);
await writeFile(new URL('results.json', outDir), `${JSON.stringify(results, null, 2)}\n`);
console.log(text);
log('written to bench/out/results.md and bench/out/results.json');
