import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyConsentEvent, consentObjectFromDecision } from '../../src/consent-object.js';
import { createDecision } from '../../src/decision.js';
import { DecodeError } from '../../src/errors.js';
import { en } from '../../src/messages.js';
import { parsePolicy } from '../../src/policy.js';
import { consentState, readConsentCopy } from '../../src/state/consent-state.js';
import type { ManagementUser } from '../../src/state/types.js';
import { examplePolicy, variant } from '../fixtures.js';

const policy = parsePolicy(examplePolicy());
const decision = await createDecision(policy, { accepted: ['marketing', 'terms'], locale: 'en', messages: en, at: new Date('2026-11-01T09:30:00.000Z') });
const given = consentObjectFromDecision(decision, policy, { source: 'server', eventId: 'e0' });
const withdrawn = applyConsentEvent(given, { id: 'e1', event: 'withdrawn', at: '2026-11-02T00:00:00.000Z', version: policy.version, purposes: [], source: 'browser' });

describe('consentState', () => {
  test('is none, from nowhere, with an empty history when nothing is stored', () => {
    const state = consentState({ app: null, user: null, fromSignup: false }, policy);
    assert.deepEqual([state.status, state.source, state.policy, state.date, state.history, state.accepted, state.consent], ['none', null, null, null, [], [], null]);
  });

  test('is given with the accepted purposes in policy order', () => {
    const state = consentState({ app: null, user: given, fromSignup: false }, policy);
    assert.deepEqual([state.status, state.source, state.accepted, state.version, state.date], ['given', 'user_metadata', ['terms', 'marketing'], '2026-11-01', '2026-11-01T09:30:00.000Z']);
  });

  test('is withdrawn after a withdrawal', () => {
    assert.equal(consentState({ app: null, user: withdrawn, fromSignup: false }, policy).status, 'withdrawn');
  });

  test('is outdated when the terms changed version', () => {
    const state = consentState({ app: null, user: given, fromSignup: false }, parsePolicy(variant((raw) => ((raw.version = '2027'), (raw.documents[0].version = '4')))));
    assert.equal(state.status, 'outdated');
    assert.deepEqual(state.reconsent.documents.map((change) => [change.id, change.from, change.to]), [['terms', '3.1', '4']]);
  });

  test('says the state came from the signup fields before their conversion is stored', () => {
    assert.equal(consentState({ app: null, user: given, fromSignup: true }, policy).source, 'signup');
  });

  test("shows the backend's app_metadata copy when it is as new as the user's", () => {
    const state = consentState({ app: given, user: given, fromSignup: false }, policy);
    assert.equal(state.source, 'app_metadata');
  });

  test("shows a newer withdrawal from user_metadata rather than an older app_metadata copy, with both histories", () => {
    const state = consentState({ app: given, user: withdrawn, fromSignup: false }, policy);
    assert.deepEqual([state.status, state.source], ['withdrawn', 'user_metadata']);
    assert.deepEqual(state.history.map((entry) => entry.id), ['e0', 'e1']);
  });

  test('lists the pending events it was given without changing the status', () => {
    const pending = [{ id: 'p1', event: 'withdrawn' as const, at: '2026-11-03T00:00:00.000Z', purposes: [], attempts: 1, nextAttemptAt: 5, lastError: 'network' }];
    const state = consentState({ app: null, user: given, fromSignup: false }, policy, pending);
    assert.deepEqual([state.status, state.pending], ['given', pending]);
  });
});

describe('readConsentCopy', () => {
  const user = (consent: unknown): ManagementUser => ({ user_id: 'auth0|1', user_metadata: { plan: 'pro', consent } });

  test('decodes the consent object of user_metadata or app_metadata', () => {
    assert.deepEqual(readConsentCopy(user(given), 'user_metadata'), given);
    assert.equal(readConsentCopy({ user_id: 'auth0|1', app_metadata: {} }, 'app_metadata'), null);
  });

  test('names the path from the user when a copy is corrupt', () => {
    const corrupt = { ...given, history: [{ ...given.history[0], at: 'yesterday' }] };
    assert.throws(
      () => readConsentCopy(user(corrupt), 'user_metadata'),
      (error) => error instanceof DecodeError && error.code === 'malformed' && error.path === 'user_metadata.consent.history[0].at' && error.message.startsWith('user_metadata.consent.history[0].at: '),
    );
  });

  test('reports a state edited without its history as tampered', () => {
    assert.throws(() => readConsentCopy(user({ ...given, given: true, purposes: { terms: true, marketing: false } }), 'user_metadata'), (error) => error instanceof DecodeError && error.code === 'tampered' && error.path === 'user_metadata.consent.purposes');
  });
});
