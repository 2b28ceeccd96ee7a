import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyConsentEvent, consentObjectFromDecision } from '../../src/consent-object.js';
import { createDecision } from '../../src/decision.js';
import { DecisionError } from '../../src/errors.js';
import { en } from '../../src/texts.js';
import { parsePolicy } from '../../src/policy.js';
import { giveEvent, withdrawEvent } from '../../src/state/events.js';
import { examplePolicy, variant } from '../fixtures.js';

const policy = parsePolicy(examplePolicy());
const decide = (accepted: string[], at = '2026-11-01T09:30:00.000Z') => createDecision(policy, { accepted, locale: 'de', messages: en, at: new Date(at) });
const stored = consentObjectFromDecision(await decide(['terms', 'marketing']), policy, { source: 'signup', eventId: 'e0' });
const isDecisionError = (code: string) => (error: unknown) => error instanceof DecisionError && error.code === code;

describe('giveEvent', () => {
  test('records the decision with its proof, the unticked purposes and the document versions', async () => {
    const decision = await decide(['terms'], '2026-12-01T10:00:00.000Z');
    const event = giveEvent(decision, policy, { id: 'g1' });
    assert.deepEqual(event, {
      id: 'g1',
      event: 'given',
      at: '2026-12-01T10:00:00.000Z',
      version: '2026-11-01',
      purposes: ['terms'],
      source: 'browser',
      policy: 'acme-signup',
      hash: decision.hash,
      locale: 'de',
      textDetails: 'https://acme.example/terms',
      declined: ['marketing'],
      given: true,
      documents: { terms: '3.1', privacy: '2.0' },
    });
    const next = applyConsentEvent(stored, event);
    assert.deepEqual(next.purposes, { terms: true, marketing: false });
    assert.equal(next.hash, decision.hash);
  });

  test('takes a later time when told, the hash staying that of the statement', async () => {
    const decision = await decide(['terms']);
    assert.equal(giveEvent(decision, policy, { at: '2026-11-01T09:30:00.001Z' }).at, '2026-11-01T09:30:00.001Z');
  });

  test('refuses a decision made on another policy version', async () => {
    const decision = await decide(['terms']);
    assert.throws(() => giveEvent(decision, parsePolicy(variant((raw) => (raw.version = '2027-01-01')))), isDecisionError('policy_mismatch'));
  });
});

describe('withdrawEvent', () => {
  test('withdrawing an optional purpose keeps consent to the terms', () => {
    const event = withdrawEvent(stored, policy, { purposes: ['marketing'], id: 'w1', at: '2026-11-02T00:00:00.000Z' });
    assert.deepEqual([event.event, event.purposes, event.declined, event.given, event.version], ['withdrawn', ['terms'], ['marketing'], true, '2026-11-01']);
    const next = applyConsentEvent(stored, event);
    assert.deepEqual([next.given, next.purposes], [true, { terms: true, marketing: false }]);
  });

  test('withdrawing everything ends the consent', () => {
    const next = applyConsentEvent(stored, withdrawEvent(stored, policy, { id: 'w1', at: '2026-11-02T00:00:00.000Z' }));
    assert.deepEqual([next.given, next.purposes], [false, { terms: false, marketing: false }]);
  });

  test('withdrawing the required purpose ends the consent even with an optional one kept', () => {
    const event = withdrawEvent(stored, policy, { purposes: ['terms'], id: 'w1', at: '2026-11-02T00:00:00.000Z' });
    assert.deepEqual([event.purposes, event.given], [['marketing'], false]);
  });

  test('carries policy, hash and locale so it can start an object where the stored one disappeared', () => {
    const event = withdrawEvent(stored, policy, { id: 'w1', at: '2026-11-02T00:00:00.000Z' });
    const alone = applyConsentEvent(undefined, event);
    assert.deepEqual([alone.policy, alone.hash, alone.locale, alone.given], [stored.policy, stored.hash, stored.locale, false]);
  });

  test('refuses when there is no consent', () => {
    assert.throws(() => withdrawEvent(null, policy), isDecisionError('nothing_to_withdraw'));
  });

  test('refuses an unknown purpose, naming it', () => {
    assert.throws(
      () => withdrawEvent(stored, policy, { purposes: ['marketing', 'telepathy'] }),
      (error) => isDecisionError('unknown_purpose')(error) && /purposes\[1\]/.test((error as Error).message),
    );
  });
});
