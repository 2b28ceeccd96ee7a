// guardPolicy, the production build's validatePolicy: the checks that protect users, at the field
// paths parsePolicy reports them; what only helps a policy's author is parsePolicy's alone.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { validatePolicy } from '../src/validate-policy.js';
import { PolicyError } from '../src/errors.js';
import { guardPolicy } from '../src/policy-guard.js';
import { parsePolicy } from '../src/policy.js';
import { examplePolicy, policyArb, variant } from './fixtures.js';

/** Policies that would hurt users: each one the guard must refuse. */
const harmful: Record<string, Record<string, unknown>> = {
  'a javascript: URL in documents[0].url': variant((p) => (p.documents[0].url = 'javascript:alert(1)')),
  'a protocol-relative withdrawal URL': variant((p) => (p.withdrawal.url = '//evil.example')),
  'a purpose id that breaks the wire format': variant((p) => (p.purposes[1].id = 'a,b')),
  'a duplicate purpose id': variant((p) => (p.purposes[1].id = 'terms')),
  'a policy version with a line break': variant((p) => (p.version = '1\n2')),
  'a document version with a space': variant((p) => (p.documents[0].version = '3 1')),
  'a malformed document sha256': variant((p) => (p.documents[0].sha256 = 'abc')),
  'no required purpose': variant((p) => (p.purposes = [p.purposes[1]])),
  '"required" that is not a boolean': variant((p) => (p.purposes[1].required = 'false')),
  'more purposes than the limit': variant((p) => {
    for (let i = 0; i < 20; i++) p.purposes.push({ id: `extra${i}`, required: false, basis: 'consent' });
  }),
  'a message that is not a string': variant((p) => (p.messages = { en: { 'purpose.marketing': { html: '<b>' } } })),
  'no controller name': variant((p) => delete p.controller.name),
  'purposes that are not a list': variant((p) => (p.purposes = { terms: true })),
  'a document that is not an object': variant((p) => (p.documents[1] = 'privacy')),
};

/** Rules that only help the policy's author: parsePolicy refuses them, the guard lets them through. */
const authorOnly: Record<string, Record<string, unknown>> = {
  'a pre-ticking field (the elements never read it)': variant((p) => (p.purposes[1].checked = true)),
  'an unknown document reference': variant((p) => p.purposes[0].documents.push('cookies')),
  'a required purpose resting on consent': variant((p) => (p.purposes[0].basis = 'consent')),
};

/** `[path, message][]` of every issue `check` finds in `policy`, or null when it accepts it. */
function issuesOf(check: (input: unknown) => unknown, policy: unknown): [string, string][] | null {
  try {
    check(policy);
    return null;
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    return error.issues.map(({ path, message }) => [path, message]);
  }
}

describe('guardPolicy', () => {
  for (const [name, policy] of Object.entries(harmful)) {
    test(`refuses ${name}, at a path parsePolicy reports too`, () => {
      const guarded = issuesOf(guardPolicy, policy);
      assert.ok(guarded?.length, 'the guard refuses it');
      const full = issuesOf(parsePolicy, policy)!.map(([path]) => path);
      for (const [path, message] of guarded) {
        assert.ok(
          full.some((fullPath) => fullPath === path || fullPath.startsWith(path) || path.startsWith(fullPath)),
          `${path} is reported by parsePolicy (${full.join(', ')})`,
        );
        assert.match(message, /^is invalid \([a-zA-Z]+\)$/);
      }
    });
  }

  for (const [name, policy] of Object.entries(authorOnly)) {
    test(`leaves ${name} to parsePolicy`, () => {
      assert.equal(issuesOf(guardPolicy, policy), null);
      assert.ok(issuesOf(parsePolicy, policy)?.length);
    });
  }

  test('refuses what is not an object at all', () => {
    for (const input of [null, 'policy', [], 42]) assert.deepEqual(issuesOf(guardPolicy, input), [['', 'is invalid (object)']]);
  });

  test('accepts every policy parsePolicy accepts, as the same deep-frozen copy', () => {
    fc.assert(
      fc.property(policyArb, (policy) => {
        const guarded = guardPolicy(policy);
        assert.deepEqual(guarded, parsePolicy(policy));
        assert.ok(Object.isFrozen(guarded.purposes[0]));
        assert.notEqual(guarded, policy);
      }),
    );
  });

  test('keeps the example policy as parsePolicy does', () => {
    assert.deepEqual(guardPolicy(examplePolicy()), parsePolicy(examplePolicy()));
  });
});

describe('validatePolicy', () => {
  test('is the full parsePolicy with the development condition (these tests)', () => {
    assert.equal(validatePolicy, parsePolicy);
  });

  test('is guardPolicy without it (a production build)', () => {
    const modules = ['../src/validate-policy.ts', '../src/policy-guard.ts'].map((path) => JSON.stringify(fileURLToPath(new URL(path, import.meta.url))));
    const script = `
      const [{ validatePolicy }, { guardPolicy }] = await Promise.all([import(${modules[0]}), import(${modules[1]})]);
      process.stdout.write(String(validatePolicy === guardPolicy));`;
    const output = execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(output, 'true');
  });
});
