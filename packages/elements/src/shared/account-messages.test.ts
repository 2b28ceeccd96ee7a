// The account elements' texts: every language of core's SUPPORTED_LOCALES defines every key, with
// the English placeholders, and is really translated.
import { expect } from '@open-wc/testing';
import { SUPPORTED_LOCALES, isRtl } from '@assent/core';
import { accountEn, loadAccountMessages } from './account-messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const keys = Object.keys(accountEn).sort();

describe('account elements texts', () => {
  for (const locale of SUPPORTED_LOCALES.filter((tag) => tag !== 'en')) {
    it(`${locale} defines every key, non-empty, with the English placeholders`, async () => {
      const texts = await loadAccountMessages(locale);
      expect(Object.keys(texts).sort()).to.deep.equal(keys);
      for (const [key, english] of Object.entries(accountEn)) {
        const text = texts[key as keyof typeof accountEn];
        expect(text.trim(), `${locale} ${key}`).to.not.equal('');
        expect(placeholders(text), `${locale} ${key}: ${text}`).to.deep.equal(placeholders(english));
      }
      expect(texts['withdraw.button'], locale).to.not.equal(accountEn['withdraw.button']);
    });
  }

  it('English loads without an import, and is the fallback of an unsupported language', async () => {
    expect(await loadAccountMessages('en-GB')).to.equal(accountEn);
    expect(await loadAccountMessages('tlh')).to.equal(accountEn);
  });

  it('a regional tag loads its base language', async () => {
    expect((await loadAccountMessages('de-AT'))['withdraw.button']).to.equal((await loadAccountMessages('de'))['withdraw.button']);
  });

  it('covers right-to-left languages', () => {
    expect(SUPPORTED_LOCALES.filter(isRtl)).to.include.members(['ar', 'he']);
  });
});
