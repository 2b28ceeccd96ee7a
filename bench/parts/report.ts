/** Turns the collected measurements into bench/out/results.md: one table per part, ratios to Assent. */
import type { Machine } from './machine.js';
import type { RenderCostReport } from './render-cost.js';
import type { SdkOverheadReport } from './sdk-overhead.js';
import type { SizeReport } from './sizes.js';
import type { RunSummary } from './stats.js';

/** The Lock-versus-<assent-terms>-versus-bare-Lit timing of one CPU setting, summarized per run. */
export interface TimeToBox {
  readonly cpu: string;
  readonly lockMs: RunSummary;
  readonly termsMs: RunSummary;
  /** The control: a minimal LitElement rendering one labelled checkbox. */
  readonly bareLitMs: RunSummary;
  /** Lock's time divided by <assent-terms>' time, run by run. */
  readonly ratio: RunSummary;
  /** <assent-terms>' time divided by the bare Lit checkbox's, run by run. */
  readonly termsOverBareLit: RunSummary;
}

/** One loopback load run (emulator phase or server handler). */
export interface LoadRow {
  readonly name: string;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** "pass", or what failed. */
  readonly checks: string;
}

/** Everything `pnpm bench` measured; a part left out or failed is `undefined` with a reason in `skipped`. */
export interface Results {
  readonly machine: Machine;
  readonly loadAverageAtEnd: readonly number[];
  readonly settings: Readonly<Record<string, number>>;
  readonly sizes?: SizeReport;
  readonly timeToBox?: readonly TimeToBox[];
  readonly render?: RenderCostReport;
  readonly sdk?: SdkOverheadReport;
  readonly load?: readonly LoadRow[];
  readonly skipped: Readonly<Record<string, string>>;
}

/** Element names such as <assent-terms> as code: Markdown renderers would take them for HTML and hide them. */
const code = (text: string): string => text.replace(/(?<!`)<([a-z]+-[a-z-]+)>/g, '`<$1>`');
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;
const times = (value: number): string => `${value.toFixed(1)}x`;
const ms = (value: number): string => value.toFixed(value < 10 ? 1 : 0);
const spread = (summary: RunSummary, format: (value: number) => string = ms): string => `${format(summary.median)} (${format(summary.min)}-${format(summary.max)})`;

function sizeTable(sizes: SizeReport): string[] {
  const reference = (name: string): number => sizes.rows.find((row) => row.name === name)?.gzip ?? Number.NaN;
  const terms = reference(sizes.references.terms);
  const signup = reference(sizes.references.signup);
  return [
    '## Size (esbuild --minify, production, ES modules, first load, gzip -9)',
    '',
    "Built with `measure` from scripts/budget.mjs, the same way for every row. Ratios: the row's size (JS + separate CSS) divided by the Assent bundle named in the column.",
    '',
    '| bundle | version | min+gz | minified | separate CSS (min+gz) | vs <assent-terms> | vs custom signup |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...sizes.rows.map((row) => {
      const total = row.gzip + (row.cssGzip ?? 0);
      const name = row.side === 'assent' ? `**Assent**: ${row.name}` : row.name;
      return `| ${name} | ${row.version ?? 'workspace'} | ${kb(row.gzip)} | ${kb(row.minified)} | ${row.cssGzip ? kb(row.cssGzip) : '-'} | ${times(total / terms)} | ${times(total / signup)} |`;
    }),
  ];
}

function timeToBoxTable(rows: readonly TimeToBox[]): string[] {
  return [
    '## Time from navigation to an interactive consent checkbox (headless Chromium)',
    '',
    "bench/lock-measure.ts: the same page server and emulator; Lock's signup with mustAcceptTerms (through <assent-lock>, Lock's client script from the emulator) against <assent-terms> with an inline policy, and a bare Lit checkbox (a minimal LitElement rendering one labelled checkbox, after the same config request) as the control. Runs interleaved; median (min-max); the ratios are computed run by run.",
    '',
    "| CPU | runs | Lock's terms box, ms | <assent-terms>, ms | bare Lit checkbox, ms | Lock / Assent | Assent / bare Lit |",
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.cpu} | ${row.ratio.runs} | ${spread(row.lockMs)} | ${spread(row.termsMs)} | ${spread(row.bareLitMs)} | ${spread(row.ratio, times)} | ${spread(row.termsOverBareLit, (value) => value.toFixed(2) + 'x')} |`,
    ),
  ];
}

