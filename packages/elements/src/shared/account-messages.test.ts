// The account elements' texts as the elements load them: core's modules (every language's keys and
// placeholders are checked against English in core's locales.test.ts), English without an import.
import { expect } from '@open-wc/testing';
import { SUPPORTED_LOCALES, isRtl } from '@assent/core';
import { LOCALES } from '@assent/core/locales/account/index.js';
import { accountEn, loadAccountMessages } from './account-messages.js';

describe('account elements texts', () => {
  it("a supported language loads its module of core's account texts", async () => {
    const texts = await loadAccountMessages('de');
    expect(texts).to.equal((await LOCALES.de()).default);
    expect(texts['withdraw.button']).to.not.equal(accountEn['withdraw.button']);
  });

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
