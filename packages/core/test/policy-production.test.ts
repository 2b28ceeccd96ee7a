// The production build of the policy diagnostics (#policy-checks without the `development`
// condition) must refuse exactly what the development build refuses, at the same field paths:
// only the wording is shorter. The production build runs in a child Node without that condition.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { PolicyError } from '../src/errors.js';
import { parsePolicy } from '../src/policy.js';
import { variant } from './fixtures.js';

/** Policies that would hurt users, one per rule the production build must keep. */
const harmful: Record<string, Record<string, unknown>> = {
  'a javascript: URL in documents[0].url': variant((p) => (p.documents[0].url = 'javascript:alert(1)')),
  'a purpose id that breaks the wire format': variant((p) => (p.purposes[1].id = 'a,b')),
  'no required purpose': variant((p) => (p.purposes = [p.purposes[1]])),
  'a pre-ticked optional purpose': variant((p) => (p.purposes[1].checked = true)),
  'an unknown document reference': variant((p) => p.purposes[0].documents.push('cookies')),
  'more purposes than the limit': variant((p) => {
    for (let i = 0; i < 20; i++) p.purposes.push({ id: `extra${i}`, required: false, basis: 'consent' });
  }),
  'a required purpose resting on consent': variant((p) => (p.purposes[0].basis = 'consent')),
};

/** `[path, message][]` of every issue of `policy`, or null when it is accepted. */
function issuesOf(policy: unknown): [string, string][] | null {
  try {
    parsePolicy(policy);
    return null;
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    return error.issues.map(({ path, message }) => [path, message]);
  }
}

/** The same as `issuesOf` for each policy, computed by a Node process without the `development` condition. */
function productionIssuesOf(policies: unknown[]): ([string, string][] | null)[] {
  const policyModule = fileURLToPath(new URL('../src/policy.ts', import.meta.url));
  const script = `
    import { parsePolicy } from ${JSON.stringify(policyModule)};
    const input = JSON.parse(process.argv[1]);
    const results = input.map((policy) => {
      try { parsePolicy(policy); return null; }
      catch (error) { return { name: error.name, issues: error.issues.map(({ path, message }) => [path, message]) }; }
    });
    process.stdout.write(JSON.stringify(results));`;
  const output = execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script, JSON.stringify(policies)], { encoding: 'utf8' });
  return (JSON.parse(output) as ({ name: string; issues: [string, string][] } | null)[]).map((result) => {
    if (result) assert.equal(result.name, 'PolicyError');
    return result && result.issues;
  });
}

describe('parsePolicy in a production build', () => {
  const names = Object.keys(harmful);
  const production = productionIssuesOf(Object.values(harmful));

  test('runs the development diagnostics in these tests', () => {
    assert.match(issuesOf(harmful['no required purpose'])![0]![1], /needs a required purpose/);
  });

  names.forEach((name, i) => {
    test(`refuses ${name} at the same field paths, with a short message`, () => {
      const development = issuesOf(harmful[name]);
      assert.ok(development?.length, 'the development build refuses it');
      const short = production[i];
      assert.ok(short, 'the production build refuses it too');
      assert.deepEqual(
        short.map(([path]) => path),
        development.map(([path]) => path),
      );
      for (const [, message] of short) assert.match(message, /^is invalid \([a-zA-Z]+\)$/);
    });
  });
});
