// The `documents` of the consent object: which document versions the standing consent covers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DOCUMENTS_MAX_BYTES, acceptedDocuments, applyConsentEvent, consentObjectFromDecision, decodeConsentObject, mergeConsentObjects } from '../../src/consent-object.js';
import { createDecision } from '../../src/decision.js';
import { DecodeError } from '../../src/errors.js';
import { en } from '../../src/texts.js';
import { parsePolicy } from '../../src/policy.js';
import { examplePolicy, variant } from '../fixtures.js';

const policy = parsePolicy(examplePolicy());
const decision = await createDecision(policy, { accepted: ['terms'], locale: 'en', messages: en, at: new Date('2026-11-01T09:30:00.000Z') });
const consent = consentObjectFromDecision(decision, policy, { source: 'signup', eventId: 'e0' });

describe('consent object documents', () => {
  test('records the versions of the documents linked from the accepted purposes', () => {
    assert.deepEqual(consent.documents, { terms: '3.1', privacy: '2.0' });
    assert.deepEqual(acceptedDocuments(policy, ['marketing']), {});
  });

  test('a withdrawal keeps them; a new given event replaces them', () => {
    const withdrawn = applyConsentEvent(consent, { id: 'e1', event: 'withdrawn', at: '2026-11-02T00:00:00.000Z', version: policy.version, purposes: [], source: 'browser' });
    assert.deepEqual(withdrawn.documents, consent.documents);
    const again = applyConsentEvent(withdrawn, {
      id: 'e2',
      event: 'given',
      at: '2026-11-03T00:00:00.000Z',
      version: '2027',
      purposes: ['terms'],
      source: 'browser',
      documents: { terms: '4', privacy: '2.0' },
    });
    assert.deepEqual(again.documents, { terms: '4', privacy: '2.0' });
  });

  test('merging takes them from the copy with the newest event', () => {
    const newer = applyConsentEvent(consent, { id: 'e1', event: 'given', at: '2026-11-02T00:00:00.000Z', version: '2027', purposes: ['terms'], source: 'browser', documents: { terms: '4' } });
    assert.deepEqual(mergeConsentObjects(consent, newer).documents, { terms: '4' });
    assert.deepEqual(mergeConsentObjects(newer, consent).documents, { terms: '4' });
  });

  test('round-trips through the decoder, and objects without them still decode', () => {
    assert.deepEqual(decodeConsentObject(JSON.parse(JSON.stringify(consent))), consent);
    const { documents: _documents, ...legacy } = consent;
    assert.equal(decodeConsentObject(legacy).documents, undefined);
  });

  test('refuses a document id or version outside the policy syntax, naming the path', () => {
    assert.throws(
      () => decodeConsentObject({ ...consent, documents: { 'Terms!': '3.1' } }),
      (error) => error instanceof DecodeError && error.path === 'documents',
    );
    assert.throws(
      () => decodeConsentObject({ ...consent, documents: { terms: '3 1' } }),
      (error) => error instanceof DecodeError && error.path === 'documents.terms',
    );
    assert.throws(
      () => decodeConsentObject({ ...consent, documents: ['terms'] }),
      (error) => error instanceof DecodeError && error.path === 'documents',
    );
  });

  test(`leaves them out when they would exceed ${DOCUMENTS_MAX_BYTES} bytes, and refuses such a stored copy`, async () => {
    const many = parsePolicy(
      variant((raw) => {
        raw.documents = Array.from({ length: 8 }, (_, i) => ({ id: `document-with-a-long-name-${i}`, url: `https://acme.example/${i}`, version: `2026.11.01-revision-${i}` }));
        raw.purposes[0].documents = raw.documents.map((document: { id: string }) => document.id);
        raw.messages = { en: Object.fromEntries(raw.documents.map((document: { id: string }) => [`document.${document.id}`, document.id])) };
      }),
    );
    const made = consentObjectFromDecision(await createDecision(many, { accepted: ['terms'], locale: 'en', messages: en }), many, { source: 'browser' });
    assert.equal(made.documents, undefined);
    assert.throws(
      () => decodeConsentObject({ ...made, documents: Object.fromEntries(many.documents.map((document) => [document.id, document.version])) }),
      (error) => error instanceof DecodeError && error.code === 'too_large' && error.path === 'documents',
    );
  });
});
