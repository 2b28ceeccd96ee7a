import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createDecision } from '../src/decision.js';
import { DecodeError } from '../src/errors.js';
import { en } from '../src/texts.js';
import { loadMessages } from '../src/messages.js';
import { parsePolicy } from '../src/policy.js';
import { UniversalLoginError, readUniversalLoginFields, universalLoginDecision, universalLoginFieldNames, universalLoginRefusal, type UniversalLoginClaim } from '../src/universal-login.js';
import { encodeSignupFields } from '../src/wire.js';
import { examplePolicy } from './fixtures.js';

const policy = parsePolicy(examplePolicy());
const now = new Date('2026-12-01T10:00:00.000Z');
const native = (extra: Record<string, string> = {}) => ({
  'ulp-consent_policy': 'acme-signup@2026-11-01',
  'ulp-consent_locale': 'de',
  'ulp-consent_required': 'true',
  email: 'ada@example.com',
  ...extra,
});

async function refusal(claim: UniversalLoginClaim | null, code: string): Promise<UniversalLoginError> {
  assert.ok(claim);
  const error = await universalLoginDecision(claim, policy, { now }).then(
    () => assert.fail('accepted'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof UniversalLoginError, String(error));
  assert.equal(error.code, code);
  return error;
}

describe('readUniversalLoginFields', () => {
  test('a signup without the prefix fields is not a Universal Login consent', () => {
    assert.equal(readUniversalLoginFields({ email: 'ada@example.com' }), null);
    assert.equal(readUniversalLoginFields(undefined), null);
  });

  test('reads the native boxes: required ticked and the ticked optional purposes', () => {
    assert.deepEqual(readUniversalLoginFields(native({ 'ulp-consent_p_marketing': 'true' })), {
      variant: 'native',
      policy: 'acme-signup',
      version: '2026-11-01',
      locale: 'de',
      required: true,
      accepted: ['marketing'],
    });
  });

  test('an unticked required box is simply absent', () => {
    const { 'ulp-consent_required': _absent, ...body } = native();
    assert.equal(readUniversalLoginFields(body)?.required, false);
  });

  test('refuses a malformed field, naming it', () => {
    assert.throws(
      () => readUniversalLoginFields(native({ 'ulp-consent_locale': 'de"><script>' })),
      (error: unknown) => error instanceof DecodeError && error.path === 'ulp-consent_locale',
    );
    assert.throws(
      () => readUniversalLoginFields(native({ 'ulp-consent_p_Marketing!': 'true' })),
      (error: unknown) => error instanceof DecodeError && error.path === 'ulp-consent_p_Marketing!',
    );
    assert.throws(
      () => readUniversalLoginFields(native({ 'ulp-consent_required': 'yes please' })),
      (error: unknown) => error instanceof DecodeError && error.path === 'ulp-consent_required',
    );
  });

  test('reads what <assent-terms field-prefix="ulp-consent_"> posts as the element variant', async () => {
    const decision = await createDecision(policy, { accepted: ['terms', 'marketing'], locale: 'en', messages: en, at: now });
    const claim = readUniversalLoginFields({ ...encodeSignupFields(decision, { prefix: 'ulp-consent_' }) });
    assert.deepEqual(claim, { variant: 'element', policy: 'acme-signup', version: '2026-11-01', locale: 'en', required: true, accepted: ['terms', 'marketing'], clientHash: decision.hash });
  });

  test('a prefix must start with ulp- (Auth0 forwards no other field)', () => {
    assert.throws(() => universalLoginFieldNames({ prefix: 'consent_' }), /invalid_prefix/);
  });
});

describe('universalLoginDecision', () => {
  test('proves the native consent with the hash of the statement for that locale, at server time', async () => {
    const decision = await universalLoginDecision(readUniversalLoginFields(native({ 'ulp-consent_p_marketing': 'true' }))!, policy, { now });
    const expected = await createDecision(policy, { accepted: ['terms', 'marketing'], locale: 'de', messages: await loadMessages('de'), at: now });
    assert.deepEqual(decision, expected);
  });

  test('an unticked optional purpose is not accepted', async () => {
    const decision = await universalLoginDecision(readUniversalLoginFields(native())!, policy, { now });
    assert.deepEqual(decision.purposes, ['terms']);
  });

  test('refuses a signup without the required box, to be answered in the page language', async () => {
    const { 'ulp-consent_required': _absent, ...body } = native();
    const error = await refusal(readUniversalLoginFields(body), 'required_purpose_missing');
    assert.equal(error.locale, 'de');
    assert.equal(await universalLoginRefusal(error, policy), 'Bitte akzeptieren Sie die Nutzungsbedingungen und die Datenschutzerklärung, um fortzufahren.');
  });

  test('refuses a page of an older policy version', async () => {
    await refusal(readUniversalLoginFields(native({ 'ulp-consent_policy': 'acme-signup@2026-01-01' })), 'policy_outdated');
  });

  test('refuses a purpose the policy does not have', async () => {
    await refusal(readUniversalLoginFields(native({ 'ulp-consent_p_lottery': 'true' })), 'unknown_purpose');
  });

  test('refuses a locale Assent has no texts for (the partial never shows one)', async () => {
    await refusal(readUniversalLoginFields(native({ 'ulp-consent_locale': 'tlh' })), 'unsupported_locale');
  });

  test("refuses the element's hash when it showed other texts than the policy gives", async () => {
    const decision = await createDecision(policy, { accepted: ['terms'], locale: 'en', messages: { ...en, 'purpose.terms': 'I agree to nothing, {documents}.' }, at: now });
    await refusal(readUniversalLoginFields(encodeSignupFields(decision, { prefix: 'ulp-consent_' })), 'hash_mismatch');
  });

  test("accepts the element's decision when its hash is the policy's", async () => {
    const client = await createDecision(policy, { accepted: ['terms'], locale: 'en', messages: en, at: new Date('2026-12-01T09:59:00.000Z') });
    const decision = await universalLoginDecision(readUniversalLoginFields(encodeSignupFields(client, { prefix: 'ulp-consent_' }))!, policy, { now });
    assert.equal(decision.hash, client.hash);
    assert.equal(decision.at, now.toISOString());
  });
});
