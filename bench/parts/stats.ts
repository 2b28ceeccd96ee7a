/** Median, min and max of repeated measurements: the one summary every timing in `pnpm bench` uses. */

/** The summary of a series of runs. */
export interface RunSummary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

/** Summarizes `values` (median of an even count: the mean of the two middle values). */
export function summarize(values: readonly number[]): RunSummary {
  if (values.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, runs: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (index: number): number => sorted[index] ?? Number.NaN;
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
  return { median, min: at(0), max: at(sorted.length - 1), runs: values.length };
}

/** Per-run ratios `a[i] / b[i]` of two interleaved series, summarized (not a ratio of medians). */
export function ratioPerRun(a: readonly number[], b: readonly number[]): RunSummary {
  return summarize(a.slice(0, b.length).map((value, i) => value / (b[i] ?? Number.NaN)));
}

/** A positive integer from the environment, or `fallback`. */
export function envCount(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
