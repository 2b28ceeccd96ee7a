/**
 * Starts consent handlers in processes of their own (handler-child.ts): several
 * server instances on one database, each killable with SIGKILL like a crashed machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HandlerChildSettings } from './handler-child.js';

/** A running handler process. */
export interface HandlerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Stops it cleanly (closes its store); resolves when it exited. */
  stop(): Promise<void>;
  /** kill -9: no cleanup of any kind, as when a machine dies. */
  kill(): Promise<void>;
}

export function startHandlerProcess(settings: HandlerChildSettings): Promise<HandlerProcess> {
  const entry = fileURLToPath(new URL('./handler-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', entry], {
    env: { ...process.env, ASSENT_HANDLER_SETTINGS: JSON.stringify(settings) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ASSENT_HANDLER_READY (.+)\n/.exec(output)?.[1];
      if (!ready) return;
      resolve({
        url: (JSON.parse(ready) as { url: string }).url,
        child,
        async stop() {
          if (alive()) child.stdin?.end();
          await exited;
        },
        async kill() {
          if (alive()) child.kill('SIGKILL');
          await exited;
        },
      });
    });
    child.once('exit', (code) => reject(new Error(`the handler process exited (${code}) before it was ready`)));
  });
}
