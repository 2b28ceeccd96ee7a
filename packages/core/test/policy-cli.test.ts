// `assent-policy check`. The exit codes and the development build's sentences are checked through
// the package's bin in a child Node without the `development` condition, as users run it; the
// other behaviours through `main` in this process (each bin start costs seconds in the workspace).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/policy-check.js';
import { PolicyError } from '../src/errors.js';
import { parsePolicy } from '../src/policy.js';
import { examplePolicy, variant } from './fixtures.js';

const bin = fileURLToPath(new URL('../bin/assent-policy.mjs', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'assent-policy-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runBin(args: string[]): Run {
  // Without NODE_OPTIONS from the test runner: the bin must pick its conditions itself.
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
}

async function run(args: string[], stdin = ''): Promise<Run> {
  const result = { status: null as number | null, stdout: '', stderr: '' };
  result.status = await main(args, {
    readFile: async (path) => (await import('node:fs/promises')).readFile(path, 'utf8'),
    readStdin: async () => stdin,
    stdout: (text) => void (result.stdout += text),
    stderr: (text) => void (result.stderr += text),
  });
  return result;
}

/** The issues parsePolicy reports in this process, which runs with the `development` condition. */
function developmentIssues(policy: unknown): { path: string; code: string; message: string }[] {
  try {
    parsePolicy(policy);
  } catch (error) {
    assert.ok(error instanceof PolicyError);
    return error.issues.map(({ path, code, message }) => ({ path, code, message }));
  }
  assert.fail('expected an invalid policy');
}

const invalid = variant((p) => {
  p.id = 'Acme Signup';
  p.documents[0].url = 'javascript:alert(1)';
  p.purposes[1].checked = true;
  p.purposes[0].basis = 'consent';
});

describe('assent-policy check', () => {
  test('exits 0 and names the policy when the file is a valid policy', () => {
    const path = file('valid.json', { $schema: './node_modules/@assent/core/policy.schema.json', ...examplePolicy() });
    const result = runBin(['check', path]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `${path}: valid consent policy acme-signup@2026-11-01\n`);
  });

  test("exits 1 and prints every issue with the development build's sentence at its field path", () => {
    const path = file('invalid.json', invalid);
    const result = runBin(['check', path]);
    assert.equal(result.status, 1, result.stderr);
    const issues = developmentIssues(invalid);
    assert.ok(issues.length >= 4 && !issues.some((issue) => issue.message.startsWith('is invalid (')), 'the expected issues are sentences');
    assert.equal(result.stdout, `${path}: invalid consent policy, ${issues.length} issues\n` + issues.map((issue) => `  ${issue.path}: ${issue.message}\n`).join(''));
  });

  test("--json prints each file's path, validity, policy and issues with their codes", async () => {
    const good = file('good.json', examplePolicy());
    const bad = file('bad.json', invalid);
    const result = await run(['check', '--json', good, bad]);
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), {
      valid: false,
      files: [
        { file: good, valid: true, policy: 'acme-signup@2026-11-01', issues: [] },
        { file: bad, valid: false, issues: developmentIssues(invalid) },
      ],
    });
  });

  test('exits 1 and says where when the file is not JSON', () => {
    const result = runBin(['check', file('broken.json', '{ "id": "acme", }')]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /broken\.json: invalid consent policy, 1 issue\n {2}\(root\): is not JSON: .*position \d+/);
  });

  test('reads the policy from standard input for "-"', async () => {
    const result = await run(['check', '-'], JSON.stringify(examplePolicy()));
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '(stdin): valid consent policy acme-signup@2026-11-01\n');
  });

  test('exits 2 with the usage on a missing command', () => {
    const result = runBin([]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /missing command\n\nUsage: assent-policy check/);
  });

  test('exits 2 with the usage on a missing file, an unknown command or option, or "-" twice', async () => {
    for (const args of [['check'], ['lint', 'x.json'], ['check', '--strict', 'x.json'], ['check', '-', '-']]) {
      const result = await run(args);
      assert.equal(result.status, 2, `assent-policy ${args.join(' ')}`);
      assert.match(result.stderr, /^assent-policy: /);
      assert.equal(result.stdout, '');
    }
  });

  test('exits 2 when a file cannot be read, naming it', async () => {
    const missing = join(folder, 'missing.json');
    const result = await run(['check', missing]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, new RegExp(`cannot read ${missing.replace(/[.\\]/g, '\\$&')}: ENOENT`));
  });

  test('--help prints the usage and exits 0', async () => {
    const result = await run(['--help']);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /Exit code: 0 when every file is a valid policy/);
  });
});
