import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadMessages, parsePolicy, shownText, MAX_PURPOSES } from '@assent/core';
import { DEFAULT_LANGUAGES, MAX_PARTIAL_LENGTH, PartialLimitError, generatePartials, shownCustomText, TEXT_KEYS } from '../src/index.js';
import { renderPartial } from './render.js';

const policy = parsePolicy({
  id: 'acme-signup',
  version: '2026-11-01',
  controller: { name: 'Acme GmbH', contact: 'privacy@acme.example' },
  documents: [
    { id: 'terms', url: 'https://acme.example/terms', version: '3.1' },
    { id: 'privacy', url: 'https://acme.example/privacy', version: '2.0' },
  ],
  purposes: [
    { id: 'terms', required: true, basis: 'contract', documents: ['terms', 'privacy'] },
    { id: 'marketing', required: false, basis: 'consent' },
    { id: 'analytics', required: false, basis: 'consent' },
  ],
  withdrawal: { url: 'https://acme.example/account/privacy' },
});

const content = await generatePartials(policy);
const text = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|lt|gt|quot|amp);/g, (_, code: string) => ENTITIES[code] ?? String.fromCharCode(Number(code.slice(1))));
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&' };

/** A policy whose English texts are `hostile`. */
function hostilePolicy(hostile: string) {
  return parsePolicy({
    ...policy,
    controller: { name: hostile },
    messages: { en: { 'purpose.terms': `${hostile} {documents}`, 'purpose.marketing': hostile, 'document.terms': hostile } },
  });
}

