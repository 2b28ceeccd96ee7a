#!/usr/bin/env node
// Starts the emulator's CLI. Inside this workspace it runs straight from src/ through tsx (a root
// devDependency), so no build step is needed; an installed package (under node_modules) runs dist/,
// even when the app that installed it happens to have tsx.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src', 'cli.ts');
const built = join(root, 'dist', 'cli.js');

const installed = root.split(/[\\/]/).includes('node_modules');
let register;
if (!installed && existsSync(source)) {
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    register = undefined;
  }
}

if (register) {
  register();
  await import(pathToFileURL(source).href);
} else if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  process.stderr.write('assent-auth0-emulator: neither dist/cli.js (run the build) nor tsx (to run src/) is available.\n');
  process.exit(1);
}
