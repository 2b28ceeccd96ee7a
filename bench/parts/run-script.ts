/** Runs one of the existing bench scripts in its own process and reads the JSON it writes to bench/out/. */
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** What a script left behind. */
export interface ScriptRun<T> {
  /** Its exit code (the load scripts exit 1 when a consistency check fails). */
  readonly exitCode: number | null;
  readonly seconds: number;
  /** Its JSON report, or undefined when it wrote none. */
  readonly report: T | undefined;
}

/**
 * Runs `bench/<script>.ts` with `env` added, its output shown on stderr (progress, not results),
 * then reads `bench/out/<script>.json`. A report from an earlier run is never taken for this one.
 */
export async function runBenchScript<T>(script: string, env: Record<string, string>): Promise<ScriptRun<T>> {
  const started = Date.now();
  const entry = fileURLToPath(new URL(`../${script}.ts`, import.meta.url));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', entry], { env: { ...process.env, ...env }, stdio: ['ignore', process.stderr, process.stderr] });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
  let report: T | undefined;
  const path = new URL(`../out/${script}.json`, import.meta.url);
  try {
    if ((await stat(path)).mtimeMs >= started) report = JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    report = undefined;
  }
  return { exitCode, seconds: (Date.now() - started) / 1000, report };
}
