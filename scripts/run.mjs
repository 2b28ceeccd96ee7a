#!/usr/bin/env node
// Entry point of the README's commands (`npm start`, `npm test`). It must work on a machine that
// has only Node and npm: it brings in pnpm, the dependencies and (for tests) Chromium itself,
// then hands over to the real script. Plain Node, no dependencies: nothing is installed yet.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium-path.mjs';

const PNPM_VERSION = '12.21.0';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a command with inherited stdio; returns its exit status (null when it could not start). */
function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  return result.error ? null : result.status;
}

function quiet(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
  return result.error || result.status !== 0 ? null : result.stdout.trim();
}

function fail(message) {
  console.error(`\nassent: ${message}`);
  process.exit(1);
}

function ensurePnpm() {
  const version = quiet('pnpm', ['--version']);
  if (version && version.startsWith('12.')) return;
  console.log(`assent: installing pnpm ${PNPM_VERSION} (found: ${version ?? 'none'})`);
  // Pinned here rather than with `packageManager` in package.json: with that field every `pnpm run`
  // failed on these machines (a platform binary of pnpm was missing from the registry), and
  // `devEngines.packageManager` made `pnpm install --frozen-lockfile` fail under CI=true.
  const status = run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`]);
  if (status !== 0 || !quiet('pnpm', ['--version'])) {
    fail(`could not install pnpm. Install it yourself with \`npm install -g pnpm@${PNPM_VERSION}\` (it may need sudo), then run this command again.`);
  }
}

function ensureDependencies() {
  // Fast when nothing changed; refuses to touch the lockfile, so a run never rewrites it.
  const status = run('pnpm', ['install', '--frozen-lockfile']);
  if (status !== 0) fail('`pnpm install --frozen-lockfile` failed (see above).');
}

function ensureChromium() {
  if (findChromium()) return;
  if (process.env.CHROME_PATH) fail(`CHROME_PATH is set to "${process.env.CHROME_PATH}", but no browser is there.`);
  if (isRoot && quiet('sh', ['-c', 'command -v apt-get'])) {
    console.log('assent: installing Chromium through apt-get (about 20 s)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update'], { env }) === 0 &&
        run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env }) === 0 &&
        findChromium()) return;
  }
  fail('the tests need Chromium or Chrome. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to its executable, then run this command again.');
}

const [command = 'test', ...rest] = process.argv.slice(2);
const scripts = {
  start: { needsBrowser: false, argv: ['node', '--conditions=source', '--import', 'tsx', 'scripts/start-demo.ts'] },
  test: { needsBrowser: true, argv: ['node', 'scripts/test.mjs'] },
  build: { needsBrowser: false, argv: ['pnpm', '-r', '--if-present', 'run', 'build'] },
};
const script = scripts[command];
if (!script) fail(`unknown command "${command}"; use one of: ${Object.keys(scripts).join(', ')}`);
if (!existsSync(join(root, 'pnpm-lock.yaml'))) fail('run this from a clone of the Assent repository.');

ensurePnpm();
ensureDependencies();
if (script.needsBrowser) ensureChromium();
const [cmd, ...args] = script.argv;
const status = run(cmd, [...args, ...rest], {
  env: { ...process.env, ...(script.needsBrowser ? { CHROME_PATH: findChromium() } : {}) },
});
process.exit(status ?? 1);
