/**
 * The built pre-user-registration Action (@assent/server/actions/pre-user-registration.js) with the
 * `ulp-` fields the generated partials post, run as Auth0 runs it: one CommonJS file in a context
 * of its own without a global `crypto`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeConsentObject, loadMessages, parsePolicy, verifyDecision } from '@assent/core';
import { universalLoginActionSecrets, DIGEST_SECRET_PREFIX } from '../src/index.js';
import { policy, secrets, signUp } from './action-harness.js';

const page = { 'ulp-consent_policy': 'acme-signup@2026-11-01', 'ulp-consent_locale': 'de' };

describe('the pre-user-registration Action on Universal Login', () => {
  test('refuses a signup without the required box with a message in the page language, shown in the prompt', async () => {
    const calls = await signUp(page);
    assert.deepEqual(calls.validation, ['consent_required_purpose_missing', 'Bitte akzeptieren Sie die Nutzungsbedingungen und die Datenschutzerklärung, um fortzufahren.']);
    assert.deepEqual(calls.app, {});
  });

  test('records exactly the ticked purposes with server time and a hash core verifies', async () => {
    const before = Date.now();
    const calls = await signUp({ ...page, 'ulp-consent_required': 'true', 'ulp-consent_p_analytics': 'true' });
    assert.equal(calls.validation, undefined);
    const consent = decodeConsentObject(calls.app.consent);
    assert.deepEqual(consent.purposes, { terms: true, marketing: false, analytics: true });
    assert.ok(Date.parse(consent.date) >= before && Date.parse(consent.date) <= Date.now());
    assert.equal(consent.locale, 'de');
    assert.ok(
      await verifyDecision(
        { policy: consent.policy, version: consent.version, purposes: ['terms', 'analytics'], locale: consent.locale, at: consent.date, hash: consent.hash },
        policy,
        await loadMessages('de'),
      ),
    );
    assert.deepEqual(calls.user.consent, calls.app.consent);
  });

  test('refuses the page of an older policy version', async () => {
    const calls = await signUp({ ...page, 'ulp-consent_policy': 'acme-signup@2020-01-01', 'ulp-consent_required': 'true' });
    assert.equal(calls.validation?.[0], 'consent_policy_outdated');
  });

  test('refuses malformed fields without recording anything', async () => {
    const calls = await signUp({ ...page, 'ulp-consent_required': 'true', 'ulp-consent_locale': '<script>' });
    assert.equal(calls.validation?.[0], 'consent_malformed');
    assert.deepEqual(calls.app, {});
  });
});

describe('universalLoginActionSecrets', () => {
  test('carries the policy JSON, split past 4,096 characters, and a digest in a name', () => {
    const long = parsePolicy({ ...policy, messages: { en: { 'purpose.marketing': 'x'.repeat(2000) }, de: { 'purpose.marketing': 'y'.repeat(2000) }, fr: { 'purpose.marketing': 'z'.repeat(2000) } } });
    const split = universalLoginActionSecrets(long);
    assert.equal((split.ASSENT_POLICY_JSON ?? '') + (split.ASSENT_POLICY_JSON_2 ?? ''), JSON.stringify(long));
    assert.ok(Object.values(split).every((value) => value.length <= 4096));
    assert.equal(Object.keys(split).filter((name) => name.startsWith(DIGEST_SECRET_PREFIX)).length, 1);
    assert.notDeepEqual(Object.keys(split), Object.keys(secrets));
  });
});
