import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyConsentEvent, consentObjectFromDecision } from '../src/consent-object.js';
import { createDecision } from '../src/decision.js';
import { en } from '../src/texts.js';
import { parsePolicy } from '../src/policy.js';
import { toConsentRecord, toKantaraReceipt } from '../src/records.js';
import { variant } from './fixtures.js';

const policy = parsePolicy(
  variant((p) => {
    p.documents[1].url = '/privacy';
    p.purposes.push({ id: 'third_party_sharing', required: false, basis: 'consent' }, { id: 'analytics', required: false, basis: 'consent' });
  }),
);
const decision = await createDecision(policy, { accepted: ['terms', 'marketing', 'third_party_sharing'], locale: 'de', messages: en, at: new Date('2026-11-01T09:30:00.000Z') });
const given = consentObjectFromDecision(decision, policy, { source: 'signup', eventId: '5f0c6f53-6d2c-4c7e-9d43-2b3c1f1e9a10' });
const consent = applyConsentEvent(given, {
  id: 'b2a9c1d4-1111-4222-8333-944455556666',
  event: 'withdrawn',
  at: '2026-11-05T10:00:00.000Z',
  version: policy.version,
  purposes: ['terms', 'third_party_sharing'],
  source: 'browser',
});
const subject = { id: 'auth0|6543', email: 'ada@example.test' };

/** Every key is a JSON-LD keyword or a compact IRI whose prefix the record's @context defines. */
function assertCompactIris(value: unknown, prefixes: string[], path = ''): void {
  if (Array.isArray(value)) return value.forEach((item, i) => assertCompactIris(item, prefixes, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    if (key === '@context') continue;
    assert.ok(key.startsWith('@') || prefixes.includes(key.split(':')[0]!), `${path}.${key} has no known prefix`);
    if (key === '@type') for (const type of [inner].flat()) assert.ok(prefixes.includes(String(type).split(':')[0]!), `${path}.@type ${String(type)}`);
    assertCompactIris(inner, prefixes, `${path}.${key}`);
  }
}

describe('toConsentRecord (ISO/IEC TS 27560 with W3C DPV)', () => {
  const record = toConsentRecord(consent, policy, subject, { origin: 'https://acme.example' }) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  test('is a dpv:ConsentRecord whose terms all resolve through its @context', () => {
    assert.equal(record['@type'], 'dpv:ConsentRecord');
    assert.equal(record['@context'].dpv, 'https://w3id.org/dpv#');
    assert.equal(record['@context'].dct, 'http://purl.org/dc/terms/');
    assertCompactIris(
      record,
      Object.keys(record['@context']).filter((key) => !key.includes(':')),
    );
  });

  test('names the data subject, the controller, the latest event and when the record began and changed [EDPB records]', () => {
    assert.deepEqual(record['dpv:hasDataSubject'], { '@type': 'dpv:DataSubject', 'dct:identifier': 'auth0|6543', 'dpv:hasContact': 'mailto:ada@example.test' });
    assert.equal(record['dpv:hasDataController']['dpv:hasName'], 'Acme GmbH');
    assert.equal(record['dct:identifier'], 'b2a9c1d4-1111-4222-8333-944455556666');
    assert.equal(record['dct:created'], '2026-11-01T09:30:00.000Z');
    assert.equal(record['dct:modified'], '2026-11-05T10:00:00.000Z');
  });

  test('carries the consent hash as the identity of the notice shown, and the documents with absolute IRIs', () => {
    const [notice, ...documents] = record['dpv:hasNotice'];
    assert.equal(notice['@type'], 'dpv:ConsentNotice');
    assert.equal(notice['dct:identifier'], `urn:sha256:${consent.hash}`);
    assert.equal(notice['dct:language'], 'de');
    assert.deepEqual(
      documents.map((document: Record<string, string>) => document['@id']),
      ['https://acme.example/terms', 'https://acme.example/privacy'],
    );
  });

  test('gives each purpose a process with its DPV purpose and legal basis', () => {
    const processes = record['dpv:hasProcess'];
    assert.deepEqual(
      processes.map((process: { 'dpv:hasPurpose': { 'dct:identifier': string } }) => process['dpv:hasPurpose']['dct:identifier']),
      ['terms', 'marketing', 'third_party_sharing', 'analytics'],
    );
    assert.deepEqual(processes[0]['dpv:hasPurpose']['@type'], ['dpv:Purpose', 'dpv:ServiceProvision']);
    assert.equal(processes[0]['dpv:hasLegalBasis'], 'dpv:Contract');
    assert.equal(processes[0]['dct:dateAccepted'], '2026-11-01T09:30:00.000Z');
    assert.equal(processes[1]['dpv:hasLegalBasis'], 'dpv:Consent');
    assert.equal(processes[0]['dpv:hasPurpose']['dct:description'], 'I agree to the Terms of Service and Privacy Policy.');
  });

  test('states each consent as given, withdrawn or refused, with when and how it was indicated', () => {
    const status = (index: number): Record<string, unknown> => record['dpv:hasProcess'][index]['dpv:hasConsentStatus'][0];
    assert.deepEqual(status(1), {
      '@type': ['dpv:ConsentWithdrawn'],
      'dpv:isIndicatedAtTime': '2026-11-05T10:00:00.000Z',
      'dpv:isIndicatedBy': 'dpv:DataSubject',
      'dpv:hasIndicationMethod': "Consent settings in the user's browser session",
    });
    assert.deepEqual(status(2)['@type'], ['dpv:ConsentGiven', 'dpv:ExpressedConsent']);
    assert.equal(status(2)['dpv:isIndicatedAtTime'], '2026-11-01T09:30:00.000Z');
    assert.equal(status(2)['dpv:isExercisedAt'], 'https://acme.example/account/privacy');
    assert.deepEqual(status(3)['@type'], ['dpv:ConsentRefused']);
    assert.equal(record['dpv:hasProcess'][2]['dpv:hasRecipient'], 'dpv:ThirdParty');
  });

  test('leaves a same-origin document path out of @id when no origin is given', () => {
    const plain = toConsentRecord(consent, policy, subject) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.deepEqual(plain['dpv:hasNotice'][2], { 'dct:source': '/privacy', '@type': 'dpv:PrivacyNotice', 'dct:identifier': 'privacy', 'dct:hasVersion': '2.0' });
  });

  test('serialises to JSON and back unchanged', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(record)), record);
  });
});

