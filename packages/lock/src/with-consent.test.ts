import { expect } from '@open-wc/testing';
import { DecodeError, EncodingError, PolicyError, createDecision, decodeSignupFields, en, loadMessages, plainText, purposeText, shownText, verifyDecision } from '@assent/core';
import { policy } from '../test/fixtures.js';
import { LockConfigError } from './errors.js';
import type { LockCheckboxSignUpField, LockHiddenSignUpField, LockOptions, LockSignUpField } from './lock-types.js';
import { acceptsEitherAnswer, withConsent } from './with-consent.js';

const at = new Date('2026-11-01T09:30:00.000Z');

/** The signUpTerms HTML as Lock would render it (parsed inertly: scripts never run in a template). */
function terms(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

async function refusal(run: () => Promise<unknown>): Promise<LockConfigError> {
  try {
    await run();
  } catch (error) {
    expect(error).to.be.instanceOf(LockConfigError);
    return error as LockConfigError;
  }
  throw new Error('expected a LockConfigError');
}

/** What Lock sends for `fields` when the optional boxes named in `ticked` are ticked. */
function sent(fields: readonly LockSignUpField[], ticked: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.filter((f) => f.type === 'hidden' || f.type === 'checkbox').map((f) => [f.name, f.type === 'hidden' ? f.value! : String(ticked.includes(f.name))]));
}

const isBox = (field: LockSignUpField): field is LockCheckboxSignUpField => field.type === 'checkbox';
const isHidden = (field: LockSignUpField): field is LockHiddenSignUpField => field.type === 'hidden';

