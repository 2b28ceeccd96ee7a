#!/usr/bin/env node
// Runs every check and test runner of the workspace and closes with one line
// `N passed, N failed` that sums them all (CI reads that line; wtr's own summary is not of that form).
//
//   node scripts/test.mjs                 everything
//   node scripts/test.mjs node browser    only the named stages
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Per-run folder for the runners' counts, so two runs at once (two engineers, CI) never mix them.
const cacheRoot = join(root, '.cache', 'test');
const cache = join(cacheRoot, `run-${process.pid}`);
mkdirSync(cache, { recursive: true });
process.on('exit', () => rmSync(cache, { recursive: true, force: true }));
// Each test that ran, per stage (file, suites, title, passed), for the compliance matrix: this run's
// in `cache`, and the latest of each stage kept in `.cache/test/titles` for `scripts/compliance.mjs --write`.
const titlesOf = (stage) => join(cache, `${stage}.jsonl`);
function keepTitles(stage) {
  mkdirSync(join(cacheRoot, 'titles'), { recursive: true });
  if (existsSync(titlesOf(stage))) copyFileSync(titlesOf(stage), join(cacheRoot, 'titles', `${stage}.jsonl`));
}

/** Test files below `dir` (relative to the root) whose names end with `suffix`. */
function testFiles(dir, suffix = '.test.ts') {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)))
    .filter((file) => !file.includes('node_modules'))
    .sort();
}

function exec(cmd, args, env = {}) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.error ? 1 : (result.status ?? 1);
}

/** A check that is not a test runner counts as one test: passed when its command exits 0. */
function check(name, cmd, args) {
  return () => {
    const status = exec(cmd, args);
    return { passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, label: name };
  };
}

/** node:test, with a TAP copy of the results to count from. */
function nodeTests(name, dirs) {
  return () => {
    const files = dirs.flatMap((dir) => testFiles(dir));
    if (files.length === 0) return { passed: 0, failed: 0, label: `${name} (no files)` };
    const tap = join(cache, `${name}.tap`);
    rmSync(tap, { force: true });
    const status = exec('node', [
      '--conditions=source',
      // Development builds of our packages (#policy-checks): the tests check the full diagnostics.
      '--conditions=development',
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=2',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      `--test-reporter=${pathToFileURL(join(root, 'scripts', 'test-titles-reporter.mjs')).href}`,
      `--test-reporter-destination=${titlesOf(name)}`,
      ...files,
    ]);
    keepTitles(name);
    const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
    const count = (key) => Number(text.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
    const passed = count('pass');
    let failed = count('fail') + count('cancelled');
    // A runner that died before reporting must not look green.
    if (status !== 0 && failed === 0) failed = 1;
    return { passed, failed, label: name };
  };
}

/** @web/test-runner in Chromium; scripts/wtr-count-reporter.mjs writes the counts. */
function browserTests() {
  const counts = join(cache, 'wtr-counts.json');
  rmSync(counts, { force: true });
  const status = exec('pnpm', ['exec', 'wtr'], { ASSENT_WTR_COUNTS: counts });
  const { tests = [], ...result } = existsSync(counts) ? JSON.parse(readFileSync(counts, 'utf8')) : { passed: 0, failed: 0 };
  writeFileSync(titlesOf('browser'), tests.map((test) => `${JSON.stringify(test)}\n`).join(''));
  keepTitles('browser');
  if (status !== 0 && result.failed === 0) result.failed = 1;
  return { ...result, label: 'browser' };
}

const stages = {
  typecheck: check('typecheck', 'pnpm', ['exec', 'tsc', '-p', 'tsconfig.json']),
  lint: check('lint', 'pnpm', ['exec', 'eslint', '.']),
  // Biome as formatter only (biome.json): fails on any file `pnpm format` would change.
  format: check('format', 'pnpm', ['exec', 'biome', 'format', '.']),
  manifest: check('manifest', 'node', ['scripts/check-manifest.mjs']),
  actions: check('actions', 'node', ['scripts/check-actions.mjs']),
  budget: check('budget', 'node', ['scripts/budget.mjs']),
  node: nodeTests('node', ['packages/core', 'packages/auth0-emulator', 'packages/server', 'packages/universal-login', 'test/node']),
  browser: browserTests,
  e2e: nodeTests('e2e', ['test/e2e']),
  // Packs every public package and installs the tarballs into apps outside the workspace (test/consumers).
  packages: nodeTests('packages', ['test/consumers']),
  // Last: the requirements' tagged tests must have passed in this run's node, browser and e2e stages.
  compliance: check('compliance', 'node', ['scripts/compliance.mjs', '--results', cache]),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in stages));
if (unknown.length > 0) {
  console.error(`unknown stage(s): ${unknown.join(', ')}; stages: ${Object.keys(stages).join(', ')}`);
  process.exit(2);
}

const results = [];
for (const [name, stage] of Object.entries(stages)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  results.push(stage());
}

const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log('\nSummary');
for (const r of results) console.log(`  ${r.label.padEnd(12)} ${r.passed} passed, ${r.failed} failed`);
const line = `${passed} passed, ${failed} failed`;
writeFileSync(join(cacheRoot, 'summary.txt'), `${line}\n`);
console.log(line);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
