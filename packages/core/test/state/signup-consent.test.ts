import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createDecision, verifyDecision } from '../../src/decision.js';
import { DecodeError } from '../../src/errors.js';
import { en } from '../../src/texts.js';
import { parsePolicy } from '../../src/policy.js';
import { signupConsentObject } from '../../src/state/signup-consent.js';
import { verifiedSignupConsent } from '../../src/state/verified-signup.js';
import { decodeSignupFields, encodeLockSignupFields, encodeSignupFields } from '../../src/wire.js';
import { examplePolicy, variant } from '../fixtures.js';

const policy = parsePolicy(examplePolicy());
const at = new Date('2026-11-01T09:30:00.000Z');
const decision = await createDecision(policy, { accepted: ['terms'], locale: 'en', messages: en, at });
const metadata = { plan: 'pro', ...encodeSignupFields(decision) };

describe('signupConsentObject', () => {
  test('turns the signup fields into a consent object recording the decision', async () => {
    const consent = await signupConsentObject(metadata, policy);
    assert.ok(consent);
    assert.deepEqual([consent.given, consent.purposes, consent.hash, consent.locale, consent.version], [true, { terms: true, marketing: false }, decision.hash, 'en', '2026-11-01']);
    assert.deepEqual(consent.documents, { terms: '3.1', privacy: '2.0' });
    assert.equal(consent.history.length, 1);
    assert.deepEqual({ ...consent.history[0], id: 'x' }, { id: 'x', event: 'given', at: decision.at, version: '2026-11-01', purposes: ['terms'], source: 'signup' });
  });

  test('gives the same event id to every conversion of the same signup, and another to another signup', async () => {
    const first = await signupConsentObject(metadata, policy);
    const again = await signupConsentObject({ ...metadata, plan: 'free' }, policy);
    const other = await signupConsentObject(encodeSignupFields(await createDecision(policy, { accepted: ['terms', 'marketing'], locale: 'en', messages: en, at })), policy);
    assert.match(first!.history[0]!.id, /^signup-[0-9a-f]{32}$/);
    assert.equal(again!.history[0]!.id, first!.history[0]!.id);
    assert.notEqual(other!.history[0]!.id, first!.history[0]!.id);
  });

  test("reads Lock's variant and records its source as lock", async () => {
    const { hidden } = await encodeLockSignupFields(policy, { locale: 'en', messages: en, at });
    const fields = { ...hidden, consent_p_marketing: 'true' };
    const consent = await signupConsentObject(fields, policy);
    assert.deepEqual([consent!.history[0]!.source, consent!.purposes], ['lock', { terms: true, marketing: true }]);
    assert.ok(await verifyDecision(decodeSignupFields(fields), policy, en));
  });

  test('is null when there are no signup fields', async () => {
    assert.equal(await signupConsentObject({ plan: 'pro' }, policy), null);
    assert.equal(await signupConsentObject(undefined, policy), null);
  });

  test('reads fields under another prefix', async () => {
    const consent = await signupConsentObject(encodeSignupFields(decision, { prefix: 'gdpr_' }), policy, { prefix: 'gdpr_' });
    assert.equal(consent?.hash, decision.hash);
  });

  test('records only what is known of a signup under an older policy version', async () => {
    const consent = await signupConsentObject(metadata, parsePolicy(variant((raw) => (raw.version = '2027-01-01'))));
    assert.deepEqual([consent!.version, consent!.purposes, consent!.documents], ['2026-11-01', { terms: true }, undefined]);
  });

  test('refuses malformed fields with the path under user_metadata', async () => {
    await assert.rejects(
      signupConsentObject({ ...metadata, consent_hash: 'not-a-hash' }, policy),
      (error) => error instanceof DecodeError && error.path === 'user_metadata.consent_hash' && error.message.startsWith('user_metadata.consent_hash: '),
    );
  });
});

describe('signup fields dated in the future', () => {
  test('are refused, naming the field, so a forged date cannot outrank every later event', async () => {
    const future = { ...metadata, consent_at: '2099-01-01T00:00:00.000Z' };
    await assert.rejects(signupConsentObject(future, policy), (error) => error instanceof DecodeError && error.code === 'in_future' && error.path === 'user_metadata.consent_at');
  });
});

describe('verifiedSignupConsent', () => {
  test('gives the consent object of signup fields whose hash matches what the policy shows', async () => {
    assert.deepEqual(await verifiedSignupConsent(metadata, policy), await signupConsentObject(metadata, policy));
  });

  test("verifies Lock's variant too", async () => {
    const { hidden } = await encodeLockSignupFields(policy, { locale: 'en', messages: en, at });
    assert.equal((await verifiedSignupConsent({ ...hidden, consent_p_marketing: 'true' }, policy))?.purposes.marketing, true);
  });

  test('is null for a hash that does not verify (64 zeros is no proof): no consent yet', async () => {
    assert.equal(await verifiedSignupConsent({ ...metadata, consent_hash: '0'.repeat(64) }, policy), null);
  });

  test('is null when the purposes were changed after hashing', async () => {
    assert.equal(await verifiedSignupConsent({ ...metadata, consent_purposes: 'terms,marketing' }, policy), null);
  });

  test('is null for a signup to another policy version, which cannot be checked against this one', async () => {
    const older = parsePolicy(variant((raw) => (raw.version = '2025-01-01')));
    const fields = encodeSignupFields(await createDecision(older, { accepted: ['terms'], locale: 'en', messages: en, at }));
    assert.equal(await verifiedSignupConsent(fields, policy), null);
  });

  test('is null without signup fields', async () => {
    assert.equal(await verifiedSignupConsent({ plan: 'pro' }, policy), null);
  });
});