describe('withConsent', () => {
  it('requires the terms box and writes signUpTerms with a link to each document of the required purpose', async () => {
    const options = await withConsent({}, policy, { lang: 'en' });
    expect(options.mustAcceptTerms).to.equal(true);
    const html = terms(options.languageDictionary.signUpTerms as string);
    expect(html.textContent).to.equal(plainText(purposeText(policy, 'terms', 'en', en)));
    expect([...html.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent])).to.deep.equal([
      ['/__assent/docs/terms', 'Terms of Service'],
      ['/__assent/docs/privacy', 'Privacy Policy'],
    ]);
  });

  it('offers each optional purpose as an unticked checkbox with a plain-text label that accepts either answer', async () => {
    const { additionalSignUpFields: fields } = await withConsent({}, policy, { lang: 'en' });
    const boxes = fields.filter(isBox);
    expect(boxes.map((box) => [box.name, box.prefill, box.placeholder, box.placeholderHTML])).to.deep.equal([
      ['consent_p_marketing', 'false', 'Email me news and offers from Acme GmbH.', undefined],
      ['consent_p_analytics', 'false', 'Acme GmbH may analyze how I use the service to improve it.', undefined],
    ]);
    for (const box of boxes) expect([box.validator!('true'), box.validator!('false'), box.validator!('')].map((answer) => answer.valid)).to.deep.equal([true, true, false]);
  });

  it('carries policy, locale and the hashes of what is shown in hidden fields, which decode to a verifiable decision', async () => {
    const { additionalSignUpFields: fields } = await withConsent({}, policy, { lang: 'de', at });
    const hidden = Object.fromEntries(fields.filter(isHidden).map((f) => [f.name, f.value]));
    expect(hidden.consent_policy).to.equal('acme-signup@2026-11-01');
    expect(hidden.consent_locale).to.equal('de');
    const decision = decodeSignupFields(sent(fields, ['consent_p_marketing']));
    const messages = await loadMessages('de');
    expect(decision).to.deep.equal(await createDecision(policy, { accepted: ['terms', 'marketing'], locale: 'de', messages, at }));
    expect(await verifyDecision(decision, policy, messages)).to.equal(true);
  });

  it('shows exactly the text the hash covers: the terms sentence and the checkbox labels, in the chosen language [GDPR 7(2)]', async () => {
    const messages = await loadMessages('fr');
    const options = await withConsent({}, policy, { lang: 'fr' });
    const shown = [terms(options.languageDictionary.signUpTerms as string).textContent, ...options.additionalSignUpFields.filter(isBox).map((f) => f.placeholder)];
    expect(shown.join('\n')).to.equal(shownText(policy, 'fr', messages));
    expect(options.language).to.equal('fr');
  });

  it("keeps the app's own fields, dictionary and theme, and never changes the options it was given", async () => {
    const app = Object.freeze({
      theme: Object.freeze({ primaryColor: '#0a6' }),
      languageDictionary: Object.freeze({ title: 'Acme' }),
      additionalSignUpFields: Object.freeze([Object.freeze({ name: 'plan', placeholder: 'Plan' })]),
    }) as LockOptions & { theme: { primaryColor: string } };
    const options = await withConsent(app, policy);
    expect(options.theme).to.deep.equal({ primaryColor: '#0a6' });
    expect(options.languageDictionary.title).to.equal('Acme');
    expect(options.additionalSignUpFields[0]).to.equal(app.additionalSignUpFields![0]);
    expect(app.additionalSignUpFields).to.have.length(1);
  });

  it("uses English for Lock's own texts where Lock has no dictionary (Irish), the policy's language for the consent", async () => {
    const options = await withConsent({}, policy, { lang: 'ga' });
    expect(options.language).to.equal('en');
    expect(terms(options.languageDictionary.signUpTerms as string).textContent).to.equal(plainText(purposeText(policy, 'terms', 'ga', await loadMessages('ga'))));
  });

  it('refuses an app field named like a consent field', async () => {
    const error = await refusal(() => withConsent({ additionalSignUpFields: [{ name: 'consent_hash', type: 'hidden', value: 'x' }] }, policy));
    expect([error.code, error.option]).to.deep.equal(['field_collision', 'additionalSignUpFields[0].name']);
  });

  it('refuses an app field name Lock would silently drop', async () => {
    for (const name of ['first-name', 'email', '']) {
      const error = await refusal(() =>
        withConsent(
          {
            additionalSignUpFields: [
              { name: 'plan', placeholder: 'Plan' },
              { name, placeholder: 'x' },
            ],
          },
          policy,
        ),
      );
      expect([error.code, error.option]).to.deep.equal(['invalid_field_name', 'additionalSignUpFields[1].name']);
    }
  });

  it("refuses more than Auth0's 10 signup properties in total, not counting root fields", async () => {
    // 5 hidden + 2 boxes = 7 consent fields: 3 app fields fit, a 4th does not; given_name goes to the root.
    const field = (name: string): LockSignUpField => ({ name, placeholder: name });
    await withConsent({ additionalSignUpFields: [field('a'), field('b'), field('c'), { ...field('given_name'), storage: 'root' }] }, policy);
    const error = await refusal(() => withConsent({ additionalSignUpFields: [field('a'), field('b'), field('c'), field('d')] }, policy));
    expect([error.code, error.option]).to.deep.equal(['too_many_fields', 'additionalSignUpFields']);
  });

  it('refuses options that would disable Sign Up forever or contradict the policy', async () => {
    expect((await refusal(() => withConsent({ showTerms: false }, policy))).code).to.equal('terms_dead_end');
    expect((await refusal(() => withConsent({ mustAcceptTerms: false }, policy))).option).to.equal('mustAcceptTerms');
    expect((await refusal(() => withConsent({ languageDictionary: { signUpTerms: '' } }, policy))).option).to.equal('languageDictionary.signUpTerms');
    expect((await refusal(() => withConsent({ language: 'fr' }, policy, { lang: 'de' }))).option).to.equal('language');
  });

  it('refuses a policy Lock cannot carry: an optional purpose id with "-"', async () => {
    const hyphen = { ...policy, purposes: [policy.purposes[0], { id: 'e-mail', required: false, basis: 'consent' }], messages: { en: { 'purpose.e-mail': 'Mail me.' } } };
    let caught: unknown;
    await withConsent({}, hyphen).catch((error: unknown) => (caught = error));
    expect(caught).to.be.instanceOf(EncodingError);
    expect((caught as EncodingError).field).to.equal('consent_p_e-mail');
  });

  it('exports the validator it gives optional boxes', () => {
    expect(['true', 'false', 'on'].map((answer) => acceptsEitherAnswer(answer).valid)).to.deep.equal([true, true, false]);
  });
});

