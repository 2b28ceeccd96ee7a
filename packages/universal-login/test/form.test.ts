import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FORM_FIELD_IDS, SUPPORTED_LOCALES, loadMessages, parsePolicy, plainText, purposeText } from '@assent/core';
import { FORM_CONTINUE_LABELS, PartialLimitError, generateConsentForm, type FormComponentBody } from '../src/index.js';

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
const ELEMENT = { scriptUrl: 'https://cdn.acme.example/assent-terms.js', integrity: 'sha384-' + 'A'.repeat(64) };
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&', '#39': "'", '#123': '{', '#125': '}', '#124': '|' };
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&(#\d+|lt|gt|quot|amp);/g, (match, code: string) => ENTITIES[code] ?? match);
const components = async (options = {}) => (await generateConsentForm(policy, options)).body.nodes[0]!.config.components;
const byId = (list: readonly FormComponentBody[], id: string) => list.find((component) => component.id === id)!;

describe('generateConsentForm', () => {
  test('one step: the controller as heading, the custom field, the Legal fields for the required and each optional purpose, the notice and the button', async () => {
    const list = await components({ element: ELEMENT });
    assert.deepEqual(
      list.map((component) => `${component.category}/${component.type} ${component.id}`),
      [
        'BLOCK/RICH_TEXT assent_heading',
        'FIELD/CUSTOM consent_terms',
        'FIELD/LEGAL consent_required',
        'FIELD/LEGAL consent_p_marketing',
        'FIELD/LEGAL consent_p_analytics',
        'BLOCK/RICH_TEXT assent_notice',
        'BLOCK/NEXT_BUTTON assent_submit',
      ],
    );
  });

  test('without the element the Form has the Legal fields only', async () => {
    assert.equal(
      (await components()).some((component) => component.type === 'CUSTOM'),
      false,
    );
  });

  test('no box is pre-ticked and none is required by the Form: the Action decides, so declining is possible', async () => {
    for (const component of await components({ element: ELEMENT })) {
      if (component.category !== 'FIELD') continue;
      assert.equal(component.required, false, component.id);
      assert.equal('default_value' in component.config, false, component.id);
    }
  });

  test("the Legal texts are core's sentences of the Form's locale, with the documents linked", async () => {
    const list = await components({ locale: 'de' });
    const messages = await loadMessages('de');
    assert.equal(text(byId(list, 'consent_p_marketing').config.text as string), plainText(purposeText(policy, 'marketing', 'de', messages)));
    assert.equal(text(byId(list, 'consent_required').config.text as string), plainText(purposeText(policy, 'terms', 'de', messages)));
    assert.match(byId(list, 'consent_required').config.text as string, /<a href="https:\/\/acme\.example\/terms" target="_blank" rel="noopener noreferrer"/);
  });

  test("the button's label is in the Form's language for every built-in language; the policy's messages may override it", async () => {
    const label = async (locale: string, input: unknown = policy) => byId((await generateConsentForm(input, { locale })).body.nodes[0]!.config.components, 'assent_submit').config.text;
    assert.equal(await label('en'), 'Continue');
    assert.equal(await label('de'), 'Weiter');
    for (const locale of SUPPORTED_LOCALES) {
      assert.equal(await label(locale), FORM_CONTINUE_LABELS[locale], locale);
      if (locale !== 'en') assert.notEqual(FORM_CONTINUE_LABELS[locale], 'Continue', `${locale} has its own label`);
    }
    assert.equal(await label('de', { ...policy, messages: { de: { 'form.continue': 'Zustimmen und weiter' } } }), 'Zustimmen und weiter');
  });

  test('the hidden fields carry the policy version and the locale of the Legal texts; the ending resumes the login', async () => {
    const { body } = await generateConsentForm(policy, { locale: 'fr' });
    assert.deepEqual(body.start.hidden_fields, [
      { key: FORM_FIELD_IDS.policy, value: 'acme-signup@2026-11-01' },
      { key: FORM_FIELD_IDS.locale, value: 'fr' },
    ]);
    assert.deepEqual(body.ending, { resume_flow: true });
  });

  test('the custom field loads the pinned build, shows the Action’s locale and names the Legal fields it replaces', async () => {
    const params = byId(await components({ element: ELEMENT }), 'consent_terms').config.params as Record<string, string>;
    assert.deepEqual(JSON.parse(params.policy!), JSON.parse(JSON.stringify(policy)));
    assert.deepEqual(
      { ...params, policy: undefined },
      { policy: undefined, locale: '{{vars.locale}}', script_url: ELEMENT.scriptUrl, integrity: ELEMENT.integrity, fallback: 'consent_required,consent_p_marketing,consent_p_analytics' },
    );
  });

  test('policy texts can become neither markup nor Form variables', async () => {
    const hostile = parsePolicy({
      ...policy,
      controller: { name: 'Evil <img src=x onerror=alert(1)> {{vars.secret}}' },
      messages: { en: { 'purpose.marketing': '<b>{{fields.x}}</b> from {controller}' } },
    });
    const { body } = await generateConsentForm(hostile, { element: ELEMENT });
    const json = JSON.stringify(body.nodes[0]!.config.components.filter((component) => component.type !== 'CUSTOM'));
    assert.doesNotMatch(json, /<img|<b>|\{\{/);
    const params = byId(body.nodes[0]!.config.components, 'consent_terms').config.params as Record<string, string>;
    assert.doesNotMatch(params.policy!, /\{\{/);
    assert.equal(JSON.parse(params.policy!).controller.name, 'Evil <img src=x onerror=alert(1)> {{vars.secret}}');
  });

  test('unusable options are refused with an error naming them', async () => {
    const refused = (options: object, where: string) => assert.rejects(generateConsentForm(policy, options), (error: unknown) => error instanceof PartialLimitError && error.where === where);
    await refused({ locale: 'xx' }, 'locale');
    await refused({ name: ' padded ' }, 'name');
    await refused({ element: { ...ELEMENT, scriptUrl: 'http://cdn.acme.example/a.js' } }, 'element.scriptUrl');
    await refused({ element: { ...ELEMENT, integrity: 'md5-x' } }, 'element.integrity');
  });
});
