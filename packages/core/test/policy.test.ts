import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PolicyError } from '../src/errors.js';
import { parsePolicy } from '../src/policy.js';
import { examplePolicy, variant } from './fixtures.js';

/** Parses `input`, expecting a PolicyError that names `path`; returns the messages of that path. */
function refusal(input: unknown, path: string): string {
  let error: unknown;
  try {
    parsePolicy(input);
  } catch (caught) {
    error = caught;
  }
  assert.ok(error instanceof PolicyError, `expected a PolicyError, got ${String(error)}`);
  assert.equal(error.code, 'invalid_policy');
  assert.equal(error.name, 'PolicyError');
  const issues = error.issues.filter((candidate) => candidate.path === path);
  assert.ok(issues.length, `no issue at ${path}; issues: ${error.message}`);
  for (const issue of issues) assert.ok(error.message.includes(`- ${path || '(root)'}: ${issue.message}`), error.message);
  return issues.map((issue) => issue.message).join('\n');
}

describe('parsePolicy accepts', () => {
  test('the example policy of docs/policy.md, as a deep-frozen copy', () => {
    const input = examplePolicy();
    const policy = parsePolicy(input);
    assert.deepEqual(policy, input);
    assert.notEqual(policy, input);
    assert.ok(Object.isFrozen(policy) && Object.isFrozen(policy.purposes) && Object.isFrozen(policy.purposes[0]) && Object.isFrozen(policy.purposes[0]!.documents));
    assert.throws(() => ((policy.purposes[0] as { required: boolean }).required = false), TypeError);
  });

  test('a policy whose input is changed afterwards, keeping what was validated', () => {
    const input = examplePolicy() as { purposes: { required: boolean }[] };
    const policy = parsePolicy(input);
    input.purposes[0]!.required = false;
    assert.equal(policy.purposes[0]!.required, true);
  });

  test('same-origin document paths, a $schema, contact-less controllers and per-locale messages', () => {
    const policy = parsePolicy(
      variant((p) => {
        p.$schema = 'https://assent.example/policy.schema.json';
        p.documents[1].url = '/legal/privacy';
        delete p.controller.contact;
        p.messages = { de: { 'purpose.marketing': 'Schickt mir Angebote.' }, 'pt-BR': { 'document.terms': 'os Termos' } };
      }),
    );
    assert.equal(policy.documents[1]!.url, '/legal/privacy');
  });

  test('custom purposes and documents whose English text is in messages.en', () => {
    parsePolicy(
      variant((p) => {
        p.documents.push({ id: 'refunds', url: 'https://acme.example/refunds', version: '1', sha256: 'f'.repeat(64) });
        p.purposes.push({ id: 'loyalty', required: false, basis: 'consent', documents: ['refunds'] });
        p.messages = { en: { 'document.refunds': 'Refund Policy', 'purpose.loyalty': 'Join the loyalty programme ({documents}).' } };
      }),
    );
  });
});