describe('withConsent with hostile policies', () => {
  // Tests break raw JSON input on purpose, so they reach into it without types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Raw = Record<string, any>;
  const hostile = (change: (raw: Raw) => void): Record<string, unknown> => {
    const raw = structuredClone(policy) as unknown as Raw;
    change(raw);
    return raw;
  };

  it('refuses javascript: and data: document URLs with the field path', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'JaVaScRiPt:alert(1)', '//evil.example/terms']) {
      let caught: unknown;
      await withConsent(
        {},
        hostile((raw) => (raw.documents[0].url = url)),
      ).catch((error: unknown) => (caught = error));
      expect(caught, url).to.be.instanceOf(PolicyError);
      expect((caught as PolicyError).issues.map((issue) => issue.path)).to.include('documents[0].url');
    }
  });

  it('shows HTML and script in texts as text, in the terms and in the checkbox labels', async () => {
    const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>&amp; "quotes"';
    const options = await withConsent(
      {},
      hostile((raw) => (raw.messages = { en: { 'purpose.terms': `${evil} {documents}`, 'document.terms': evil, 'purpose.marketing': evil } })),
      { lang: 'en' },
    );
    const html = terms(options.languageDictionary.signUpTerms as string);
    expect(html.querySelector('img, script')).to.equal(null);
    expect(html.textContent).to.contain(evil);
    expect(options.additionalSignUpFields.filter(isBox).find((f) => f.name === 'consent_p_marketing')!.placeholder).to.equal(evil);
  });

  it('refuses a text with a bidirectional override, naming its field', async () => {
    let caught: unknown;
    await withConsent(
      {},
      hostile((raw) => (raw.messages = { en: { 'purpose.terms': '\u202eI agree to the {documents}.' } })),
      { lang: 'en' },
    ).catch((error: unknown) => (caught = error));
    expect(caught).to.be.instanceOf(PolicyError);
    expect((caught as PolicyError).issues.map((issue) => issue.path)).to.include('messages.en["purpose.terms"]');
  });

  it('keeps a right-to-left sentence with direction marks inside its own <bdi>', async () => {
    const options = await withConsent(
      {},
      hostile((raw) => (raw.messages = { he: { 'purpose.terms': '\u200fאני מסכים ל{documents}.' } })),
      { lang: 'he' },
    );
    const html = terms(options.languageDictionary.signUpTerms as string);
    expect(html.children).to.have.length(1);
    expect(html.firstElementChild!.localName).to.equal('bdi');
  });

  it('accepts a 2,000-character text and keeps every character; refuses a longer one, naming its field', async () => {
    const long = 'a'.repeat(1988) + ' {documents}';
    const options = await withConsent(
      {},
      hostile((raw) => (raw.messages = { en: { 'purpose.terms': long } })),
      { lang: 'en' },
    );
    expect(terms(options.languageDictionary.signUpTerms as string).textContent!.startsWith('a'.repeat(1988))).to.equal(true);
    let caught: unknown;
    await withConsent(
      {},
      hostile((raw) => (raw.messages = { en: { 'purpose.terms': 'a' + long } })),
      { lang: 'en' },
    ).catch((error: unknown) => (caught = error));
    expect((caught as PolicyError).issues.map((issue) => issue.path)).to.include('messages.en["purpose.terms"]');
  });

  it('never reads a decision from tampered hidden fields without saying so', async () => {
    const { additionalSignUpFields: fields } = await withConsent({}, policy);
    expect(() => decodeSignupFields({ ...sent(fields, []), consent_p_marketing: 'maybe' })).to.throw(DecodeError);
  });
});
