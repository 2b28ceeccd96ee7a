import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyConsentEvent, consentObjectFromDecision, newestEntry, type ConsentEvent } from '../../src/consent-object.js';
import { createDecision } from '../../src/decision.js';
import { DecodeError } from '../../src/errors.js';
import { en } from '../../src/texts.js';
import { parsePolicy } from '../../src/policy.js';
import { consentState, readConsentCopy, trustedConsent } from '../../src/state/consent-state.js';
import type { ManagementUser } from '../../src/state/types.js';
import { examplePolicy, variant } from '../fixtures.js';

const policy = parsePolicy(examplePolicy());
const decision = await createDecision(policy, { accepted: ['marketing', 'terms'], locale: 'en', messages: en, at: new Date('2026-11-01T09:30:00.000Z') });
const given = consentObjectFromDecision(decision, policy, { source: 'server', eventId: 'e0' });
/** A `given` event with the proof of `consent` (as the consent page or the server records one). */
const giveEventOf = (consent: typeof given): ConsentEvent => ({ ...newestEntry(consent), policy: consent.policy, hash: consent.hash, locale: consent.locale });
const withdrawn = applyConsentEvent(given, { id: 'e1', event: 'withdrawn', at: '2026-11-02T00:00:00.000Z', version: policy.version, purposes: [], source: 'browser' });

