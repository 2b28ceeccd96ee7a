/**
 * `npm start` as the README runs it: it says where the demo and the emulator listen, and a signal
 * sent to npm alone (a process manager's SIGTERM, a closed terminal's SIGHUP) stops every process it
 * started and frees their ports.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether something listens on `port` of 127.0.0.1. */
async function inUse(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}

/** Every process below `pid` (Linux `ps`). */
function descendants(pid: number): number[] {
  const children = (spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).stdout ?? '')
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((child) => child > 0);
  return children.flatMap((child) => [child, ...descendants(child)]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `npm start` on the given ports; resolves once it printed the emulator's address, with all it printed. */
async function npmStart(ports: { demo: number; emulator: number }): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, ASSENT_DEMO_PORT: String(ports.demo), ASSENT_EMULATOR_PORT: String(ports.emulator) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const ready = new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes('Press Ctrl-C to stop both.')) resolve();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${text}`)));
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
  try {
    await ready;
  } finally {
    clearTimeout(timer);
  }
  return { child, output: () => text };
}

/** Sends `signal` to npm alone and waits for it to exit; returns the processes still alive of those it had started. */
async function stopWith(child: ChildProcess, signal: NodeJS.Signals): Promise<number[]> {
  const started = descendants(child.pid as number);
  assert.ok(started.length >= 2, 'npm started the run script and the demo');
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
  // npm exits at once; what it started stops within seconds (the servers close their connections).
  for (let tries = 0; tries < 150 && started.some(alive); tries += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  return started.filter(alive);
}

describe('npm start', () => {
  test("SIGTERM to npm stops every process it started and frees the demo's and the emulator's ports", { timeout: 240_000 }, async () => {
    const ports = { demo: await freePort(), emulator: await freePort() };
    const { child, output } = await npmStart(ports);
    assert.match(output(), new RegExp(`Assent demo\\s+http://127\\.0\\.0\\.1:${ports.demo}/`));
    assert.deepEqual(await stopWith(child, 'SIGTERM'), [], output());
    assert.deepEqual({ demo: await inUse(ports.demo), emulator: await inUse(ports.emulator) }, { demo: false, emulator: false });
  });

  test('says which port it took when the usual one is busy, and SIGHUP stops it', { timeout: 240_000 }, async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const taken = (busy.address() as AddressInfo).port;
    try {
      const { child, output } = await npmStart({ demo: taken, emulator: await freePort() });
      const line =
        output()
          .split('\n')
          .find((text) => text.includes('Assent demo')) ?? '';
      const took = Number(/127\.0\.0\.1:(\d+)\//.exec(line)?.[1]);
      assert.notEqual(took, taken);
      assert.ok(line.includes(`(port ${taken} is in use: took ${took})`), line);
      assert.deepEqual(await stopWith(child, 'SIGHUP'), [], output());
    } finally {
      busy.close();
    }
  });
});
