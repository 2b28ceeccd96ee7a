import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyConsentEvent, consentObjectFromDecision } from '../../src/consent-object.js';
import { createDecision } from '../../src/decision.js';
import { en } from '../../src/texts.js';
import { parsePolicy } from '../../src/policy.js';
import { consentState } from '../../src/state/consent-state.js';
import { needsReconsent } from '../../src/state/reconsent.js';
import type { ConsentObject } from '../../src/types.js';
import { examplePolicy, variant } from '../fixtures.js';

const policy = parsePolicy(examplePolicy());
const at = new Date('2026-11-01T09:30:00.000Z');
const consentTo = async (accepted: string[], under = policy): Promise<ConsentObject> =>
  consentObjectFromDecision(await createDecision(under, { accepted, locale: 'en', messages: en, at }), under, { source: 'signup', eventId: 'e0' });
const stored = await consentTo(['terms', 'marketing']);

/** The example policy with a new version and `change` applied. */
const bumped = (
  change: (raw: ReturnType<typeof examplePolicy> & Record<string, any>) => void, // eslint-disable-line @typescript-eslint/no-explicit-any
) => parsePolicy(variant((raw) => ((raw.version = '2027-01-01'), change(raw))));

describe('needsReconsent', () => {
  test('asks nothing when the consent is for the current policy version', () => {
    const check = needsReconsent(stored, policy);
    assert.equal(check.required, false);
    assert.deepEqual([check.reasons, check.offer, check.documents, check.newPurposes], [[], [], [], []]);
    assert.equal(check.from, 'acme-signup@2026-11-01');
    assert.equal(check.to, 'acme-signup@2026-11-01');
  });

  test('asks again when the terms behind the required purpose have a new version, naming old and new [EDPB re-consent]', () => {
    const check = needsReconsent(
      stored,
      bumped((raw) => (raw.documents[0].version = '3.2')),
    );
    assert.equal(check.required, true);
    assert.deepEqual(check.reasons, ['document_changed']);
    assert.deepEqual(check.documents, [{ id: 'terms', from: '3.1', to: '3.2', required: true, purposes: ['terms'] }]);
    assert.equal(check.to, 'acme-signup@2027-01-01');
  });

  test('offers a new optional purpose without asking again or assuming it [EDPB re-consent]', () => {
    const check = needsReconsent(
      stored,
      bumped((raw) => raw.purposes.push({ id: 'analytics', required: false, basis: 'consent' })),
    );
    assert.equal(check.required, false);
    assert.deepEqual(check.offer, ['analytics']);
    assert.deepEqual(check.newPurposes, ['analytics']);
    assert.equal(stored.purposes.analytics, undefined);
  });

  test('asks again for a new required purpose', () => {
    const check = needsReconsent(
      stored,
      bumped((raw) => {
        raw.documents.push({ id: 'dpa', url: 'https://acme.example/dpa', version: '1' });
        raw.purposes.push({ id: 'processing', required: true, basis: 'contract', documents: ['dpa'] });
        raw.messages = { en: { 'purpose.processing': 'I accept the {documents}.' } };
      }),
    );
    assert.equal(check.required, true);
    assert.deepEqual(check.reasons, ['document_changed', 'required_purpose']);
    assert.deepEqual(check.missingRequired, ['processing']);
    assert.deepEqual(check.documents, [{ id: 'dpa', from: null, to: '1', required: true, purposes: ['processing'] }]);
  });

  test('does not offer again an optional purpose the user declined', async () => {
    const check = needsReconsent(
      await consentTo(['terms']),
      bumped(() => undefined),
    );
    assert.deepEqual(check.offer, []);
    assert.equal(check.required, false);
  });

  test('lists a changed document of an optional purpose without asking again', async () => {
    const withNewsletter = (version: string, documentVersion: string) =>
      parsePolicy(
        variant((raw) => {
          raw.version = version;
          raw.documents.push({ id: 'newsletter', url: 'https://acme.example/newsletter', version: documentVersion });
          raw.purposes[1].documents = ['newsletter'];
          raw.messages = { en: { 'document.newsletter': 'the newsletter terms' } };
        }),
      );
    const check = needsReconsent(await consentTo(['terms', 'marketing'], withNewsletter('2026-11-01', '1')), withNewsletter('2027-01-01', '2'));
    assert.equal(check.required, false);
    assert.deepEqual(check.documents, [{ id: 'newsletter', from: '1', to: '2', required: false, purposes: ['marketing'] }]);
  });

  test('reports a removed purpose and asks nothing for it', () => {
    const check = needsReconsent(
      stored,
      bumped((raw) => raw.purposes.splice(1, 1)),
    );
    assert.deepEqual(check.removedPurposes, ['marketing']);
    assert.equal(check.required, false);
  });

  test('asks again when the consent is for another policy', () => {
    const check = needsReconsent(stored, parsePolicy(variant((raw) => (raw.id = 'other-signup'))));
    assert.equal(check.required, true);
    assert.deepEqual(check.reasons, ['other_policy']);
  });

  test('asks when nothing is recorded', () => {
    assert.deepEqual(needsReconsent(null, policy).reasons, ['no_consent']);
    assert.equal(needsReconsent({ consent: null }, policy).required, true);
  });

  test('never asks again after a withdrawal, but still says what changed', () => {
    const withdrawn = applyConsentEvent(stored, { id: 'e1', event: 'withdrawn', at: '2026-11-02T00:00:00.000Z', version: policy.version, purposes: [], source: 'browser' });
    const check = needsReconsent(
      withdrawn,
      bumped((raw) => (raw.documents[0].version = '3.2')),
    );
    assert.equal(check.required, false);
    assert.deepEqual(check.reasons, []);
    assert.deepEqual(
      check.documents.map((change) => change.id),
      ['terms'],
    );
  });

  test('asks again, to be safe, when the version changed and the consent lacks document versions', () => {
    const { documents: _documents, ...legacy } = stored;
    const check = needsReconsent(
      legacy as ConsentObject,
      bumped(() => undefined),
    );
    assert.equal(check.required, true);
    assert.deepEqual(check.reasons, ['documents_unknown']);
    assert.deepEqual(
      check.documents.map((change) => [change.id, change.from]),
      [
        ['terms', null],
        ['privacy', null],
      ],
    );
  });

  test('trusts a consent without document versions on the same policy version', () => {
    const { documents: _documents, ...legacy } = stored;
    assert.equal(needsReconsent(legacy as ConsentObject, policy).required, false);
  });

  test('accepts the state from getConsent as well as a stored object', () => {
    const bump = bumped((raw) => (raw.documents[0].version = '3.2'));
    const state = consentState({ app: null, user: stored, fromSignup: false }, policy);
    assert.deepEqual(needsReconsent(state, bump), needsReconsent(stored, bump));
    assert.equal(needsReconsent(state, bump).required, true);
  });
});
