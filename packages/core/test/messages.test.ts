import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SUPPORTED_LOCALES, en } from '../src/texts.js';
import { format, isRtl, loadMessages, resolveLocale } from '../src/messages.js';

describe('built-in texts', () => {
  test('cover the 24 official EU languages and a right-to-left language', () => {
    const eu = ['bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv'];
    for (const locale of eu) assert.ok(SUPPORTED_LOCALES.includes(locale), locale);
    assert.ok(SUPPORTED_LOCALES.some(isRtl));
  });

  test('a supported language loads its own module, with every key of English', async () => {
    const de = await loadMessages('de');
    assert.notEqual(de, en);
    assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort());
  });

  test('English loads without an import and is the fallback for unsupported languages', async () => {
    assert.equal(await loadMessages('en-GB'), en);
    assert.equal(await loadMessages('tlh'), en);
  });

  test('a regional tag loads its base language', async () => {
    assert.equal((await loadMessages('de-AT'))['optional.hint'], (await loadMessages('de'))['optional.hint']);
  });

  test('German addresses the user formally ("Sie") and French with "vous"', async () => {
    assert.match((await loadMessages('de'))['required.error']!, /\bSie\b/);
    assert.match((await loadMessages('fr'))['optional.hint']!, /\bVous\b/);
  });
});

describe('resolveLocale', () => {
  test('picks the first candidate with built-in texts by exact tag', () => {
    assert.equal(resolveLocale('fr', 'de'), 'fr');
  });

  test('falls back from a regional tag to its base language', () => {
    assert.equal(resolveLocale('de-CH'), 'de');
    assert.equal(resolveLocale('pt_BR'), 'pt');
  });

  test('ignores case and surrounding space', () => {
    assert.equal(resolveLocale(' NL-be '), 'nl');
  });

  test('prefers the first usable candidate, skipping missing and unsupported ones', () => {
    assert.equal(resolveLocale(undefined, null, '', 'ja', 'it-IT', 'de'), 'it');
  });

  test('falls back to English', () => {
    assert.equal(resolveLocale('ja', 'zh-Hant'), 'en');
    assert.equal(resolveLocale(), 'en');
  });
});

describe('isRtl', () => {
  for (const locale of ['ar', 'he', 'ar-EG', 'fa-IR', 'ur', 'yi', 'iw', 'ks-Arab', 'pa-Arab-PK']) {
    test(`reads ${locale} as right to left`, () => assert.equal(isRtl(locale), true));
  }
  for (const locale of ['en', 'de', 'fr-CA', 'sd-Latn', 'mt', 'el', 'arn']) {
    test(`reads ${locale} as left to right`, () => assert.equal(isRtl(locale), false));
  }
});

describe('format', () => {
  test('replaces named placeholders', () => {
    assert.equal(format('Please accept the {documents}.', { documents: 'Terms' }), 'Please accept the Terms.');
  });

  test('leaves unknown placeholders, and never reads inherited properties', () => {
    assert.equal(format('{missing} {constructor} {toString}', {}), '{missing} {constructor} {toString}');
  });

  test('inserts values as plain text, once', () => {
    assert.equal(format('{a}', { a: '<b>{a}</b>' }), '<b>{a}</b>');
  });
});
