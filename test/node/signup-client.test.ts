/**
 * createAssent's signup against a private emulator: signup is not idempotent, so it is never
 * retried automatically, and a retry by the user that meets "user exists" after an attempt that
 * may have created the account says so (`mayAlreadyExist`).
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startEmulator, type FaultsConfig } from '@assent/auth0-emulator';
import { SignupError, createAssent, createDecision, en, fetchTransport, parsePolicy, type ConsentDecision, type SignupTransport } from '@assent/core';
import { strongPassword, uniqueEmail } from '../support/unique.js';

const emulator = await startEmulator({ port: 0, enableAdmin: true, tenant: { clients: [{ client_id: 'client-spa', app_type: 'spa' }] } });
after(() => emulator.stop());

const policy = parsePolicy({
  id: 'client-tests',
  version: '1',
  controller: { name: 'Acme GmbH' },
  documents: [{ id: 'terms', url: 'https://acme.example/terms', version: '1' }],
  purposes: [{ id: 'terms', required: true, basis: 'contract', documents: ['terms'] }],
});
let decision: ConsentDecision;
before(async () => {
  decision = await createDecision(policy, { accepted: ['terms'], locale: 'en', messages: en });
});

async function admin(path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, { ...init, headers: { 'content-type': 'application/json' } });
  assert.ok(response.ok, `${path}: ${response.status}`);
  return response.status === 204 ? undefined : response.json();
}
const setFaults = (faults: FaultsConfig) => admin('faults', { method: 'PUT', body: JSON.stringify(faults) });
const usersWith = async (email: string) => ((await admin('users')) as { email: string }[]).filter((user) => user.email === email.toLowerCase());
beforeEach(() => admin('faults', { method: 'DELETE' }));

/** The real fetch transport, counting the requests it sends. */
function counting(): SignupTransport & { calls: number } {
  const inner = fetchTransport();
  const transport = { calls: 0, signup: (...args: Parameters<SignupTransport['signup']>) => (transport.calls++, inner.signup(...args)) };
  return transport;
}

function client(transport: SignupTransport = fetchTransport(), timeoutMs = 8000) {
  return createAssent({ domain: emulator.url, clientId: 'client-spa', connection: 'Username-Password-Authentication', policy, transport, timeoutMs });
}

async function failure(call: Promise<unknown>): Promise<SignupError> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof SignupError, String(error));
    return error;
  }
  assert.fail('the signup succeeded');
}

/** Waits (polling the emulator, no fixed delay) until a user with `email` exists. */
async function untilCreated(email: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if ((await usersWith(email)).length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  assert.fail(`${email} was never created`);
}

describe('an attempt that timed out but created the account', () => {
  test('is not retried, and the retry by the user says the account may already exist', async () => {
    const email = uniqueEmail('slow');
    const transport = counting();
    const assent = client(transport, 150);
    // The emulator holds the first request 600 ms, then creates the user: the client gave up at 150.
    await setFaults({ rules: [{ path: '/dbconnections/signup', latencyMs: 600, times: 1 }] });
    const timedOut = await failure(assent.signup({ email, password: strongPassword() }, decision));
    assert.deepEqual([timedOut.code, timedOut.ambiguous, transport.calls], ['timeout', true, 1]);

    await untilCreated(email);
    const retried = await failure(assent.signup({ email, password: strongPassword() }, decision));
    assert.deepEqual([retried.code, retried.mayAlreadyExist, transport.calls], ['user_exists', true, 2]);
    assert.equal((await usersWith(email)).length, 1);
  });
});

describe('mayAlreadyExist', () => {
  test('is set after a 5xx, comparing emails without regard to case', async () => {
    const email = uniqueEmail('after-500');
    await admin('users', { method: 'POST', body: JSON.stringify({ email, password: strongPassword() }) });
    const assent = client();
    await setFaults({ rules: [{ path: '/dbconnections/signup', kind: 'status', status: 500, times: 1 }] });
    assert.equal((await failure(assent.signup({ email: email.toUpperCase(), password: strongPassword() }, decision))).code, 'server');
    const exists = await failure(assent.signup({ email, password: strongPassword() }, decision));
    assert.deepEqual([exists.code, exists.mayAlreadyExist], ['user_exists', true]);
  });

  test('is set when this client created the account itself', async () => {
    const email = uniqueEmail('twice');
    const assent = client();
    await assent.signup({ email, password: strongPassword() }, decision);
    const again = await failure(assent.signup({ email, password: strongPassword() }, decision));
    assert.deepEqual([again.code, again.mayAlreadyExist], ['user_exists', true]);
  });

  test('is not set when every earlier attempt was refused by a definite answer', async () => {
    const email = uniqueEmail('taken');
    await admin('users', { method: 'POST', body: JSON.stringify({ email, password: strongPassword() }) });
    const assent = client();
    assert.equal((await failure(assent.signup({ email, password: 'weak' }, decision))).code, 'invalid_password');
    await setFaults({ rules: [{ path: '/dbconnections/signup', kind: 'status', status: 429, times: 1 }] });
    assert.equal((await failure(assent.signup({ email, password: strongPassword() }, decision))).code, 'rate_limited');
    const exists = await failure(assent.signup({ email, password: strongPassword() }, decision));
    assert.deepEqual([exists.code, exists.mayAlreadyExist], ['user_exists', false]);
  });

  test('is not carried over to another client', async () => {
    const email = uniqueEmail('other-client');
    await client().signup({ email, password: strongPassword() }, decision);
    const exists = await failure(client().signup({ email, password: strongPassword() }, decision));
    assert.deepEqual([exists.code, exists.mayAlreadyExist], ['user_exists', false]);
  });
});

describe('no automatic retry', () => {
  for (const [name, rule] of [
    ['a 500', { kind: 'status', status: 500 }],
    ['a 503', { kind: 'status', status: 503 }],
    ['a reset connection', { kind: 'reset' }],
  ] as const) {
    test(`after ${name}: one request, no user`, async () => {
      const email = uniqueEmail('no-retry');
      const transport = counting();
      await setFaults({ rules: [{ path: '/dbconnections/signup', ...rule, times: 1 }] });
      const error = await failure(client(transport).signup({ email, password: strongPassword() }, decision));
      assert.deepEqual([error.ambiguous, transport.calls], [true, 1]);
      assert.deepEqual(await usersWith(email), []);
    });
  }
});