function renderTable(render: RenderCostReport): string[] {
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
  return [
    `## Rendering cost: ${render.elements} <assent-terms> mounted at once (inline policy, headless Chromium)`,
    '',
    'A fresh page per run; times from the append; "first paint": the next animation frame, then a task. Heap: CDP JSHeapUsedSize after a forced GC. Median (min-max).',
    '',
    '| runs | all rendered (updateComplete), ms | painted, ms | JS heap held by them | per element | page heap after |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${render.mountMs.runs} | ${spread(render.mountMs)} | ${spread(render.firstPaintMs)} | ${spread(render.heapBytes, mb)} | ${kb(render.heapBytes.median / render.elements)} | ${mb(render.heapAfterBytes.median)} |`,
    '',
    `The control, interleaved run by run: ${render.elements} bare Lit checkboxes (a minimal LitElement rendering one labelled checkbox, given the same policy object), the floor any Lit element starts from. Ratios run by run.`,
    '',
    '| control | all rendered, ms | painted, ms | JS heap held | <assent-terms> / bare Lit, rendered | <assent-terms> / bare Lit, painted |',
    '|---|---:|---:|---:|---:|---:|',
    `| bare Lit checkbox | ${spread(render.bare.mountMs)} | ${spread(render.bare.firstPaintMs)} | ${spread(render.bare.heapBytes, mb)} | ${spread(render.mountOverBare, (value) => value.toFixed(2) + 'x')} | ${spread(render.paintOverBare, (value) => value.toFixed(2) + 'x')} |`,
  ];
}

function sdkTable(sdk: SdkOverheadReport): string[] {
  const us = (value: number) => value.toFixed(1);
  return [
    '## SDK overhead of a signup (Node, network excluded)',
    '',
    `createDecision (with its SHA-256 of the shown statement) + encodeSignupFields + createAssent().signup (input checks, body) against a transport that answers at once, in process. ${sdk.iterationsPerBatch} signups per batch after ${sdk.warmupIterations} warm-up ones; median (min-max) of the batches.`,
    '',
    '| step | batches | µs per call |',
    '|---|---:|---:|',
    `| one signup, client reused | ${sdk.signupMicros.runs} | ${spread(sdk.signupMicros, us)} |`,
    `| createAssent (once per page) | ${sdk.createClientMicros.runs} | ${spread(sdk.createClientMicros, us)} |`,
  ];
}

function loadTable(rows: readonly LoadRow[], settings: Readonly<Record<string, number>>): string[] {
  return [
    '## Emulator and server handler under a bounded loopback load',
    '',
    `bench/emulator-load.ts and bench/server-load.ts, ${settings.loadClients} clients each waiting for its previous answer, ${settings.loadSeconds} s per phase; the load generator shares the machine. Latency as the client sees it.`,
    '',
    '| target | requests | req/s | p50 ms | p99 ms | checks |',
    '|---|---:|---:|---:|---:|---|',
    ...rows.map((row) => `| ${row.name} | ${row.requests} | ${row.requestsPerSecond.toFixed(0)} | ${ms(row.p50Ms)} | ${ms(row.p99Ms)} | ${row.checks} |`),
  ];
}

/** The whole Markdown report. */
export function markdown(results: Results): string {
  const { machine } = results;
  const lines = [
    '# Assent benchmarks (`pnpm bench`)',
    '',
    `${machine.date}: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.chromium}. ` +
      `Load average ${machine.loadAverage.join(' / ')} at the start, ${results.loadAverageAtEnd.join(' / ')} at the end (1/5/15 min): timings are noisy when other work shares the cores.`,
    '',
    ...(results.sizes ? [...sizeTable(results.sizes), ''] : []),
    ...(results.timeToBox ? [...timeToBoxTable(results.timeToBox), ''] : []),
    ...(results.render ? [...renderTable(results.render), ''] : []),
    ...(results.sdk ? [...sdkTable(results.sdk), ''] : []),
    ...(results.load ? [...loadTable(results.load, results.settings), ''] : []),
  ];
  const skipped = Object.entries(results.skipped);
  if (skipped.length > 0) lines.push('## Not measured in this run', '', ...skipped.map(([part, why]) => `- ${part}: ${why}`), '');
  return lines.map(code).join('\n');
}
