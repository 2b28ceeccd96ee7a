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
  test('direction marks in the texts of right-to-left languages, where they place punctuation and numbers', () => {
    const policy = parsePolicy(variant((p) => (p.messages = { he: { 'purpose.marketing': 'אני מסכים לקבל הצעות.\u200f' }, ar: { 'purpose.marketing': 'أوافق\u061c على العروض.\u200f' } })));
    assert.equal(policy.messages?.he?.['purpose.marketing'], 'אני מסכים לקבל הצעות.\u200f');
  });

  test('texts of exactly 2000 characters, counted in code points', () => {
    parsePolicy(variant((p) => (p.messages = { en: { 'purpose.marketing': 'x'.repeat(2000), 'optional.hint': '😀'.repeat(2000) } })));
  });

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
    assert.match(
      refusal(
        variant((p) => (p.purposes = [p.purposes[1]])),
        'purposes',
      ),
      /required purpose/,
    );
  });

  test('an empty purpose list', () => {
    assert.match(
      refusal(
        variant((p) => (p.purposes = [])),
        'purposes',
      ),
      /required purpose/,
    );
  });

  for (const field of ['checked', 'default', 'preselected', 'defaultChecked', 'accepted', 'value']) {
    test(`a pre-accepted optional purpose ("${field}": true), pointedly [Recital 32]`, () => {
      assert.match(
        refusal(
          variant((p) => (p.purposes[1][field] = true)),
          `purposes[1].${field}`,
        ),
        /never pre-ticked/,
      );
    });
  }

  test('an unknown field on a purpose', () => {
    assert.match(
      refusal(
        variant((p) => (p.purposes[1].description = 'Newsletter')),
        'purposes[1].description',
      ),
      /not a known field/,
    );
  });

  test('an unknown field on the policy and on a document', () => {
    refusal(
      variant((p) => (p.owner = 'legal')),
      'owner',
    );
    refusal(
      variant((p) => (p.documents[0].title = 'Terms')),
      'documents[0].title',
    );
  });

  for (const [what, url] of [
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,hi'],
    ['an ftp URL', 'ftp://acme.example/terms'],
    ['a protocol-relative URL', '//evil.example/terms'],
  ]) {
    test(`${what} in documents[0].url`, () => {
      assert.match(
        refusal(
          variant((p) => (p.documents[0].url = url)),
          'documents[0].url',
        ),
        /http\(s\) URL/,
      );
    });
  }

  test('a javascript: URL in withdrawal.url', () => {
    refusal(
      variant((p) => (p.withdrawal.url = 'javascript:void(0)')),
      'withdrawal.url',
    );
  });

  test('a purpose id outside [a-z0-9_-]', () => {
    assert.match(
      refusal(
        variant((p) => (p.purposes[1].id = 'Marketing')),
        'purposes[1].id',
      ),
      /\[a-z0-9_-\]/,
    );
  });

  test('a document id, a policy id and an over-long id outside [a-z0-9_-]{1,64}', () => {
    refusal(
      variant((p) => (p.documents[0].id = 'terms!')),
      'documents[0].id',
    );
    refusal(
      variant((p) => (p.id = 'Acme Signup')),
      'id',
    );
    refusal(
      variant((p) => (p.purposes[1].id = 'm'.repeat(65))),
      'purposes[1].id',
    );
  });

  test('the id __proto__ for a purpose or a document (as a key of the stored consent it would set a prototype)', () => {
    refusal(
      variant((p) => (p.purposes[1].id = '__proto__')),
      'purposes[1].id',
    );
    refusal(
      variant((p) => (p.documents[0].id = '__proto__')),
      'documents[0].id',
    );
  });

  test('duplicate purpose ids', () => {
    assert.match(
      refusal(
        variant((p) => p.purposes.push({ id: 'marketing', required: false, basis: 'consent' })),
        'purposes[2].id',
      ),
      /duplicate/,
    );
  });

  test('duplicate document ids', () => {
    assert.match(
      refusal(
        variant((p) => p.documents.push({ id: 'terms', url: 'https://acme.example/t2', version: '1' })),
        'documents[2].id',
      ),
      /duplicate/,
    );
  });

  test('a purpose naming an unknown document', () => {
    assert.match(
      refusal(
        variant((p) => p.purposes[0].documents.push('cookies')),
        'purposes[0].documents[2]',
      ),
      /not a document id/,
    );
  });

  test('a purpose naming the same document twice', () => {
    refusal(
      variant((p) => p.purposes[0].documents.push('terms')),
      'purposes[0].documents[2]',
    );
  });

  test('a required purpose without documents', () => {
    assert.match(
      refusal(
        variant((p) => (p.purposes[0].documents = [])),
        'purposes[0].documents',
      ),
      /required purpose/,
    );
  });

  test('a required purpose with basis "consent" (GDPR Art. 7(4)) [GDPR 7(4)]', () => {
    assert.match(
      refusal(
        variant((p) => (p.purposes[0].basis = 'consent')),
        'purposes[0].basis',
      ),
      /Art\. 7\(4\)/,
    );
  });

  test('an optional purpose with a basis other than consent [GDPR 7(4)]', () => {
    assert.match(
      refusal(
        variant((p) => (p.purposes[1].basis = 'legitimate_interest')),
        'purposes[1].basis',
      ),
      /consent/,
    );
  });

  test('an unknown basis', () => {
    assert.match(
      refusal(
        variant((p) => (p.purposes[1].basis = 'vital_interest')),
        'purposes[1].basis',
      ),
      /one of/,
    );
  });

  test('a required flag that is not a boolean', () => {
    refusal(
      variant((p) => (p.purposes[0].required = 'yes')),
      'purposes[0].required',
    );
  });

  test('a policy version outside [A-Za-z0-9._-]{1,64}', () => {
    refusal(
      variant((p) => (p.version = '2026 11 01')),
      'version',
    );
    refusal(
      variant((p) => (p.version = '')),
      'version',
    );
  });

  test('a document version outside [A-Za-z0-9._-]{1,64}', () => {
    refusal(
      variant((p) => (p.documents[0].version = '3/1')),
      'documents[0].version',
    );
  });

  test('a document sha256 that is not 64 lowercase hex digits', () => {
    refusal(
      variant((p) => (p.documents[0].sha256 = 'ABC')),
      'documents[0].sha256',
    );
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
    assert.match(
      refusal(
        variant((p) => p.purposes.push({ id: 'loyalty', required: false, basis: 'consent' })),
        'purposes[2].id',
      ),
      /messages\.en\["purpose\.loyalty"\]/,
    );
  });

  test('a document with no English title', () => {
    assert.match(
      refusal(
        variant((p) => p.documents.push({ id: 'refunds', url: 'https://acme.example/refunds', version: '1' })),
        'documents[2].id',
      ),
      /English/,
    );
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
    refusal(
      variant((p) => (p.messages = { de: { 'purpose.marketing': 42 } })),
      'messages.de["purpose.marketing"]',
    );
  });

  test('messages of a key that is not a language tag', () => {
    refusal(
      variant((p) => (p.messages = { 'not a tag': {} })),
      'messages.not a tag',
    );
  });

  test('a controller without a name [Recital 42]', () => {
    refusal(
      variant((p) => (p.controller = { name: '  ' })),
      'controller.name',
    );
    refusal(
      variant((p) => delete p.controller),
      'controller',
    );
  });

  test('documents and purposes that are not arrays', () => {
    refusal(
      variant((p) => (p.documents = {})),
      'documents',
    );
    refusal(
      variant((p) => (p.purposes = 'terms')),
      'purposes',
    );
  });

  const BIDI_CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

  for (const control of BIDI_CONTROLS) {
    const code = `U+${control.codePointAt(0)!.toString(16).toUpperCase()}`;
    test(`a bidirectional embedding, override or isolate (${code}) in a message, the controller's name or contact`, () => {
      assert.match(
        refusal(
          variant((p) => (p.messages = { de: { 'purpose.marketing': `Ja zu ${control}Werbung` } })),
          'messages.de["purpose.marketing"]',
        ),
        new RegExp(code.replace('+', '\\+')),
      );
      refusal(
        variant((p) => (p.controller.name = `Acme${control} GmbH`)),
        'controller.name',
      );
      refusal(
        variant((p) => (p.controller.contact = `privacy${control}@acme.example`)),
        'controller.contact',
      );
    });
  }

  test('a bidirectional control in a message key, named with the control escaped', () => {
    const message = refusal(
      variant((p) => (p.messages = { en: { 'purpose.\u202emarketing': 'x' } })),
      'messages.en["purpose.\\u202emarketing"]',
    );
    assert.match(message, /U\+202E/);
  });

  test('a direction mark (U+200E, U+200F, U+061C) in a text of a left-to-right language or in the controller', () => {
    for (const mark of ['\u200e', '\u200f', '\u061c']) {
      assert.match(
        refusal(
          variant((p) => (p.messages = { en: { 'purpose.marketing': `Offers 10${mark}-20` } })),
          'messages.en["purpose.marketing"]',
        ),
        /right-to-left/,
      );
      refusal(
        variant((p) => (p.controller.name = `Acme GmbH${mark}`)),
        'controller.name',
      );
    }
  });

  test('a text longer than 2000 characters, naming the limit', () => {
    assert.match(
      refusal(
        variant((p) => (p.messages = { de: { 'purpose.marketing': 'x'.repeat(2001) } })),
        'messages.de["purpose.marketing"]',
      ),
      /2000/,
    );
    refusal(
      variant((p) => (p.controller.name = 'A'.repeat(2001))),
      'controller.name',
    );
    refusal(
      variant((p) => (p.controller.contact = 'a'.repeat(2001))),
      'controller.contact',
    );
  });

  test('a policy longer than 100000 characters as JSON (a megabyte of texts), naming the limit', () => {
    const texts = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`custom.${i}`, 'x'.repeat(2000)]));
    assert.match(
      refusal(
        variant((p) => (p.messages = { en: texts })),
        '',
      ),
      /100000/,
    );
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
