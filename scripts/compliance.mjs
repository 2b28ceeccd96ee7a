#!/usr/bin/env node
// The compliance matrix (docs/compliance.md): for each consent requirement of
// scripts/compliance-requirements.json, the tests tagged with its marker that ran and passed. It is
// generated from the runners' own results (the titles scripts/test.mjs records for the node,
// browser and e2e stages), so it lists what ran, under the names the runners gave it.
//
//   node scripts/compliance.mjs                  check docs/compliance.md against the last results
//   node scripts/compliance.mjs --write          rewrite docs/compliance.md from the last results
//   node scripts/compliance.mjs --results DIR    read the results from DIR (scripts/test.mjs passes its run's)
//   node scripts/compliance.mjs --document FILE  check or write FILE instead (the script's own tests)
//
// Fails when a requirement has no passing test, a tagged test failed, a title carries an unknown
// marker, the results of a stage are missing, or (without --write) the committed file is stale.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The requirements (scripts/compliance-requirements.json): what the law and the EDPB ask of consent,
 * each `{ marker, title, means }`. A test title carries one or more markers, e.g.
 * `it('renders the required box unticked [Recital 32]')`.
 * @type {readonly { marker: string, title: string, means: string }[]}
 */
const REQUIREMENTS = JSON.parse(readFileSync(join(root, 'scripts', 'compliance-requirements.json'), 'utf8'));
/** The stages whose tests can carry markers, and where scripts/test.mjs keeps their latest results. */
export const TAGGED_STAGES = ['node', 'browser', 'e2e'];
export const LATEST_RESULTS = join(root, '.cache', 'test', 'titles');

const args = process.argv.slice(2);
const write = args.includes('--write');
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const resultsDir = option('--results', LATEST_RESULTS);
const documentPath = option('--document', join(root, 'docs', 'compliance.md'));
// Anything that looks like a marker of one of these sources must be a known one.
const MARKER_LIKE = /\[(?:GDPR|Recital|EDPB)[^\]]*\]/g;

const problems = [];
const tests = [];
for (const stage of TAGGED_STAGES) {
  const file = join(resultsDir, `${stage}.jsonl`);
  if (!existsSync(file)) {
    problems.push(`no results of the ${stage} tests in ${file}: run \`node scripts/test.mjs node browser e2e compliance\``);
    continue;
  }
  for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) tests.push({ stage, ...JSON.parse(line) });
}

/** requirement marker -> Map(key -> { stage, file, suites, name, passed }) */
const proofs = new Map(REQUIREMENTS.map((requirement) => [requirement.marker, new Map()]));
for (const test of tests) {
  const titles = [...test.suites, test.name];
  const markers = new Set(titles.flatMap((title) => title.match(MARKER_LIKE) ?? []));
  const strip = (title) => title.replace(MARKER_LIKE, '').replace(/\s+/g, ' ').trim();
  for (const marker of markers) {
    const found = proofs.get(marker);
    if (!found) {
      problems.push(`${test.file}: unknown marker ${marker} in "${test.name}" (known: ${REQUIREMENTS.map((r) => r.marker).join(' ')})`);
      continue;
    }
    const entry = { stage: test.stage, file: test.file, suites: test.suites.map(strip), name: strip(test.name) };
    const key = JSON.stringify(entry);
    const passed = (found.get(key)?.passed ?? true) && test.passed;
    found.set(key, { ...entry, passed });
  }
}

for (const requirement of REQUIREMENTS) {
  const list = [...proofs.get(requirement.marker).values()];
  for (const test of list.filter((candidate) => !candidate.passed)) problems.push(`${requirement.marker}: "${test.name}" (${test.file}) failed`);
  if (!list.some((test) => test.passed)) problems.push(`${requirement.marker} (${requirement.title}): no passing test proves it`);
}

// Titles are text: `<assent-terms>` must not become an HTML tag, nor `|` a column.
const cell = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
const order = (a, b) => (a.file + '\0' + a.suites.join('\0') + '\0' + a.name < b.file + '\0' + b.suites.join('\0') + '\0' + b.name ? -1 : 1);
const lines = [
  '# Compliance matrix',
  '',
  "Which tests prove which consent requirement. Each test below carries the requirement's marker in its",
  'title and passed in the last run of `npm test`. This file is generated: `node scripts/compliance.mjs',
  '--write` writes it from the results of the node, browser and e2e stages, and `npm test` (stage',
  '`compliance`) fails when a requirement has no passing test or this file is not what the tests say.',
  'Tag a test that really checks a requirement with its marker (`scripts/compliance-requirements.json`),',
  "e.g. `it('renders the required box unticked [Recital 32]')`.",
  '',
  'The matrix shows what the tests check; it is not legal advice.',
  '',
  '| requirement | marker | tests |',
  '|---|---|---:|',
  ...REQUIREMENTS.map((r) => `| ${r.title} | \`${r.marker}\` | ${proofs.get(r.marker).size} |`),
];
for (const requirement of REQUIREMENTS) {
  lines.push('', `## ${requirement.title}`, '', requirement.means, '', '| test | where | runner |', '|---|---|---|');
  for (const test of [...proofs.get(requirement.marker).values()].sort(order)) {
    lines.push(`| ${cell(test.name)} | \`${test.file}\`${test.suites.length ? ' › ' + cell(test.suites.join(' › ')) : ''} | ${test.stage} |`);
  }
}
const text = lines.join('\n') + '\n';

if (problems.length === 0 || write) {
  if (write) {
    mkdirSync(dirname(documentPath), { recursive: true });
    writeFileSync(documentPath, text);
    console.log(`compliance matrix: written to ${documentPath}`);
  } else if (!existsSync(documentPath) || readFileSync(documentPath, 'utf8') !== text) {
    problems.push(`${documentPath} is stale: run \`node scripts/compliance.mjs --write\` (after the node, browser and e2e stages) and commit it`);
  }
}
for (const problem of problems) console.error(`compliance: ${problem}`);
if (problems.length === 0) {
  const counts = REQUIREMENTS.map((r) => `${r.marker} ${proofs.get(r.marker).size}`).join(', ');
  console.log(`compliance matrix: every requirement has passing tests (${counts})`);
}
process.exitCode = problems.length ? 1 : 0;
