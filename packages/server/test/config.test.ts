import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PolicyError } from '@assent/core';
import { ConfigError, createConsentHandler, type ConsentHandlerOptions } from '../src/index.js';

const policy = {
  id: 'acme-signup',
  version: '1',
  controller: { name: 'Acme GmbH' },
  documents: [{ id: 'terms', url: 'https://acme.example/terms', version: '1' }],
  purposes: [{ id: 'terms', required: true, basis: 'contract', documents: ['terms'] }],
};

const valid: ConsentHandlerOptions = {
  auth0: { domain: 'acme.eu.auth0.com', clientId: 'backend', clientSecret: 'secret' },
  audience: 'https://api.acme.example/',
  policy,
};

function refusal(change: Partial<ConsentHandlerOptions> | Record<string, unknown>): ConfigError {
  try {
    createConsentHandler({ ...valid, ...change } as ConsentHandlerOptions);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('the options were accepted');
}

test('accepts the minimal options', () => {
  assert.equal(typeof createConsentHandler(valid).fetch, 'function');
});

test('refuses a domain with a scheme, naming auth0.domain', () => {
  assert.equal(refusal({ auth0: { ...valid.auth0, domain: 'https://acme.eu.auth0.com' } }).path, 'auth0.domain');
});

test('refuses a missing client secret, naming auth0.clientSecret', () => {
  assert.equal(refusal({ auth0: { ...valid.auth0, clientSecret: '' } }).path, 'auth0.clientSecret');
});

test('refuses a missing audience', () => {
  assert.equal(refusal({ audience: '' }).path, 'audience');
});

test('refuses an allowed origin with a path or trailing slash, naming its index', () => {
  assert.equal(refusal({ allowedOrigins: ['https://app.acme.example', 'https://app.acme.example/'] }).path, 'allowedOrigins[1]');
});

test('refuses a base path with a trailing slash', () => {
  assert.equal(refusal({ basePath: '/assent/' }).path, 'basePath');
});

test('refuses a consent page secret shorter than 32 characters', () => {
  assert.equal(refusal({ consentPage: { sessionSecret: 'short', publicOrigin: 'https://api.acme.example' } }).path, 'consentPage.sessionSecret');
});

const SECRET = 'a-session-secret-of-at-least-32-characters';
const ORIGIN = 'https://api.acme.example';

test('refuses a consent page without its public origin, naming consentPage.publicOrigin', () => {
  const error = refusal({ consentPage: { sessionSecret: SECRET } });
  assert.equal(error.path, 'consentPage.publicOrigin');
  assert.match(error.message, /is required/);
});

test('refuses a consent page public origin with a path or trailing slash, or plain http off loopback', () => {
  for (const publicOrigin of ['https://api.acme.example/', 'https://api.acme.example/assent', 'http://api.acme.example', 'api.acme.example', '']) {
    assert.equal(refusal({ consentPage: { sessionSecret: SECRET, publicOrigin } }).path, 'consentPage.publicOrigin', publicOrigin);
  }
});

test('accepts an https public origin with a port, and a plain http one on loopback', () => {
  for (const publicOrigin of ['https://api.acme.example:8443', 'http://127.0.0.1:5173', 'http://localhost:5173']) {
    assert.equal(typeof createConsentHandler({ ...valid, consentPage: { sessionSecret: SECRET, publicOrigin } }).fetch, 'function', publicOrigin);
  }
});

test('accepts a continue URL on a custom domain and a plain http one on loopback (an emulator)', () => {
  for (const continueUrl of ['https://login.acme.example/continue', 'http://127.0.0.1:4400/continue', 'http://localhost:4400/continue']) {
    assert.equal(typeof createConsentHandler({ ...valid, consentPage: { sessionSecret: SECRET, publicOrigin: ORIGIN, continueUrl } }).fetch, 'function', continueUrl);
  }
});

test('refuses a plain http continue URL on a host that is not loopback', () => {
  const error = refusal({ consentPage: { sessionSecret: SECRET, publicOrigin: ORIGIN, continueUrl: 'http://login.acme.example/continue' } });
  assert.equal(error.path, 'consentPage.continueUrl');
  assert.match(error.message, /https/);
});

test('refuses a continue URL that is not the /continue endpoint', () => {
  for (const continueUrl of ['https://login.acme.example/authorize', 'https://login.acme.example/continue?state=x', 'login.acme.example/continue']) {
    assert.equal(refusal({ consentPage: { sessionSecret: SECRET, publicOrigin: ORIGIN, continueUrl } }).path, 'consentPage.continueUrl', continueUrl);
  }
});

test('refuses a withdrawal log without append()', () => {
  assert.equal(refusal({ withdrawalLog: {} as never }).path, 'withdrawalLog');
});

test('refuses an invalid policy with core’s PolicyError listing the fields', () => {
  assert.throws(
    () => createConsentHandler({ ...valid, policy: { ...policy, purposes: [] } }),
    (error: unknown) => error instanceof PolicyError && error.issues.some((issue) => issue.path === 'purposes'),
  );
});

test('refuses a withdrawal log timeout that is not a whole number of milliseconds from 1 to 120000, naming withdrawalLogTimeoutMs', () => {
  for (const value of [0, -1, 1.5, 120_001, Number.NaN]) assert.equal(refusal({ withdrawalLogTimeoutMs: value }).path, 'withdrawalLogTimeoutMs', String(value));
});
