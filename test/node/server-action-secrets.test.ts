/**
 * `actionSecrets` from @assent/server: the Action secrets derived from the policy the handler
 * serves, checked against the secrets written by hand for the server tests. The demo's tenant runs
 * the post-login Action with derived secrets (test/e2e/demo-flows.test.ts, the social login).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PolicyError } from '@assent/core';
import { ConfigError, actionSecrets } from '@assent/server';
import { POLICY, SESSION_SECRET, actionSecrets as handWritten } from './server-fixture.js';

const CONSENT_URL = 'https://app.acme.example/consent/page';

test('derives the same secrets as written by hand for the example policy of docs/policy.md', () => {
  assert.deepEqual(actionSecrets({ policy: POLICY, consentUrl: CONSENT_URL, sessionSecret: SESSION_SECRET }), handWritten(CONSENT_URL));
});

test('lists every optional purpose, and the documents of the required ones only', () => {
  const policy = {
    ...POLICY,
    documents: [...POLICY.documents, { id: 'cookies', url: 'https://acme.example/cookies', version: '1' }],
    purposes: [...POLICY.purposes, { id: 'newsletter', required: false, basis: 'consent', documents: ['cookies'] }],
  };
  const secrets = actionSecrets({ policy, consentUrl: CONSENT_URL, sessionSecret: SESSION_SECRET });
  assert.equal(secrets.ASSENT_OPTIONAL_PURPOSES, 'marketing,newsletter');
  assert.equal(secrets.ASSENT_REQUIRED_DOCUMENTS, 'terms@3.1,privacy@2.0');
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
