import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { shownText } from '../src/consent-text.js';
import { createDecision, verifyDecision } from '../src/decision.js';
import { AssentError, DecisionError } from '../src/errors.js';
import { en } from '../src/texts.js';
import { loadMessages } from '../src/messages.js';
import { parsePolicy } from '../src/policy.js';
import { canonicalStatement, sha256Hex } from '../src/statement.js';
import { examplePolicy, variant } from './fixtures.js';

const policy = parsePolicy(examplePolicy());
const at = new Date('2026-11-01T09:30:00.000Z');
const nodeSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

async function decisionError(run: () => Promise<unknown>, code: string): Promise<DecisionError> {
  try {
    await run();
  } catch (error) {
    assert.ok(error instanceof DecisionError, String(error));
    assert.equal(error.code, code);
    assert.equal(error.name, 'DecisionError');
    return error;
  }
  assert.fail(`expected DecisionError ${code}`);
}

describe('sha256Hex', () => {
  test('hashes the FIPS 180-2 "abc" vector', async () => {
    assert.equal(await sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('hashes the UTF-8 bytes of the text', async () => {
    const text = 'Ich akzeptiere die Datenschutzerklärung. أوافق 🙂';
    assert.equal(await sha256Hex(text), nodeSha256(text));
  });

  test('fails with a typed error where WebCrypto is missing (a page served over plain http)', async (t) => {
    const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    t.after(() => Object.defineProperty(globalThis, 'crypto', original));
    await assert.rejects(sha256Hex('x'), (error) => error instanceof AssentError && error.code === 'no_webcrypto');
  });
});

describe('canonicalStatement', () => {
  test('serialises policy, documents, accepted purposes in policy order, locale and the text', () => {
    assert.equal(
      canonicalStatement(policy, ['marketing', 'terms'], 'en', 'Line one.\nLine two.'),
      ['assent-statement/1', 'policy acme-signup@2026-11-01', 'document terms@3.1', 'document privacy@2.0', 'accepted terms,marketing', 'locale en', 'text', 'Line one.', 'Line two.'].join('\n'),
    );
  });

  test("includes a document's sha256 when the policy gives one", () => {
    const withSha = parsePolicy(variant((p) => (p.documents[0].sha256 = 'ab'.repeat(32))));
    assert.match(canonicalStatement(withSha, ['terms'], 'en', ''), new RegExp(`^document terms@3\\.1 sha256:${'ab'.repeat(32)}$`, 'm'));
  });
});

describe('createDecision', () => {
  test('records the accepted purposes in policy order, the locale, the time and the hash of what was shown [GDPR 7(1)]', async () => {
    const decision = await createDecision(policy, { accepted: ['marketing', 'terms'], locale: 'en', messages: en, at });
    assert.deepEqual(decision, {
      policy: 'acme-signup',
      version: '2026-11-01',
      purposes: ['terms', 'marketing'],
      locale: 'en',
      at: '2026-11-01T09:30:00.000Z',
      hash: nodeSha256(canonicalStatement(policy, ['terms', 'marketing'], 'en', shownText(policy, 'en', en))),
    });
    assert.ok(Object.isFrozen(decision) && Object.isFrozen(decision.purposes));
  });

  test('hashes the text in the language shown [GDPR 7(2)]', async () => {
    const german = await loadMessages('de');
    const decision = await createDecision(policy, { accepted: ['terms'], locale: 'de', messages: german, at });
    assert.equal(decision.hash, nodeSha256(canonicalStatement(policy, ['terms'], 'de', shownText(policy, 'de', german))));
  });

  test('gives the same hash for the same statement at another time', async () => {
    const first = await createDecision(policy, { accepted: ['terms'], locale: 'en', messages: en, at });
    const later = await createDecision(policy, { accepted: ['terms'], locale: 'en', messages: en });
    assert.equal(first.hash, later.hash);
  });

  test('gives another hash when the purposes, locale, texts or a document version differ', async () => {
    const base = (await createDecision(policy, { accepted: ['terms'], locale: 'en', messages: en, at })).hash;
    const others = [
      await createDecision(policy, { accepted: ['terms', 'marketing'], locale: 'en', messages: en, at }),
      await createDecision(policy, { accepted: ['terms'], locale: 'en-GB', messages: en, at }),
      await createDecision(policy, { accepted: ['terms'], locale: 'en', messages: { ...en, 'purpose.terms': 'I accept the {documents}.' }, at }),
      await createDecision(parsePolicy(variant((p) => (p.documents[1].version = '2.1'))), { accepted: ['terms'], locale: 'en', messages: en, at }),
    ];
    for (const other of others) assert.notEqual(other.hash, base);
  });

  test('refuses a decision without a required purpose', async () => {
    const error = await decisionError(() => createDecision(policy, { accepted: ['marketing'], locale: 'en', messages: en }), 'required_purpose_missing');
    assert.match(error.message, /terms/);
  });

  test('refuses a purpose the policy does not have', async () => {
    const error = await decisionError(() => createDecision(policy, { accepted: ['terms', 'newsletter'], locale: 'en', messages: en }), 'unknown_purpose');
    assert.match(error.message, /newsletter/);
  });

  test('refuses a purpose accepted twice', async () => {
    await decisionError(() => createDecision(policy, { accepted: ['terms', 'terms'], locale: 'en', messages: en }), 'duplicate_purpose');
  });

  test('refuses a locale that is not a language tag', async () => {
    await decisionError(() => createDecision(policy, { accepted: ['terms'], locale: 'en\nlocale de', messages: en }), 'invalid_locale');
  });

  test('refuses an invalid date and one beyond the year 9999', async () => {
    await decisionError(() => createDecision(policy, { accepted: ['terms'], locale: 'en', messages: en, at: new Date('nope') }), 'invalid_date');
    await decisionError(() => createDecision(policy, { accepted: ['terms'], locale: 'en', messages: en, at: new Date('+010000-01-01T00:00:00Z') }), 'invalid_date');
  });
});

describe('verifyDecision', () => {
  const made = createDecision(policy, { accepted: ['terms', 'marketing'], locale: 'en', messages: en, at });

  test('confirms a decision made with the same policy and texts', async () => {
    assert.equal(await verifyDecision(await made, policy, en), true);
  });

  test('rejects a decision whose purposes were changed afterwards', async () => {
    assert.equal(await verifyDecision({ ...(await made), purposes: ['terms'] }, policy, en), false);
  });

  test('rejects a decision whose purposes are out of policy order', async () => {
    assert.equal(await verifyDecision({ ...(await made), purposes: ['marketing', 'terms'] }, policy, en), false);
  });

  test('rejects a decision with an unknown purpose instead of throwing', async () => {
    assert.equal(await verifyDecision({ ...(await made), purposes: ['terms', 'x'] }, policy, en), false);
  });

  test('rejects a decision checked against other texts or another policy version', async () => {
    assert.equal(await verifyDecision(await made, policy, await loadMessages('fr')), false);
    assert.equal(await verifyDecision(await made, parsePolicy(variant((p) => (p.version = '2027-01-01'))), en), false);
  });

  test('rejects a decision whose locale was changed', async () => {
    assert.equal(await verifyDecision({ ...(await made), locale: 'de' }, policy, en), false);
  });
});
