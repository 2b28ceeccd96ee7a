/** What the results were measured on: they mean nothing without it. */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

/** The machine, as stated at the top of the results. */
export interface Machine {
  readonly date: string;
  readonly cores: number;
  readonly cpu: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly chromium: string;
  /** 1, 5 and 15 minute load averages (other work competes for the same cores). */
  readonly loadAverage: readonly number[];
}

interface ChromiumPathModule {
  findChromium(): string | undefined;
}

/** The Chromium the browser parts launch (CHROME_PATH or Debian's), by its own `--version`. */
async function chromiumVersion(): Promise<string> {
  const { findChromium } = (await import(new URL('../../scripts/chromium-path.mjs', import.meta.url).href)) as ChromiumPathModule;
  const path = findChromium();
  if (!path) return 'not found';
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return `unknown (${path})`;
  }
}

/** Describes this machine now; call it again at the end to see how the load moved. */
export async function describeMachine(): Promise<Machine> {
  return {
    date: new Date().toISOString(),
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: await chromiumVersion(),
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}
