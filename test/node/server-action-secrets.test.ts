/**
 * `actionSecrets` from @assent/server: the Action secrets derived from the policy the handler
 * serves (the policy itself, within Auth0's limits on secrets). The demo's tenant runs
 * the post-login Action with derived secrets (test/e2e/demo-flows.test.ts, the social login).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PolicyError, parsePolicy } from '@assent/core';
import { ConfigError, actionSecrets } from '@assent/server';
import { POLICY, SESSION_SECRET } from './server-fixture.js';

const CONSENT_URL = 'https://app.acme.example/consent/page';

test('carries the policy the handler serves, whole, in ASSENT_POLICY_JSON, beside the consent page and the session secret', () => {
  const secrets = actionSecrets({ policy: POLICY, consentUrl: CONSENT_URL, sessionSecret: SESSION_SECRET });
  assert.deepEqual(Object.keys(secrets).sort(), ['ASSENT_CONSENT_URL', 'ASSENT_POLICY_JSON', 'ASSENT_SESSION_SECRET']);
  assert.deepEqual(JSON.parse(secrets.ASSENT_POLICY_JSON!), POLICY);
  assert.equal(secrets.ASSENT_CONSENT_URL, CONSENT_URL);
  assert.equal(secrets.ASSENT_SESSION_SECRET, SESSION_SECRET);
});

test('splits a policy longer than Auth0’s 4096 characters per secret into ASSENT_POLICY_JSON, _2, _3… that join back into it', () => {
  const messages = Object.fromEntries(['de', 'fr', 'it', 'es', 'nl', 'pl'].map((locale) => [locale, { 'purpose.marketing': `${locale}: ${'ä'.repeat(1500)} {controller}` }]));
  const policy = parsePolicy({ ...POLICY, messages });
  const secrets = actionSecrets({ policy, consentUrl: CONSENT_URL, sessionSecret: SESSION_SECRET });
  const parts = Object.keys(secrets)
    .filter((name) => name.startsWith('ASSENT_POLICY_JSON'))
    .sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  assert.ok(parts.length >= 3, parts.join());
  assert.deepEqual(parts.slice(0, 3), ['ASSENT_POLICY_JSON', 'ASSENT_POLICY_JSON_2', 'ASSENT_POLICY_JSON_3']);
  for (const name of parts) assert.ok([...secrets[name]!].length <= 4096, `${name} has ${[...secrets[name]!].length} characters`);
  assert.deepEqual(JSON.parse(parts.map((name) => secrets[name]).join('')), policy);
});

test('refuses a policy too large for Auth0’s 30 secrets with core’s PolicyError naming the limit', () => {
  const messages = Object.fromEntries(
    ['de', 'fr', 'it', 'es', 'nl', 'pl', 'pt', 'sv', 'da', 'fi', 'cs', 'sk', 'sl', 'hu', 'ro', 'bg', 'el', 'et', 'lv', 'lt', 'hr', 'ga', 'mt', 'ar', 'he'].map((locale) => [
      locale,
      { 'purpose.marketing': `${'x'.repeat(1980)} {controller}`, 'purpose.terms': `${'y'.repeat(1980)} {documents}` },
    ]),
  );
  assert.throws(
    () => actionSecrets({ policy: { ...POLICY, messages }, consentUrl: CONSENT_URL, sessionSecret: SESSION_SECRET }),
    (error: unknown) => error instanceof PolicyError && error.issues.some((issue) => issue.path === '' && issue.code === 'tooLong' && /100000/.test(issue.message)),
  );
});

test('the largest policy parsePolicy accepts fits the Action’s secrets', () => {
  const texts = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`custom.${i}`, 'x'.repeat(2000)]));
  const policy = { ...POLICY, messages: { en: texts } };
  const room = 100_000 - JSON.stringify(policy).length;
  const filled = { ...policy, messages: { en: { ...texts, 'custom.last': 'z'.repeat(room - '"custom.last":"",'.length) } } };
  assert.equal(JSON.stringify(filled).length, 100_000);
  const secrets = actionSecrets({ policy: filled, consentUrl: CONSENT_URL, sessionSecret: SESSION_SECRET, fieldPrefix: 'terms_', claimNamespace: 'https://acme.example/' });
  assert.ok(Object.keys(secrets).length <= 30, `${Object.keys(secrets).length} secrets`);
});

test('names the field prefix only when one is given', () => {
  assert.equal(actionSecrets({ policy: POLICY, consentUrl: CONSENT_URL, sessionSecret: SESSION_SECRET }).ASSENT_FIELD_PREFIX, undefined);
  assert.equal(actionSecrets({ policy: POLICY, consentUrl: CONSENT_URL, sessionSecret: SESSION_SECRET, fieldPrefix: 'terms_' }).ASSENT_FIELD_PREFIX, 'terms_');
});

test('refuses a consent page over plain http on a public host, naming consentUrl', () => {
  assert.throws(
    () => actionSecrets({ policy: POLICY, consentUrl: 'http://app.acme.example/consent/page', sessionSecret: SESSION_SECRET }),
    (error: unknown) => error instanceof ConfigError && error.path === 'consentUrl',
  );
});

test('accepts a consent page over plain http on loopback (a local demo)', () => {
  assert.equal(actionSecrets({ policy: POLICY, consentUrl: 'http://127.0.0.1:5173/consent/page', sessionSecret: SESSION_SECRET }).ASSENT_CONSENT_URL, 'http://127.0.0.1:5173/consent/page');
});

test('refuses a session secret shorter than 32 characters, naming sessionSecret', () => {
  assert.throws(
    () => actionSecrets({ policy: POLICY, consentUrl: CONSENT_URL, sessionSecret: 'short' }),
    (error: unknown) => error instanceof ConfigError && error.path === 'sessionSecret',
  );
});

test('refuses an invalid policy with core’s PolicyError', () => {
  assert.throws(() => actionSecrets({ policy: { ...POLICY, purposes: [] }, consentUrl: CONSENT_URL, sessionSecret: SESSION_SECRET }), PolicyError);
});
