#!/usr/bin/env node
// Entry point of the README's commands (`npm start`, `npm test`). It must work on a machine that
// has only Node and npm: it brings in pnpm, the dependencies and (for tests) Chromium and PostgreSQL itself,
// then hands over to the real script. Plain Node, no dependencies: nothing is installed yet.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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

/**
 * better-sqlite3 (the SQLite withdrawal log) compiles its native module when no prebuilt one can be
 * downloaded (offline machines). node-gyp then fetches Node's headers from nodejs.org, unless it is
 * told where they already are: Node installed under /usr ships them in /usr/include/node.
 */
function buildEnv() {
  if (process.env.npm_config_nodedir) return process.env;
  const prefix = join(dirname(process.execPath), '..');
  return existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? { ...process.env, npm_config_nodedir: prefix } : process.env;
}

function ensureDependencies() {
  // Fast when nothing changed; refuses to touch the lockfile, so a run never rewrites it.
  const status = run('pnpm', ['install', '--frozen-lockfile'], { env: buildEnv() });
  if (status !== 0) fail('`pnpm install --frozen-lockfile` failed (see above).');
}

function ensureChromium() {
  if (findChromium()) return;
  if (process.env.CHROME_PATH) fail(`CHROME_PATH is set to "${process.env.CHROME_PATH}", but no browser is there.`);
  if (isRoot && quiet('sh', ['-c', 'command -v apt-get'])) {
    console.log('assent: installing Chromium through apt-get (about 20 s)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update'], { env }) === 0 && run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env }) === 0 && findChromium()) return;
  }
  fail('the tests need Chromium or Chrome. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to its executable, then run this command again.');
}

/** Where Debian's (or another) PostgreSQL keeps initdb; the same search as packages/testkit/src/postgres.ts. */
function findPostgres() {
  if (process.env.ASSENT_PG_BIN) return existsSync(join(process.env.ASSENT_PG_BIN, 'initdb'));
  if (existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(join('/usr/lib/postgresql', v, 'bin', 'initdb')))) return true;
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres')));
}

/** The withdrawal log's PostgreSQL tests start a real server of their own: they need its binaries. */
function ensurePostgres() {
  if (findPostgres()) return;
  if (isRoot && quiet('sh', ['-c', 'command -v apt-get'])) {
    console.log('assent: installing PostgreSQL through apt-get (about 20 s; no cluster is created or started, the tests start their own)');
    // Debian's package would create and start a "main" cluster; the tests need only the binaries.
    mkdirSync('/etc/postgresql-common/createcluster.d', { recursive: true });
    writeFileSync('/etc/postgresql-common/createcluster.d/assent-no-main-cluster.conf', 'create_main_cluster = false\n');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update'], { env }) === 0 && run('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { env }) === 0 && findPostgres()) return;
  }
  fail(
    "the tests need PostgreSQL's server binaries (they start a throwaway server). Install them (Debian/Ubuntu: `sudo apt-get install postgresql`; macOS: `brew install postgresql`) or set ASSENT_PG_BIN to the folder holding initdb and postgres, then run this command again.",
  );
}

const [command = 'test', ...rest] = process.argv.slice(2);
const scripts = {
  start: { needsBrowser: false, argv: ['node', '--conditions=source', '--import', 'tsx', 'demo/server/start.ts'] },
  test: { needsBrowser: true, argv: ['node', 'scripts/test.mjs'] },
  build: { needsBrowser: false, argv: ['pnpm', '-r', '--if-present', 'run', 'build'] },
};
const script = scripts[command];
if (!script) fail(`unknown command "${command}"; use one of: ${Object.keys(scripts).join(', ')}`);
if (!existsSync(join(root, 'pnpm-lock.yaml'))) fail('run this from a clone of the Assent repository.');

ensurePnpm();
ensureDependencies();
if (script.needsBrowser) ensureChromium();
if (script.needsBrowser) ensurePostgres();
const [cmd, ...args] = script.argv;
// Not spawnSync: a signal sent to this process alone (npm passes SIGTERM on, a closed terminal
// sends SIGHUP) must reach the script, which stops what it started, before this process exits.
const child = spawn(cmd, [...args, ...rest], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, ...(script.needsBrowser ? { CHROME_PATH: findChromium() } : {}) },
});
// (Ctrl-C reaches the child directly too: the scripts treat signals close together as one.)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
// npm runs this through `sh -c`, which dies of a SIGTERM without passing it on, and npm passes no
// SIGHUP on at all (it just dies): when the shell or npm above it is gone, this process stops the
// child as for SIGTERM. npm is the shell's parent, read from /proc where there is one (Linux).
const parentOf = (pid) => {
  try {
    return Number(
      readFileSync(`/proc/${pid}/stat`, 'utf8')
        .replace(/^.*\) /s, '')
        .split(' ')[1],
    );
  } catch {
    return undefined;
  }
};
const parent = process.ppid;
const grandparent = parentOf(parent);
setInterval(() => {
  if (process.ppid !== parent || parentOf(parent) !== grandparent) child.kill('SIGTERM');
}, 500).unref();
child.on('error', (error) => fail(`could not run ${cmd}: ${error.message}`));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15) : 1)));
