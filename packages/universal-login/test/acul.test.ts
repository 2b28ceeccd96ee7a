/**
 * The ACUL adapter: the `ulp-` fields it gives each signup screen's `signup()` are the ones the
 * built pre-user-registration Action records, and it refuses to give any without the required consent.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createDecision, decodeConsentObject, en, loadMessages, verifyDecision, type ConsentDecision } from '@assent/core';
import { aculSignupFields, forgetAculConsent, AculConsentError, type AculConsentStorage } from '../src/acul/index.js';
import { policy, signUp } from './action-harness.js';

/** An in-memory sessionStorage. */
function memoryStorage(): AculConsentStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}

const decide = (accepted: string[]): Promise<ConsentDecision> => createDecision(policy, { accepted, locale: 'en', messages: en });
/** What `<assent-terms>` exposes: its current decision, null while the required box is unticked. */
const terms = (decision: ConsentDecision | null) => ({ decision });
const refusal = (code: string) => (error: unknown) => error instanceof AculConsentError && error.code === code;

describe('aculSignupFields on the signup screen', () => {
  test('gives the five ulp-consent_ fields of the decision', async () => {
    const decision = await decide(['terms', 'marketing']);
    assert.deepEqual(aculSignupFields(terms(decision), { screen: 'signup' }), {
      'ulp-consent_policy': 'acme-signup@2026-11-01',
      'ulp-consent_purposes': 'terms,marketing',
      'ulp-consent_at': decision.at,
      'ulp-consent_locale': 'en',
      'ulp-consent_hash': decision.hash,
    });
  });

  test('refuses while the required box is unticked, so the screen submits nothing', () => {
    assert.throws(() => aculSignupFields(terms(null), { screen: 'signup' }), refusal('consent_required'));
  });

  test('refuses a decision without the policy’s required purposes when the policy is given', async () => {
    const partial = { ...(await decide(['terms'])), purposes: ['marketing'] };
    assert.throws(() => aculSignupFields(partial, { screen: 'signup', policy }), refusal('consent_required'));
  });

  test('refuses a decision made for another policy version', async () => {
    const old = { ...(await decide(['terms'])), version: '2020-01-01' };
    assert.throws(() => aculSignupFields(old, { screen: 'signup', policy }), refusal('policy_mismatch'));
  });

  test('posted as the SDK posts them, the Action records exactly the accepted purposes with a hash core verifies', async () => {
    const fields = aculSignupFields(terms(await decide(['terms', 'analytics'])), { screen: 'signup' });
    const calls = await signUp(fields);
    assert.equal(calls.validation, undefined);
    const consent = decodeConsentObject(calls.app.consent);
    assert.deepEqual(consent.purposes, { terms: true, marketing: false, analytics: true });
    assert.ok(
      await verifyDecision(
        { policy: consent.policy, version: consent.version, purposes: ['terms', 'analytics'], locale: consent.locale, at: consent.date, hash: consent.hash },
        policy,
        await loadMessages('en'),
      ),
    );
  });

  test('refuses a prefix Auth0 does not forward to the Action', async () => {
    const decision = await decide(['terms']);
    assert.throws(() => aculSignupFields(terms(decision), { screen: 'signup', prefix: 'consent_' }), refusal('invalid_option'));
  });

  test('refuses a screen that is not a signup screen', async () => {
    const decision = await decide(['terms']);
    assert.throws(() => aculSignupFields(terms(decision), { screen: 'login' as 'signup' }), refusal('invalid_option'));
  });
});

describe('aculSignupFields on the identifier-first pair', () => {
  test('signup-id needs the transaction state', async () => {
    const decision = await decide(['terms']);
    assert.throws(() => aculSignupFields(terms(decision), { screen: 'signup-id', storage: memoryStorage() }), refusal('invalid_option'));
  });

  test('the consent given on signup-id is posted again with the password on signup-password', async () => {
    const storage = memoryStorage();
    const given = aculSignupFields(terms(await decide(['terms', 'marketing'])), { screen: 'signup-id', state: 'tx-1', storage });
    assert.deepEqual(aculSignupFields(null, { screen: 'signup-password', state: 'tx-1', storage }), given);
    const consent = decodeConsentObject((await signUp(given)).app.consent);
    assert.deepEqual(consent.purposes, { terms: true, marketing: true, analytics: false });
  });

  test('another transaction does not get that consent', async () => {
    const storage = memoryStorage();
    aculSignupFields(terms(await decide(['terms'])), { screen: 'signup-id', state: 'tx-1', storage });
    assert.throws(() => aculSignupFields(null, { screen: 'signup-password', state: 'tx-2', storage }), refusal('consent_not_carried'));
  });

  test('a box on signup-password wins over the consent kept from signup-id', async () => {
    const storage = memoryStorage();
    aculSignupFields(terms(await decide(['terms', 'marketing'])), { screen: 'signup-id', state: 'tx-1', storage });
    const fields = aculSignupFields(terms(await decide(['terms'])), { screen: 'signup-password', state: 'tx-1', storage });
    assert.equal(fields['ulp-consent_purposes'], 'terms');
  });

  test('something else stored under the key is not taken for consent', () => {
    const storage = memoryStorage();
    storage.setItem('assent:acul:tx-1', JSON.stringify({ 'ulp-consent_policy': 'acme-signup@2026-11-01', 'ulp-consent_purposes': 'terms' }));
    assert.throws(() => aculSignupFields(null, { screen: 'signup-password', state: 'tx-1', storage }), refusal('consent_not_carried'));
    assert.equal(storage.items.size, 0);
  });

  test('a forgotten consent is not carried', async () => {
    const storage = memoryStorage();
    aculSignupFields(terms(await decide(['terms'])), { screen: 'signup-id', state: 'tx-1', storage });
    forgetAculConsent('tx-1', storage);
    assert.throws(() => aculSignupFields(null, { screen: 'signup-password', state: 'tx-1', storage }), refusal('consent_not_carried'));
  });

  test('without storage of its own outside a browser it says what to pass', async () => {
    const decision = await decide(['terms']);
    assert.throws(
      () => aculSignupFields(terms(decision), { screen: 'signup-id', state: 'tx-1' }),
      (error: unknown) => refusal('invalid_option')(error) && (error as AculConsentError).where === 'storage',
    );
  });
});
