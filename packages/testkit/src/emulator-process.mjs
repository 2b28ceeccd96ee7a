// Runs @assent/auth0-emulator in a child Node process. Plain JavaScript on purpose: the
// web-test-runner config (plain Node, no TypeScript loader) uses it, and so do the load benchmark
// and the durability test, which need a process they can kill with SIGKILL.
// Types: emulator-process.d.mts.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const READY = 'ASSENT_EMULATOR_READY ';
const CHILD = fileURLToPath(new URL('./emulator-child.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** Kept small: only for diagnostics when the child fails. */
const MAX_OUTPUT = 64 * 1024;

/**
 * Starts an emulator in a child process (TypeScript sources through tsx, `source` export condition)
 * and resolves once it listens.
 *
 * @param {import('./emulator-process.d.mts').EmulatorProcessOptions} [options] `startEmulator` options (JSON only)
 * @param {{ timeoutMs?: number, env?: Record<string, string> }} [settings]
 * @returns {Promise<import('./emulator-process.d.mts').EmulatorProcess>}
 */
export function startEmulatorProcess(options = {}, settings = {}) {
  const { timeoutMs = 30_000, env = {} } = settings;
  const child = spawn(process.execPath, ['--conditions=source', '--import', import.meta.resolve('tsx'), CHILD], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, ASSENT_EMULATOR_OPTIONS: JSON.stringify(options) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });

  let output = '';
  const remember = (text) => {
    output = (output + text).slice(-MAX_OUTPUT);
  };
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });

  return new Promise((resolve, reject) => {
    let pending = '';
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The emulator did not start within ${timeoutMs} ms. Its output:\n${output}`));
    }, timeoutMs);

    child.stderr.setEncoding('utf8').on('data', remember);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      if (ready) return remember(chunk);
      pending += chunk;
      let newline;
      while (!ready && (newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (!line.startsWith(READY)) {
          remember(`${line}\n`);
          continue;
        }
        ready = true;
        clearTimeout(timer);
        remember(pending);
        const info = JSON.parse(line.slice(READY.length));
        resolve({ ...info, pid: child.pid, exited, output: () => output, stop, kill });
      }
    });
    void exited.then(({ code, signal }) => {
      if (ready) return;
      clearTimeout(timer);
      reject(new Error(`The emulator exited before it was ready (code ${code}, signal ${signal}). Its output:\n${output}`));
    });
  });

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  }

  async function kill() {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    return exited;
  }
}
