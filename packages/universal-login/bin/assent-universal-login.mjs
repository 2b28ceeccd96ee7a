#!/usr/bin/env node
// Starts the Universal Login deploy CLI. An installed package runs dist/. Inside this workspace, where
// nothing is built, it runs src/ in a child Node with tsx and the "source" export condition (so
// @assent/core resolves to its sources too), forwarding the exit code and Ctrl-C.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src', 'main.ts');
const built = join(root, 'dist', 'main.js');

function tsxAvailable() {
  try {
    createRequire(import.meta.url).resolve('tsx');
    return true;
  } catch {
    return false;
  }
}

if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else if (existsSync(source) && tsxAvailable()) {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', source, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal === 'SIGINT' ? 130 : 1);
  });
} else {
  process.stderr.write('assent-consent-report: neither dist/report/main.js (run the build) nor tsx (to run src/) is available.\n');
  process.exit(1);
}