describe('consentState', () => {
  test('is none, from nowhere, with an empty history when nothing is stored', () => {
    const state = consentState({ app: null, user: null, fromSignup: false }, policy);
    assert.deepEqual(
      [state.status, state.source, state.policy, state.date, state.history, state.accepted, state.consent, state.record, state.claim],
      ['none', null, null, null, [], [], null, null, null],
    );
  });

  test('is given from the record, verified, with the accepted purposes in policy order', () => {
    const state = consentState({ app: given, user: null, fromSignup: false }, policy);
    assert.deepEqual(
      [state.status, state.source, state.verified, state.accepted, state.version, state.date],
      ['given', 'app_metadata', true, ['terms', 'marketing'], '2026-11-01', '2026-11-01T09:30:00.000Z'],
    );
    assert.equal(state.record, given);
  });

  test('is withdrawn after a withdrawal', () => {
    assert.equal(consentState({ app: withdrawn, user: null, fromSignup: false }, policy).status, 'withdrawn');
    assert.equal(consentState({ app: null, user: withdrawn, fromSignup: false }, policy).status, 'withdrawn');
  });

  test('is outdated when the terms changed version', () => {
    const state = consentState({ app: given, user: null, fromSignup: false }, parsePolicy(variant((raw) => ((raw.version = '2027'), (raw.documents[0].version = '4')))));
    assert.equal(state.status, 'outdated');
    assert.deepEqual(
      state.reconsent.documents.map((change) => [change.id, change.from, change.to]),
      [['terms', '3.1', '4']],
    );
  });

  test('shows a given that only user_metadata holds as an unverified claim, never as given', () => {
    const state = consentState({ app: null, user: given, fromSignup: false }, policy);
    assert.deepEqual([state.status, state.source, state.verified, state.record, state.claim], ['claimed', 'user_metadata', false, null, given]);
    assert.deepEqual(state.accepted, ['terms', 'marketing'], 'the claim is shown for what it says');
  });

  test('shows signup fields without a record as a claim from the signup', () => {
    const state = consentState({ app: null, user: given, fromSignup: true }, policy);
    assert.deepEqual([state.status, state.source, state.verified], ['claimed', 'signup', false]);
  });

  test("a given forged into user_metadata after the record's withdrawal is a claim: the record stays withdrawn", () => {
    const forged = applyConsentEvent(withdrawn, { id: 'forged', event: 'given', at: '2026-11-03T00:00:00.000Z', version: policy.version, purposes: ['terms', 'marketing'], source: 'server' });
    const state = consentState({ app: withdrawn, user: forged, fromSignup: false }, policy);
    assert.deepEqual([state.status, state.source, state.verified], ['claimed', 'user_metadata', false]);
    assert.equal(state.record, withdrawn);
    assert.equal(state.record?.given, false);
  });

  test('a withdrawal in user_metadata counts at once: the record shows it, from app_metadata', () => {
    const state = consentState({ app: given, user: withdrawn, fromSignup: false }, policy);
    assert.deepEqual([state.status, state.source, state.verified, state.claim], ['withdrawn', 'app_metadata', true, null]);
    assert.deepEqual(
      state.record?.history.map((entry) => [entry.id, entry.source]),
      [
        ['e0', 'server'],
        ['e1', 'browser'],
      ],
    );
    assert.deepEqual(
      state.history.map((entry) => entry.id),
      ['e0', 'e1'],
    );
  });

  test('a withdrawal of an optional purpose in user_metadata keeps the consent, without that purpose', () => {
    const optOut = applyConsentEvent(given, { id: 'e1', event: 'withdrawn', at: '2026-11-02T00:00:00.000Z', version: policy.version, purposes: ['terms'], declined: ['marketing'], source: 'browser' });
    const state = consentState({ app: given, user: optOut, fromSignup: false }, policy);
    assert.deepEqual([state.status, state.accepted, state.record?.given], ['given', ['terms'], true]);
  });

  test('a withdrawal in user_metadata can only take purposes away from the record, never add one', () => {
    const termsOnly = applyConsentEvent(given, {
      id: 'e-terms',
      event: 'given',
      at: '2026-11-01T10:00:00.000Z',
      version: policy.version,
      purposes: ['terms'],
      declined: ['marketing'],
      source: 'server',
    });
    const sneaky = applyConsentEvent(termsOnly, { id: 'e1', event: 'withdrawn', at: '2026-11-02T00:00:00.000Z', version: policy.version, purposes: ['terms', 'marketing'], source: 'browser' });
    const state = consentState({ app: termsOnly, user: sneaky, fromSignup: false }, policy);
    assert.deepEqual([state.status, state.accepted], ['given', ['terms']]);
    assert.ok(!state.record?.history.some((entry) => entry.id === 'e1'), 'a withdrawal that changes nothing is not written into the record');
  });

  test('a withdrawal older than consent given again in the record does not undo it', () => {
    // Withdrawn in the browser on Nov 2, given again on the consent page on Nov 3.
    const givenAgain = applyConsentEvent(given, { ...giveEventOf(given), id: 'e2', at: '2026-11-03T00:00:00.000Z', source: 'action' });
    const state = consentState({ app: givenAgain, user: withdrawn, fromSignup: false }, policy);
    assert.deepEqual([state.status, state.source], ['given', 'app_metadata']);
  });

  test('a purpose ticked in the browser beside a standing record leaves the status given, with the claim beside it', () => {
    const termsOnly = applyConsentEvent(given, {
      id: 'e-terms',
      event: 'given',
      at: '2026-11-01T10:00:00.000Z',
      version: policy.version,
      purposes: ['terms'],
      declined: ['marketing'],
      source: 'server',
    });
    const ticked = applyConsentEvent(termsOnly, { id: 'e-tick', event: 'given', at: '2026-11-02T00:00:00.000Z', version: policy.version, purposes: ['terms', 'marketing'], source: 'browser' });
    const state = consentState({ app: termsOnly, user: ticked, fromSignup: false }, policy);
    assert.deepEqual([state.status, state.accepted, state.verified, state.claim], ['given', ['terms'], true, ticked]);
  });

  test('a copy of the record in user_metadata is no claim', () => {
    assert.equal(consentState({ app: given, user: given, fromSignup: false }, policy).claim, null);
  });

  test('lists the pending events it was given without changing the status', () => {
    const pending = [{ id: 'p1', event: 'withdrawn' as const, at: '2026-11-03T00:00:00.000Z', purposes: [], attempts: 1, nextAttemptAt: 5, lastError: 'network' }];
    const state = consentState({ app: given, user: null, fromSignup: false }, policy, pending);
    assert.deepEqual([state.status, state.pending], ['given', pending]);
  });
});

describe('trustedConsent', () => {
  test('lists the withdrawals of the user copy the stored record lacks, for the next backend write', () => {
    const { record, withdrawals } = trustedConsent({ app: given, user: withdrawn, fromSignup: false }, policy);
    assert.deepEqual(
      withdrawals.map((event) => [event.id, event.purposes, event.declined, event.given]),
      [['e1', [], ['terms', 'marketing'], false]],
    );
    assert.equal(record?.given, false);
  });

  test('has neither record nor withdrawals when no backend recorded anything', () => {
    assert.deepEqual(trustedConsent({ app: null, user: withdrawn, fromSignup: false }, policy), { record: null, claim: null, withdrawals: [] });
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
      (error) =>
        error instanceof DecodeError && error.code === 'malformed' && error.path === 'user_metadata.consent.history[0].at' && error.message.startsWith('user_metadata.consent.history[0].at: '),
    );
  });

  test('reports a state edited without its history as tampered', () => {
    assert.throws(
      () => readConsentCopy(user({ ...given, given: true, purposes: { terms: true, marketing: false } }), 'user_metadata'),
      (error) => error instanceof DecodeError && error.code === 'tampered' && error.path === 'user_metadata.consent.purposes',
    );
  });
});
