import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createDecision } from '../src/decision.js';
import { DecodeError } from '../src/errors.js';
import { FORM_FIELD_IDS, readFormFields } from '../src/forms.js';
import { loadMessages } from '../src/messages.js';
import { parsePolicy } from '../src/policy.js';
import { UniversalLoginError, universalLoginDecision } from '../src/universal-login.js';
import { examplePolicy } from './fixtures.js';

const policy = parsePolicy(examplePolicy());
const now = new Date('2026-12-01T10:00:00.000Z');
const legal = (extra: Record<string, unknown> = {}) => ({ consent_policy: 'acme-signup@2026-11-01', consent_locale: 'de', consent_required: true, consent_p_marketing: false, ...extra });

describe('readFormFields', () => {
  test('fields of another Form are not a consent', () => {
    assert.equal(readFormFields({ favourite_colour: 'blue' }), null);
    assert.equal(readFormFields(undefined), null);
  });

  test('the Legal fields give the ticked optional purposes, the required box and the locale of their texts', () => {
    assert.deepEqual(readFormFields(legal({ consent_p_marketing: true })), { variant: 'native', policy: 'acme-signup', version: '2026-11-01', locale: 'de', required: true, accepted: ['marketing'] });
  });

  test('an unticked required Legal field is read as not accepted, and the proof refuses it', async () => {
    const claim = readFormFields(legal({ consent_required: false }));
    assert.equal(claim?.required, false);
    await assert.rejects(universalLoginDecision(claim!, policy, { now }), (error: unknown) => error instanceof UniversalLoginError && error.code === 'required_purpose_missing');
  });

  test('a Legal answer is proven with the hash recomputed on the server for the locale of its texts', async () => {
    const decision = await universalLoginDecision(readFormFields(legal({ consent_p_marketing: true }))!, policy, { now });
    const expected = await createDecision(policy, { accepted: ['terms', 'marketing'], locale: 'de', messages: await loadMessages('de'), at: now });
    assert.deepEqual(decision, expected);
  });

  test("the element's value wins over the Legal fields it replaced, and its hash must be the policy's", async () => {
    const shown = await createDecision(policy, { accepted: ['terms'], locale: 'fr', messages: await loadMessages('fr'), at: now });
    const value = { policy: shown.policy, version: shown.version, purposes: shown.purposes, locale: shown.locale, hash: shown.hash };
    const claim = readFormFields(legal({ [FORM_FIELD_IDS.element]: value, consent_p_marketing: true }));
    assert.deepEqual(claim, { variant: 'element', policy: 'acme-signup', version: '2026-11-01', locale: 'fr', required: true, accepted: ['terms'], clientHash: shown.hash });
    assert.deepEqual(await universalLoginDecision(claim!, policy, { now }), shown);
    const forged = readFormFields({ [FORM_FIELD_IDS.element]: { ...value, purposes: ['terms', 'marketing'] } });
    await assert.rejects(universalLoginDecision(forged!, policy, { now }), (error: unknown) => error instanceof UniversalLoginError && error.code === 'hash_mismatch');
  });

  test('malformed answers are refused with an error naming the field', () => {
    const refused = (fields: unknown, path: string) =>
      assert.throws(
        () => readFormFields(fields),
        (error: unknown) => error instanceof DecodeError && error.path === path,
      );
    refused(legal({ consent_policy: 'acme-signup' }), 'consent_policy');
    refused(legal({ consent_locale: undefined }), 'consent_locale');
    refused(legal({ consent_required: 'maybe' }), 'consent_required');
    refused(legal({ 'consent_p_Bad!': true }), 'consent_p_Bad!');
    refused({ consent_terms: 'terms' }, 'consent_terms');
    refused({ consent_terms: { policy: 'acme-signup', version: '1', locale: 'en', hash: 'x' } }, 'consent_terms.hash');
    refused({ consent_terms: { policy: 'acme-signup', version: '1', locale: 'en', hash: 'a'.repeat(64), purposes: 'terms' } }, 'consent_terms.purposes');
  });
});
