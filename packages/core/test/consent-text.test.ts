import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { documentLinks, plainText, purposeText, resolveMessage, shownText } from '../src/consent-text.js';
import { DecisionError } from '../src/errors.js';
import { en } from '../src/texts.js';
import { loadMessages } from '../src/messages.js';
import { parsePolicy } from '../src/policy.js';
import type { ConsentPolicy } from '../src/types.js';
import { examplePolicy, variant } from './fixtures.js';

const policy = parsePolicy(examplePolicy());

describe('purposeText', () => {
  test('links each document of the purpose, joined as an English list', () => {
    assert.deepEqual(purposeText(policy, 'terms', 'en', en), [
      { text: 'I agree to the ' },
      { text: 'Terms of Service', href: 'https://acme.example/terms', document: 'terms' },
      { text: ' and ' },
      { text: 'Privacy Policy', href: 'https://acme.example/privacy', document: 'privacy' },
      { text: '.' },
    ]);
  });

  test('joins the titles with the conjunction of the locale', async () => {
    const parts = purposeText(policy, 'terms', 'de', await loadMessages('de'));
    assert.equal(plainText(parts), 'Ich akzeptiere die Nutzungsbedingungen und die Datenschutzerklärung.');
    assert.deepEqual(
      parts.filter((part) => part.href).map((part) => part.document),
      ['terms', 'privacy'],
    );
  });

  test("names the controller in an optional purpose's sentence [Recital 42]", () => {
    assert.deepEqual(purposeText(policy, 'marketing', 'en', en), [{ text: 'Email me news and offers from Acme GmbH.' }]);
  });

  test("keeps replacement patterns such as $& in the controller's name literal", () => {
    const named = parsePolicy(variant((p) => (p.controller.name = 'A$&B $1')));
    assert.equal(plainText(purposeText(named, 'marketing', 'en', en)), 'Email me news and offers from A$&B $1.');
  });

  test('shows a document whose URL is unsafe as plain text, without a link', () => {
    const unsafe: ConsentPolicy = { ...policy, documents: [{ ...policy.documents[0]!, url: 'javascript:alert(1)' }, policy.documents[1]!] };
    const parts = purposeText(unsafe, 'terms', 'en', en);
    assert.deepEqual(parts[1], { text: 'Terms of Service', document: 'terms' });
    assert.ok(parts.every((part) => !part.href?.startsWith('javascript')));
  });

  test('keeps markup in texts as literal text', () => {
    const marked = parsePolicy(variant((p) => (p.messages = { en: { 'purpose.marketing': '<img src=x onerror=alert(1)> offers' } })));
    assert.deepEqual(purposeText(marked, 'marketing', 'en', en), [{ text: '<img src=x onerror=alert(1)> offers' }]);
  });

  test("prefers the policy's text for the locale, then for its base language, over the built-in one", () => {
    const overriding = parsePolicy(variant((p) => (p.messages = { 'de-CH': { 'purpose.marketing': 'Angebote (CH)' }, de: { 'purpose.marketing': 'Angebote (DE)' } })));
    assert.equal(plainText(purposeText(overriding, 'marketing', 'de-CH', en)), 'Angebote (CH)');
    assert.equal(plainText(purposeText(overriding, 'marketing', 'de-AT', en)), 'Angebote (DE)');
  });

  test("falls back to the policy's English, then the built-in English, for keys the locale lacks", () => {
    const custom = parsePolicy(
      variant((p) => {
        p.documents.push({ id: 'refunds', url: 'https://acme.example/refunds', version: '1' });
        p.purposes[0].documents.push('refunds');
        p.messages = { en: { 'document.refunds': 'Refund Policy' } };
      }),
    );
    assert.equal(plainText(purposeText(custom, 'terms', 'fr', { 'purpose.terms': "J'accepte {documents}." })), "J'accepte Terms of Service, Privacy Policy et Refund Policy.");
  });

  test('still shows the links when a translation lacks {documents}', () => {
    const parts = purposeText(policy, 'terms', 'en', { 'purpose.terms': 'I agree.' });
    assert.equal(plainText(parts), 'I agree. (Terms of Service and Privacy Policy)');
    assert.equal(parts.filter((part) => part.href).length, 2);
  });

  test('lists documents in English when the locale is not a valid language tag', () => {
    assert.equal(plainText(purposeText(policy, 'terms', 'en-a', en)), 'I agree to the Terms of Service and Privacy Policy.');
  });

  test('refuses a purpose the policy does not have', () => {
    assert.throws(
      () => purposeText(policy, 'newsletter', 'en', en),
      (error) => error instanceof DecisionError && error.code === 'unknown_purpose' && /newsletter/.test(error.message),
    );
  });
});

describe('documentLinks', () => {
  const titles = ['Terms of Service', 'Privacy Policy', 'Cookie Policy', 'Data Processing Agreement', 'End User License Agreement'];
  const ids = ['terms', 'privacy', 'cookies', 'dpa', 'eula'];
  const many = parsePolicy(
    variant((p) => {
      p.documents = ids.map((id) => ({ id, url: `https://acme.example/${id}`, version: '1' }));
      p.purposes[0].documents = ids;
    }),
  );

  test('joins one to five English titles exactly as Intl.ListFormat does, each title a link', () => {
    for (let count = 1; count <= ids.length; count++) {
      const parts = documentLinks(many, ids.slice(0, count), 'en', en);
      const expected = new Intl.ListFormat('en', { type: 'conjunction' }).formatToParts(titles.slice(0, count));
      assert.deepEqual(
        parts.map(({ text, document }) => [text, document !== undefined]),
        expected.map(({ value, type }) => [value, type === 'element']),
      );
      assert.deepEqual(
        parts.flatMap((part) => part.href ?? []),
        ids.slice(0, count).map((id) => `https://acme.example/${id}`),
      );
    }
  });

  test('is empty for a purpose without documents', () => {
    assert.deepEqual(documentLinks(many, [], 'en', en), []);
  });
});

describe('shownText', () => {
  test('is every purpose sentence in policy order, one per line', () => {
    assert.equal(shownText(policy, 'en', en), 'I agree to the Terms of Service and Privacy Policy.\nEmail me news and offers from Acme GmbH.');
  });
});

describe('resolveMessage', () => {
  test('returns the key itself when no text exists anywhere', () => {
    assert.equal(resolveMessage(policy, 'en', en, 'purpose.unknown'), 'purpose.unknown');
  });
});
