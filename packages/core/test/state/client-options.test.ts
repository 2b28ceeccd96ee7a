import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePolicy } from '../../src/policy.js';
import { AssentConfigError } from '../../src/signup/errors.js';
import { resolveConsentOptions, type ConsentClientOptions } from '../../src/state/client-options.js';
import { memoryOutbox } from '../../src/state/outbox.js';
import { examplePolicy } from '../fixtures.js';

const valid: ConsentClientOptions = { domain: 'acme.eu.auth0.com', userId: 'auth0|abc', getAccessToken: () => 'token', policy: parsePolicy(examplePolicy()) };
const refusal = (option: string) => (error: unknown) => error instanceof AssentConfigError && error.option === option && error.message.startsWith(`${option}: `);

describe('createConsentClient options', () => {
  test('resolve the Management API of a tenant host over https, with the defaults', () => {
    const resolved = resolveConsentOptions(valid);
    assert.equal(resolved.baseUrl, 'https://acme.eu.auth0.com/api/v2');
    assert.deepEqual([resolved.timeoutMs, resolved.retry, resolved.maxWriteAttempts, resolved.autoFlush, resolved.prefix], [20000, { baseMs: 1000, maxMs: 300000 }, 5, true, 'consent_']);
    assert.match(resolved.outbox.id, /^memory-/, 'Node has no IndexedDB: events stay in memory');
  });

  test('accept the local emulator over http', () => {
    assert.equal(resolveConsentOptions({ ...valid, domain: 'http://127.0.0.1:4400' }).baseUrl, 'http://127.0.0.1:4400/api/v2');
  });

  const refusals: [string, Partial<Record<keyof ConsentClientOptions | 'token', unknown>>][] = [
    ['domain', { domain: 'http://acme.example' }],
    ['domain', { domain: 'javascript:alert(1)' }],
    ['userId', { userId: '' }],
    ['userId', { userId: 'auth0|a b' }],
    ['getAccessToken', { getAccessToken: 'a-token-string' }],
    ['policy', { policy: { id: 'x' } }],
    ['transport', { transport: { getUser: () => undefined } }],
    ['outbox', { outbox: {} }],
    ['prefix', { prefix: 'consent.' }],
    ['timeoutMs', { timeoutMs: 0 }],
    ['retry.baseMs', { retry: { baseMs: -1 } }],
    ['retry.maxMs', { retry: { baseMs: 1000, maxMs: 10 } }],
    ['maxWriteAttempts', { maxWriteAttempts: 0 }],
    ['autoFlush', { autoFlush: 'yes' }],
    ['token', { token: 'a-token-string' }],
  ];
  for (const [option, change] of refusals) {
    test(`refuse ${JSON.stringify(change)} naming ${option}`, () => {
      assert.throws(() => resolveConsentOptions({ ...valid, ...change } as ConsentClientOptions), refusal(option));
    });
  }

  test('take a given outbox', () => {
    const outbox = memoryOutbox('mine');
    assert.equal(resolveConsentOptions({ ...valid, outbox }).outbox, outbox);
  });
});