describe('toKantaraReceipt (Kantara Consent Receipt v1.1)', () => {
  const receipt = toKantaraReceipt(consent, policy, subject, { origin: 'https://acme.example', thirdPartyName: 'Partner Ltd', controller: { phone: '+49 30 1234567' } });

  test('has every required top-level field with its specified type', () => {
    assert.equal(receipt.version, 'KI-CR-v1.1.0');
    assert.equal(receipt.jurisdiction, 'EU');
    assert.equal(receipt.consentTimestamp, Date.parse('2026-11-05T10:00:00.000Z') / 1000);
    assert.ok(Number.isInteger(receipt.consentTimestamp));
    assert.equal(typeof receipt.collectionMethod, 'string');
    assert.equal(receipt.consentReceiptID, 'b2a9c1d4-1111-4222-8333-944455556666');
    assert.equal(receipt.language, 'de');
    assert.equal(receipt.piiPrincipalId, 'ada@example.test');
    assert.equal(receipt.policyUrl, 'https://acme.example/privacy');
    assert.equal(receipt.sensitive, false);
    assert.deepEqual(receipt.spiCat, []);
  });

  test('describes the controller with contact, address, email and phone', () => {
    assert.deepEqual(receipt.piiControllers, [{ piiController: 'Acme GmbH', contact: 'privacy@acme.example', address: {}, email: 'privacy@acme.example', phone: '+49 30 1234567' }]);
  });

  test('lists the purposes accepted now, each with the fields of the specification', () => {
    const [service] = receipt.services;
    assert.equal(service!.service, 'Acme GmbH');
    assert.deepEqual(
      service!.purposes.map((purpose) => purpose.purpose),
      ['I agree to the Terms of Service and Privacy Policy.', '{controller} may share my name and email address with selected partners for their own offers.'.replace('{controller}', 'Acme GmbH')],
    );
    for (const purpose of service!.purposes) {
      assert.ok(Array.isArray(purpose.purposeCategory) && purpose.purposeCategory.every((category) => typeof category === 'string' && /^\d+ - /.test(category)));
      assert.ok(Array.isArray(purpose.piiCategory) && purpose.piiCategory.length > 0);
      assert.equal(purpose.consentType, 'EXPLICIT');
      assert.equal(typeof purpose.primaryPurpose, 'boolean');
      assert.equal(typeof purpose.termination, 'string');
      assert.equal(typeof purpose.thirdPartyDisclosure, 'boolean');
    }
    assert.equal(service!.purposes[0]!.primaryPurpose, true);
    assert.deepEqual(service!.purposes[1]!.purposeCategory, ['9 - Sharing for Marketing']);
    assert.equal(service!.purposes[1]!.thirdPartyDisclosure, true);
    assert.equal(service!.purposes[1]!.thirdPartyName, 'Partner Ltd');
    assert.equal(service!.purposes[1]!.termination, 'When the consent is withdrawn at https://acme.example/account/privacy');
  });
});
