/** createAssent's options: every one validated, each problem an AssentConfigError naming it. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AssentConfigError } from '../src/signup/errors.js';
import { createAssent } from '../src/signup/client.js';
import { parseDomain, type AssentOptions } from '../src/signup/config.js';
import { fetchTransport } from '../src/signup/transport.js';
import { parsePolicy } from '../src/policy.js';
import { PolicyError } from '../src/errors.js';
import { examplePolicy, variant } from './fixtures.js';

const valid: AssentOptions = {
  domain: 'acme.eu.auth0.com',
  clientId: 'x9LtTQm0WdGf8Jb1',
  connection: 'Username-Password-Authentication',
  policy: parsePolicy(examplePolicy()),
};

/** The AssentConfigError that createAssent throws for `options`. */
function configError(options: unknown): AssentConfigError {
  try {
    createAssent(options as AssentOptions);
  } catch (error) {
    assert.ok(error instanceof AssentConfigError, `expected an AssentConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('createAssent accepted the options');
}

describe('domain', () => {
  const accepted: [string, string][] = [
    ['acme.eu.auth0.com', 'https://acme.eu.auth0.com'],
    ['ACME.eu.auth0.com', 'https://acme.eu.auth0.com'],
    ['acme.eu.auth0.com:443', 'https://acme.eu.auth0.com'],
    ['127.0.0.1:4400', 'https://127.0.0.1:4400'],
    ['https://login.acme.example', 'https://login.acme.example'],
    ['https://login.acme.example/', 'https://login.acme.example'],
    ['https://acme.example/auth0-proxy/', 'https://acme.example/auth0-proxy'],
    ['http://127.0.0.1:4400', 'http://127.0.0.1:4400'],
    ['http://localhost:4400', 'http://localhost:4400'],
    ['http://[::1]:4400', 'http://[::1]:4400'],
  ];
  for (const [domain, baseUrl] of accepted) {
    test(`takes ${domain} as ${baseUrl}`, () => {
      assert.equal(parseDomain(domain), baseUrl);
      assert.equal(createAssent({ ...valid, domain }).baseUrl, baseUrl);
    });
  }

  const refused: [string, unknown][] = [
    ['a missing domain', undefined],
    ['an empty domain', ''],
    ['a number', 42],
    ['a host with a path', 'acme.auth0.com/login'],
    ['a protocol-relative URL', '//acme.auth0.com'],
    ['credentials in the URL', 'https://user:pw@acme.auth0.com'],
    ['a query', 'https://acme.auth0.com?x=1'],
    ['a fragment', 'https://acme.auth0.com#x'],
    ['spaces', ' acme.auth0.com'],
    ['a backslash', 'https://acme.auth0.com\\evil'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['an ftp: URL', 'ftp://acme.auth0.com'],
    ['plain http to a tenant', 'http://acme.eu.auth0.com'],
    ['plain http to a LAN host', 'http://192.168.1.20:4400'],
  ];
  for (const [name, domain] of refused) {
    test(`refuses ${name}`, () => {
      const error = configError({ ...valid, domain });
      assert.equal(error.option, 'domain');
      assert.equal(error.code, 'invalid_option');
      assert.match(error.message, /^domain: /);
    });
  }
});

describe('the other options', () => {
  const refused: [string, Record<string, unknown>, string][] = [
    ['a missing clientId', { clientId: undefined }, 'clientId'],
    ['a clientId with a space', { clientId: 'abc def' }, 'clientId'],
    ['a clientId that is not a string', { clientId: 12 }, 'clientId'],
    ['a missing connection', { connection: undefined }, 'connection'],
    ['an empty connection', { connection: '' }, 'connection'],
    ['a transport without signup()', { transport: {} }, 'transport'],
    ['a transport that is a function', { transport: () => undefined }, 'transport'],
    ['a timeoutMs of 0', { timeoutMs: 0 }, 'timeoutMs'],
    ['a fractional timeoutMs', { timeoutMs: 1.5 }, 'timeoutMs'],
    ['a timeoutMs over 10 minutes', { timeoutMs: 600001 }, 'timeoutMs'],
    ['a timeoutMs as a string', { timeoutMs: '5000' }, 'timeoutMs'],
    ["auth0-js's spelling clientID", { clientID: 'abc' }, 'clientID'],
  ];
  for (const [name, change, option] of refused) {
    test(`refuses ${name}, naming ${option}`, () => assert.equal(configError({ ...valid, ...change }).option, option));
  }

  test('refuses an invalid policy, with the PolicyError and its field paths as the cause', () => {
    const error = configError({ ...valid, policy: variant((policy) => (policy.documents[0].url = 'javascript:alert(1)')) });
    assert.equal(error.option, 'policy');
    assert.ok(error.cause instanceof PolicyError);
    assert.match(error.message, /documents\[0\]\.url/);
  });

  test('refuses missing options altogether', () => {
    assert.equal(configError(undefined).option, 'options');
  });

  test('validates the raw policy JSON, so a policy need not be parsed first', () => {
    assert.equal(createAssent({ ...valid, policy: examplePolicy() as never }).policy.id, 'acme-signup');
  });

  test('accepts a transport and a timeout', () => {
    const client = createAssent({ ...valid, transport: fetchTransport(), timeoutMs: 5000 });
    assert.deepEqual([client.clientId, client.connection], [valid.clientId, valid.connection]);
  });
});