describe('parsePolicy refuses', () => {
  test('input that is not an object', () => {
    assert.match(refusal('acme', ''), /must be an object/);
    assert.match(refusal(null, ''), /must be an object/);
    assert.match(refusal([examplePolicy()], ''), /must be an object/);
  });

  test('a policy without a required purpose', () => {
    assert.match(refusal(variant((p) => (p.purposes = [p.purposes[1]])), 'purposes'), /required purpose/);
  });

  test('an empty purpose list', () => {
    assert.match(refusal(variant((p) => (p.purposes = [])), 'purposes'), /required purpose/);
  });

  for (const field of ['checked', 'default', 'preselected', 'defaultChecked', 'accepted', 'value']) {
    test(`a pre-accepted optional purpose ("${field}": true), pointedly [Recital 32]`, () => {
      assert.match(refusal(variant((p) => (p.purposes[1][field] = true)), `purposes[1].${field}`), /never pre-ticked/);
    });
  }

  test('an unknown field on a purpose', () => {
    assert.match(refusal(variant((p) => (p.purposes[1].description = 'Newsletter')), 'purposes[1].description'), /not a known field/);
  });

  test('an unknown field on the policy and on a document', () => {
    refusal(variant((p) => (p.owner = 'legal')), 'owner');
    refusal(variant((p) => (p.documents[0].title = 'Terms')), 'documents[0].title');
  });

  for (const [what, url] of [
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,hi'],
    ['an ftp URL', 'ftp://acme.example/terms'],
    ['a protocol-relative URL', '//evil.example/terms'],
  ]) {
    test(`${what} in documents[0].url`, () => {
      assert.match(refusal(variant((p) => (p.documents[0].url = url)), 'documents[0].url'), /http\(s\) URL/);
    });
  }

  test('a javascript: URL in withdrawal.url', () => {
    refusal(variant((p) => (p.withdrawal.url = 'javascript:void(0)')), 'withdrawal.url');
  });

  test('a purpose id outside [a-z0-9_-]', () => {
    assert.match(refusal(variant((p) => (p.purposes[1].id = 'Marketing')), 'purposes[1].id'), /\[a-z0-9_-\]/);
  });

  test('a document id, a policy id and an over-long id outside [a-z0-9_-]{1,64}', () => {
    refusal(variant((p) => (p.documents[0].id = 'terms!')), 'documents[0].id');
    refusal(variant((p) => (p.id = 'Acme Signup')), 'id');
    refusal(variant((p) => (p.purposes[1].id = 'm'.repeat(65))), 'purposes[1].id');
  });

  test('the id __proto__ for a purpose or a document (as a key of the stored consent it would set a prototype)', () => {
    refusal(variant((p) => (p.purposes[1].id = '__proto__')), 'purposes[1].id');
    refusal(variant((p) => (p.documents[0].id = '__proto__')), 'documents[0].id');
  });

  test('duplicate purpose ids', () => {
    assert.match(refusal(variant((p) => p.purposes.push({ id: 'marketing', required: false, basis: 'consent' })), 'purposes[2].id'), /duplicate/);
  });

  test('duplicate document ids', () => {
    assert.match(refusal(variant((p) => p.documents.push({ id: 'terms', url: 'https://acme.example/t2', version: '1' })), 'documents[2].id'), /duplicate/);
  });

  test('a purpose naming an unknown document', () => {
    assert.match(refusal(variant((p) => p.purposes[0].documents.push('cookies')), 'purposes[0].documents[2]'), /not a document id/);
  });

  test('a purpose naming the same document twice', () => {
    refusal(variant((p) => p.purposes[0].documents.push('terms')), 'purposes[0].documents[2]');
  });

  test('a required purpose without documents', () => {
    assert.match(refusal(variant((p) => (p.purposes[0].documents = [])), 'purposes[0].documents'), /required purpose/);
  });

  test('a required purpose with basis "consent" (GDPR Art. 7(4)) [GDPR 7(4)]', () => {
    assert.match(refusal(variant((p) => (p.purposes[0].basis = 'consent')), 'purposes[0].basis'), /Art\. 7\(4\)/);
  });

  test('an optional purpose with a basis other than consent [GDPR 7(4)]', () => {
    assert.match(refusal(variant((p) => (p.purposes[1].basis = 'legitimate_interest')), 'purposes[1].basis'), /consent/);
  });

  test('an unknown basis', () => {
    assert.match(refusal(variant((p) => (p.purposes[1].basis = 'vital_interest')), 'purposes[1].basis'), /one of/);
  });

  test('a required flag that is not a boolean', () => {
    refusal(variant((p) => (p.purposes[0].required = 'yes')), 'purposes[0].required');
  });

  test('a policy version outside [A-Za-z0-9._-]{1,64}', () => {
    refusal(variant((p) => (p.version = '2026 11 01')), 'version');
    refusal(variant((p) => (p.version = '')), 'version');
  });

  test('a document version outside [A-Za-z0-9._-]{1,64}', () => {
    refusal(variant((p) => (p.documents[0].version = '3/1')), 'documents[0].version');
  });

  test('a document sha256 that is not 64 lowercase hex digits', () => {
    refusal(variant((p) => (p.documents[0].sha256 = 'ABC')), 'documents[0].sha256');
  });

  test('more purposes than fit the limits', () => {
    const message = refusal(
      variant((p) => {
        for (let i = 0; i < 20; i++) p.purposes.push({ id: `extra${i}`, required: false, basis: 'consent' });
      }),
      'purposes',
    );
    assert.match(message, /more than 20/);
  });

  test('purpose ids that together exceed one 500-character Auth0 value', () => {
    const message = refusal(
      variant((p) => {
        for (let i = 0; i < 8; i++) p.purposes.push({ id: `${i}`.padEnd(64, 'x'), required: false, basis: 'consent' });
      }),
      'purposes',
    );
    assert.match(message, /500 characters/);
  });

  test('a purpose with no English text', () => {
    assert.match(refusal(variant((p) => p.purposes.push({ id: 'loyalty', required: false, basis: 'consent' })), 'purposes[2].id'), /messages\.en\["purpose\.loyalty"\]/);
  });

  test('a document with no English title', () => {
    assert.match(refusal(variant((p) => p.documents.push({ id: 'refunds', url: 'https://acme.example/refunds', version: '1' })), 'documents[2].id'), /English/);
  });

  test('a purpose whose text links {documents} but that has none', () => {
    refusal(
      variant((p) => {
        p.purposes.push({ id: 'loyalty', required: false, basis: 'consent' });
        p.messages = { en: { 'purpose.loyalty': 'Join under the {documents}.' } };
      }),
      'purposes[2].documents',
    );
  });

  test('a message that is not a string', () => {
    refusal(variant((p) => (p.messages = { de: { 'purpose.marketing': 42 } })), 'messages.de["purpose.marketing"]');
  });

  test('messages of a key that is not a language tag', () => {
    refusal(variant((p) => (p.messages = { 'not a tag': {} })), 'messages.not a tag');
  });

  test('a controller without a name [Recital 42]', () => {
    refusal(variant((p) => (p.controller = { name: '  ' })), 'controller.name');
    refusal(variant((p) => delete p.controller), 'controller');
  });

  test('documents and purposes that are not arrays', () => {
    refusal(variant((p) => (p.documents = {})), 'documents');
    refusal(variant((p) => (p.purposes = 'terms')), 'purposes');
  });

  test('with every issue found, not only the first', () => {
    let error: unknown;
    try {
      parsePolicy(variant((p) => ((p.id = 'X'), (p.documents[0].url = 'javascript:x'), (p.purposes[1].checked = true))));
    } catch (caught) {
      error = caught;
    }
    assert.ok(error instanceof PolicyError);
    assert.deepEqual(
      error.issues.map((issue) => issue.path),
      ['id', 'documents[0].url', 'purposes[1].checked'],
    );
  });
});