describe('generatePartials', () => {
  test('puts a consent block into the form of signup and signup-password, and a notice on signup-id', () => {
    assert.deepEqual(Object.keys(content.partials.signup.signup ?? {}), ['form-content-end']);
    assert.deepEqual(Object.keys(content.partials['signup-password']['signup-password'] ?? {}), ['form-content-end']);
    assert.match(content.partials['signup-id']['signup-id']?.['form-content-end'] ?? '', /prompt\.screen\.texts\.varAssentNotice/);
    assert.doesNotMatch(content.partials['signup-id']['signup-id']?.['form-content-end'] ?? '', /<input/);
  });

  test('the required box is native, unticked and required; each optional purpose has its own unticked box', async () => {
    const html = await renderPartial(content, 'signup', 'en');
    const boxes = html.match(/<input type="checkbox"[^>]*>/g) ?? [];
    assert.deepEqual(boxes, [
      '<input type="checkbox" id="assent-r" name="ulp-consent_required" value="true" required aria-describedby="assent-e">',
      '<input type="checkbox" id="assent-p0" name="ulp-consent_p_marketing" value="true" aria-describedby="assent-h">',
      '<input type="checkbox" id="assent-p1" name="ulp-consent_p_analytics" value="true" aria-describedby="assent-h">',
    ]);
    assert.doesNotMatch(html, /checked/);
  });

  test('hidden fields carry the policy version and the locale of the texts shown', async () => {
    const html = await renderPartial(content, 'signup', 'de');
    assert.match(html, /<input type="hidden" name="ulp-consent_policy" value="acme-signup@2026-11-01">/);
    assert.match(html, /<input type="hidden" name="ulp-consent_locale" value="de">/);
  });

  test('a regional language gets its base language texts and names that locale', async () => {
    const regional = await generatePartials(policy, { languages: ['pt-BR', 'ja'] });
    assert.match(await renderPartial(regional, 'signup', 'pt-BR'), /name="ulp-consent_locale" value="pt"/);
    assert.match(await renderPartial(regional, 'signup', 'ja'), /name="ulp-consent_locale" value="en"/);
  });

  test('every label is labelled: each box has a <label for> and the optional group a legend', async () => {
    const html = await renderPartial(content, 'signup', 'en');
    for (const id of ['assent-r', 'assent-p0', 'assent-p1']) assert.match(html, new RegExp(`<label for="${id}">[^<]*\\S`));
    assert.match(html, /<fieldset class="assent-optional"><legend>Optional<\/legend>/);
    assert.match(html, /<p id="assent-e" class="assent-error ulp-error">Please accept the Terms of Service and Privacy Policy to continue.<\/p>/);
  });

  test('checkboxes are 24x24 pixel targets', () => {
    assert.match(content.partials.signup.signup?.['form-content-end'] ?? '', /\.assent-row input\{flex:none;width:24px;height:24px/);
  });

  test('document links open in a new tab, say so, and link the policy URLs', async () => {
    const html = await renderPartial(content, 'signup', 'en');
    assert.match(
      html,
      /I agree to the <a href="https:\/\/acme.example\/terms" target="_blank" rel="noopener noreferrer" aria-describedby="assent-t">Terms of Service<\/a> and <a href="https:\/\/acme.example\/privacy"[^>]*>Privacy Policy<\/a>\./,
    );
    assert.match(html, /<span id="assent-t" hidden>opens in a new tab<\/span>/);
  });

  test("names the controller and says how to withdraw, linking the policy's withdrawal page", async () => {
    const html = await renderPartial(content, 'signup', 'de');
    assert.match(
      html,
      /<p id="assent-h" class="assent-hint"><a href="https:\/\/acme.example\/account\/privacy"[^>]*>Sie können Ihre Einwilligung jederzeit widerrufen.<\/a> Acme GmbH · privacy@acme.example<\/p>/,
    );
  });

  test('the German page shows German texts', async () => {
    const html = text(await renderPartial(content, 'signup-password', 'de'));
    assert.match(html, /Ich akzeptiere die Nutzungsbedingungen und die Datenschutzerklärung\./);
    assert.match(html, /Ich möchte Neuigkeiten und Angebote von Acme GmbH per E-Mail erhalten\./);
  });

  test("the page shows, for every language, exactly the sentences core's statement hashes", async () => {
    for (const language of DEFAULT_LANGUAGES) {
      const texts = content.customTexts.signup[language]?.signup ?? {};
      const shown = [texts[TEXT_KEYS.required], texts[TEXT_KEYS.optional(0)], texts[TEXT_KEYS.optional(1)]].map((value) => shownCustomText(value ?? '')).join('\n');
      assert.equal(shown, shownText(policy, language, await loadMessages(language)), language);
      const rendered = text(await renderPartial(content, 'signup', language));
      for (const line of shown.split('\n')) assert.ok(rendered.includes(line), `${language}: ${line}`);
    }
  });

  test('custom texts stay within 30 per screen and language, with the texts of every language Assent ships', () => {
    assert.deepEqual(Object.keys(content.customTexts.signup), [...DEFAULT_LANGUAGES]);
    for (const prompt of ['signup', 'signup-id', 'signup-password'] as const) {
      for (const texts of Object.values(content.customTexts[prompt])) assert.ok(Object.keys(texts[prompt] ?? {}).length <= 30);
    }
  });

  test('holds no script unless the <assent-terms> enhancement is asked for', async () => {
    assert.doesNotMatch(content.partials.signup.signup?.['form-content-end'] ?? '', /<script/);
    const enhanced = await generatePartials(policy, {
      languages: ['en'],
      enhancement: { scriptUrl: 'https://cdn.acme.example/assent-terms.js', integrity: 'sha384-abc+/=', policyUrl: 'https://acme.example/policy.json' },
    });
    const html = await renderPartial(enhanced, 'signup', 'en');
    assert.match(html, /<script type="module" src="https:\/\/cdn.acme.example\/assent-terms.js" integrity="sha384-abc\+\/=" crossorigin="anonymous"><\/script>/);
    assert.match(html, /data-assent-policy-src="https:\/\/acme.example\/policy.json"/);
  });
});

describe('hostile policies', () => {
  for (const hostile of ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '{{ tenant.name }}', "{% assign x = 'owned' %}{{ x }}", `" onmouseover="alert(1)`, "' | prepend: 'x"]) {
    test(`render ${JSON.stringify(hostile)} as text and inject nothing into the page or the Liquid`, async () => {
      const generated = await generatePartials(hostilePolicy(hostile), { languages: ['en'] });
      for (const prompt of ['signup', 'signup-id'] as const) {
        const partial = generated.partials[prompt][prompt]?.['form-content-end'] ?? '';
        const html = await renderPartial(generated, prompt, 'en');
        assert.doesNotMatch(html, /<script|<img|onmouseover="/);
        assert.ok(text(html).includes(hostile), `${prompt} shows the text as it is`);
        for (const value of Object.values(generated.customTexts[prompt].en?.[prompt] ?? {})) assert.doesNotMatch(value, /\{\{|\{%/);
        assert.doesNotMatch(partial.replace(/\{\{ prompt\.screen\.texts\.varAssent[A-Za-z0-9]+ \| [^}]*\}\}/g, ''), /\{\{|\{%/);
      }
    });
  }

  test('a javascript: URL never becomes a link (the policy itself is refused)', async () => {
    await assert.rejects(generatePartials({ ...policy, documents: [{ ...policy.documents[0], url: 'javascript:alert(1)' }, policy.documents[1]] }), { name: 'PolicyError' });
  });

  test('a URL with Liquid delimiters and quotes stays one attribute of one link', async () => {
    const url = 'https://acme.example/terms?q={{x}}&r={%if%}\'"|';
    const generated = await generatePartials({ ...policy, documents: [{ ...policy.documents[0], url }, policy.documents[1]] }, { languages: ['en'] });
    const html = await renderPartial(generated, 'signup', 'en');
    assert.match(html, /<a href="https:\/\/acme.example\/terms\?q=&#123;&#123;x&#125;&#125;&amp;r=&#123;%if%&#125;&#39;&quot;&#124;" target="_blank"/);
  });

  test('a policy text holding the marker brackets is refused, naming the limit', async () => {
    await assert.rejects(generatePartials(hostilePolicy('⟦0⟧')), (error: unknown) => error instanceof PartialLimitError && error.code === 'reserved_characters');
  });
});

describe('limits', () => {
  test('the longest policy Assent accepts stays under 10,000 characters per partial', async () => {
    const ids = Array.from({ length: MAX_PURPOSES }, (_, i) => `purpose-${String(i).padStart(2, '0')}-${'x'.repeat(12)}`);
    assert.ok(ids.join().length <= 500);
    const documents = Array.from({ length: 5 }, (_, i) => ({ id: `doc${i}`, url: `https://legal.acme.example/documents/${'d'.repeat(60)}/${i}`, version: 'v'.repeat(64) }));
    const longest = parsePolicy({
      id: 'p'.repeat(64),
      version: 'v'.repeat(64),
      controller: { name: 'Acme GmbH' },
      documents,
      purposes: ids.map((id, i) => (i ? { id, required: false, basis: 'consent' } : { id, required: true, basis: 'contract', documents: documents.map((document) => document.id) })),
      withdrawal: { url: 'https://acme.example/withdraw' },
      messages: {
        en: Object.fromEntries([
          ...ids.map((id) => [`purpose.${id}`, `Yes to ${id}, {controller}. ${'long text '.repeat(50)}`]),
          ...documents.map((document) => [`document.${document.id}`, document.id]),
          ['purpose.' + ids[0], 'I accept {documents}.'],
        ]),
      },
    });
    const generated = await generatePartials(longest);
    for (const prompt of ['signup', 'signup-id', 'signup-password'] as const) assert.ok((generated.partials[prompt][prompt]?.['form-content-end'] ?? '').length <= MAX_PARTIAL_LENGTH, prompt);
  });

  test('a partial over 10,000 characters is refused, naming the screen and the limit', async () => {
    const long = { ...policy, documents: policy.documents.map((document) => ({ ...document, url: `${document.url}/${'x'.repeat(5000)}` })) };
    await assert.rejects(generatePartials(long), (error: unknown) => {
      assert.ok(error instanceof PartialLimitError);
      assert.equal(error.code, 'partial_too_large');
      assert.equal(error.where, 'signup/signup/form-content-end');
      assert.equal(error.limit, 10_000);
      assert.match(error.message, /at most 10000/);
      return true;
    });
  });

  test('a prefix Auth0 would not forward is refused', async () => {
    await assert.rejects(generatePartials(policy, { prefix: 'consent_' }), (error: unknown) => error instanceof PartialLimitError && error.where === 'prefix');
  });
});
