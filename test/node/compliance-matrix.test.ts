/**
 * scripts/compliance.mjs, the check behind docs/compliance.md, run on made-up runner results: it
 * writes the matrix from the tagged tests, and fails when a requirement has no passing test, a
 * tagged test failed, a marker is unknown, a stage's results are missing or the document is stale.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../scripts/compliance.mjs', import.meta.url));
const REQUIREMENTS = JSON.parse(readFileSync(new URL('../../scripts/compliance-requirements.json', import.meta.url), 'utf8')) as { marker: string; title: string; means: string }[];
const dir = mkdtempSync(join(tmpdir(), 'assent-compliance-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Result {
  file: string;
  suites: string[];
  name: string;
  passed: boolean;
}

/** One passing node test per requirement, as the runners record them. */
function everyRequirement(): Result[] {
  return REQUIREMENTS.map((requirement, i) => ({ file: `test/node/example-${i}.test.ts`, suites: ['a suite'], name: `proves it ${requirement.marker}`, passed: true }));
}

/** Runs the script on these results; returns its exit status and output. */
function run(results: { node?: Result[]; browser?: Result[]; e2e?: Result[] }, ...args: string[]): { status: number | null; output: string; document: string } {
  const results_ = mkdtempSync(join(dir, 'results-'));
  for (const [stage, list] of Object.entries(results)) writeFileSync(join(results_, `${stage}.jsonl`), list.map((entry) => JSON.stringify(entry) + '\n').join(''));
  const document = join(dir, 'compliance.md');
  const child = spawnSync(process.execPath, [SCRIPT, '--results', results_, '--document', document, ...args], { encoding: 'utf8' });
  let text = '';
  try {
    text = readFileSync(document, 'utf8');
  } catch {
    // not written
  }
  return { status: child.status, output: child.stdout + child.stderr, document: text };
}

test('writes the matrix from the tagged tests: each requirement with what it means and the tests that prove it, titles without markers', () => {
  const { status, document } = run(
    { node: everyRequirement(), browser: [{ file: 'packages/x.test.ts', suites: ['<assent-terms>'], name: 'renders the box unticked [Recital 32]', passed: true }], e2e: [] },
    '--write',
  );
  assert.equal(status, 0);
  for (const requirement of REQUIREMENTS) assert.ok(document.includes(`## ${requirement.title}`), requirement.title);
  assert.match(document, /\| renders the box unticked \| `packages\/x\.test\.ts` › &lt;assent-terms&gt; \| browser \|/);
  assert.doesNotMatch(document.split('## ')[1]!, /proves it \[/);
});

test('passes on the same results once the matrix is written, and fails when the document is stale', () => {
  assert.equal(run({ node: everyRequirement(), browser: [], e2e: [] }, '--write').status, 0);
  assert.equal(run({ node: everyRequirement(), browser: [], e2e: [] }).status, 0);
  const renamed = everyRequirement().map((entry, i) => (i === 0 ? { ...entry, name: `proves it better ${REQUIREMENTS[0]!.marker}` } : entry));
  const stale = run({ node: renamed, browser: [], e2e: [] });
  assert.equal(stale.status, 1);
  assert.match(stale.output, /is stale/);
});

test('fails naming a requirement that no passing test proves', () => {
  const [, ...rest] = everyRequirement();
  const { status, output } = run({ node: rest, browser: [], e2e: [] }, '--write');
  assert.equal(status, 1);
  assert.ok(output.includes(`${REQUIREMENTS[0]!.marker} (${REQUIREMENTS[0]!.title}): no passing test proves it`), output);
});

test('fails naming a tagged test that failed', () => {
  const results = everyRequirement();
  results.push({ ...results[0]!, name: `also proves it ${REQUIREMENTS[0]!.marker}`, passed: false });
  const { status, output } = run({ node: results, browser: [], e2e: [] }, '--write');
  assert.equal(status, 1);
  assert.match(output, /"also proves it" \(test\/node\/example-0\.test\.ts\) failed/);
});

test('fails on a marker that names no requirement', () => {
  const { status, output } = run({ node: [...everyRequirement(), { file: 'a.test.ts', suites: [], name: 'x [GDPR 7(5)]', passed: true }], browser: [], e2e: [] }, '--write');
  assert.equal(status, 1);
  assert.match(output, /unknown marker \[GDPR 7\(5\)\]/);
});

test('fails when a stage’s results are missing, naming the command that makes them', () => {
  const { status, output } = run({ node: everyRequirement(), e2e: [] });
  assert.equal(status, 1);
  assert.match(output, /no results of the browser tests.*node scripts\/test\.mjs node browser e2e compliance/);
});
