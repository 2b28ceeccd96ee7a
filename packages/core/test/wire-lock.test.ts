import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createDecision, verifyDecision } from '../src/decision.js';
import { DecodeError, EncodingError } from '../src/errors.js';
import { SUPPORTED_LOCALES, en } from '../src/texts.js';
import { loadMessages } from '../src/messages.js';
import { parsePolicy } from '../src/policy.js';
import type { ConsentPolicy } from '../src/types.js';
import { LOCK_MAX_OPTIONAL_PURPOSES, SIGNUP_LIMITS, decodeSignupFields, encodeLockSignupFields, encodeSignupFields } from '../src/wire.js';
import { dateArb, examplePolicy, policyArb, variant } from './fixtures.js';

const at = new Date('2026-11-01T09:30:00.000Z');
const twoOptional = parsePolicy(
  variant((policy) => {
    policy.purposes.push({ id: 'analytics', required: false, basis: 'consent' });
  }),
);

/** What Lock sends: the hidden values plus one "true"/"false" per checkbox. */
function lockSends(hidden: Readonly<Record<string, string>>, choices: readonly { purpose: string; name: string }[], accepted: readonly string[]): Record<string, string> {
  return { ...hidden, ...Object.fromEntries(choices.map(({ purpose, name }) => [name, String(accepted.includes(purpose))])) };
}

function decodeError(metadata: Record<string, unknown>, code: string, path: string): void {
  assert.throws(
    () => decodeSignupFields(metadata),
    (error) => error instanceof DecodeError && error.code === code && error.path === path,
  );
}

function encodingError(run: () => Promise<unknown>, code: string, field: string): Promise<void> {
  return assert.rejects(run, (error) => error instanceof EncodingError && error.code === code && error.field === field);
}

describe('encodeLockSignupFields', () => {
  test('lists every purpose in policy order with the optional ones marked, and one checkbox per optional purpose', async () => {
    const { hidden, choices } = await encodeLockSignupFields(twoOptional, { locale: 'en', messages: en, at });
    assert.deepEqual(Object.keys(hidden), ['consent_policy', 'consent_purposes', 'consent_at', 'consent_locale', 'consent_hash']);
    assert.equal(hidden.consent_policy, 'acme-signup@2026-11-01');
    assert.equal(hidden.consent_purposes, 'terms,marketing?,analytics?');
    assert.equal(hidden.consent_at, '2026-11-01T09:30:00.000Z');
    assert.equal(hidden.consent_locale, 'en');
    assert.deepEqual(choices, [
      { purpose: 'marketing', name: 'consent_p_marketing' },
      { purpose: 'analytics', name: 'consent_p_analytics' },
    ]);
  });

  test('carries one hash per possible answer, in answer-bit order', async () => {
    const { hidden } = await encodeLockSignupFields(twoOptional, { locale: 'en', messages: en, at });
    const hashes = hidden.consent_hash!.split(',');
    assert.equal(hashes.length, 4);
    const expected = await Promise.all(
      [['terms'], ['terms', 'marketing'], ['terms', 'analytics'], ['terms', 'marketing', 'analytics']].map((accepted) => createDecision(twoOptional, { accepted, locale: 'en', messages: en, at })),
    );
    assert.deepEqual(
      hashes.map((hash) => Buffer.from(hash, 'base64url').toString('hex')),
      expected.map((decision) => decision.hash),
    );
  });

  test('gives exactly the list variant for a policy without optional purposes', async () => {
    const policy = parsePolicy(variant((raw) => raw.purposes.splice(1)));
    const { hidden, choices } = await encodeLockSignupFields(policy, { locale: 'en', messages: en, at });
    const decision = await createDecision(policy, { accepted: ['terms'], locale: 'en', messages: en, at });
    assert.deepEqual(choices, []);
    assert.deepEqual(hidden, encodeSignupFields(decision));
  });

  test('uses a custom prefix for every field', async () => {
    const { hidden, choices } = await encodeLockSignupFields(twoOptional, { locale: 'en', messages: en, prefix: 'gdpr_' });
    assert.ok(Object.keys(hidden).every((name) => name.startsWith('gdpr_')));
    assert.deepEqual(
      choices.map((choice) => choice.name),
      ['gdpr_p_marketing', 'gdpr_p_analytics'],
    );
  });

  test('refuses a prefix Lock would drop: only letters, digits and _', async () => {
    await encodingError(() => encodeLockSignupFields(twoOptional, { locale: 'en', messages: en, prefix: 'consent-' }), 'invalid_field_name', 'consent-policy');
  });

  test('refuses an optional purpose id with "-", which Lock cannot name a field after', async () => {
    const policy = parsePolicy(
      variant((raw) => {
        raw.purposes[1].id = 'e-mail';
        raw.messages = { en: { 'purpose.e-mail': 'Mail me.' } };
      }),
    );
    await encodingError(() => encodeLockSignupFields(policy, { locale: 'en', messages: en }), 'invalid_field_name', 'consent_p_e-mail');
  });

  test(`refuses more than ${LOCK_MAX_OPTIONAL_PURPOSES} optional purposes, naming consent_hash`, async () => {
    const policy = parsePolicy(
      variant((raw) => {
        for (const id of ['analytics', 'research', 'profiling']) raw.purposes.push({ id, required: false, basis: 'consent' });
      }),
    );
    await encodingError(() => encodeLockSignupFields(policy, { locale: 'en', messages: en }), 'too_many_fields', 'consent_hash');
  });

  test('refuses an app field that collides with a consent field', async () => {
    await encodingError(() => encodeLockSignupFields(twoOptional, { locale: 'en', messages: en, appFields: ['plan', 'consent_p_marketing'] }), 'field_collision', 'consent_p_marketing');
  });

  test("refuses app fields that take the total over Auth0's 10 properties", async () => {
    // 5 hidden + 2 checkboxes = 7: three app fields fit, four do not.
    await encodeLockSignupFields(twoOptional, { locale: 'en', messages: en, appFields: ['a', 'b', 'c'] });
    await encodingError(() => encodeLockSignupFields(twoOptional, { locale: 'en', messages: en, appFields: ['a', 'b', 'c', 'd'] }), 'too_many_fields', 'user_metadata');
  });
});

describe('decodeSignupFields, Lock variant', () => {
  test('reads the answers of the checkboxes into the accepted purposes, in policy order', async () => {
    const { hidden, choices } = await encodeLockSignupFields(twoOptional, { locale: 'en', messages: en, at });
    const decision = decodeSignupFields(lockSends(hidden, choices, ['analytics']));
    assert.deepEqual(decision.purposes, ['terms', 'analytics']);
    assert.equal(decision.policy, 'acme-signup');
    assert.equal(decision.version, '2026-11-01');
    assert.equal(decision.locale, 'en');
    assert.equal(decision.at, '2026-11-01T09:30:00.000Z');
  });

  test('returns the hash of exactly that decision, so verifyDecision accepts it', async () => {
    const { hidden, choices } = await encodeLockSignupFields(twoOptional, { locale: 'en', messages: en, at });
    const decision = decodeSignupFields(lockSends(hidden, choices, ['marketing']));
    assert.deepEqual(decision, await createDecision(twoOptional, { accepted: ['terms', 'marketing'], locale: 'en', messages: en, at }));
    assert.equal(await verifyDecision(decision, twoOptional, en), true);
  });

  test('names a missing answer field', async () => {
    const { hidden, choices } = await encodeLockSignupFields(twoOptional, { locale: 'en', messages: en });
    const { consent_p_analytics: _dropped, ...metadata } = lockSends(hidden, choices, []);
    decodeError(metadata, 'missing_field', 'consent_p_analytics');
  });

  test('refuses an answer other than "true" or "false" (Lock never sends one)', async () => {
    const { hidden, choices } = await encodeLockSignupFields(twoOptional, { locale: 'en', messages: en });
    decodeError({ ...lockSends(hidden, choices, []), consent_p_marketing: 'yes' }, 'malformed', 'consent_p_marketing');
  });

  test('refuses a hash list that does not hold one hash per possible answer', async () => {
    const { hidden, choices } = await encodeLockSignupFields(twoOptional, { locale: 'en', messages: en });
    const sent = lockSends(hidden, choices, []);
    decodeError({ ...sent, consent_hash: sent.consent_hash!.split(',').slice(1).join(',') }, 'malformed', 'consent_hash');
    decodeError({ ...sent, consent_hash: 'a3'.repeat(32) }, 'malformed', 'consent_hash');
  });

  test('refuses a purpose list with a repeated id or an empty entry', () => {
    const base = { consent_policy: 'p@1', consent_at: '2026-11-01T09:30:00.000Z', consent_locale: 'en', consent_p_a: 'true', consent_hash: 'A'.repeat(43) + ',' + 'A'.repeat(43) };
    decodeError({ ...base, consent_purposes: 'a,a?' }, 'malformed', 'consent_purposes');
    decodeError({ ...base, consent_purposes: 'a,?' }, 'malformed', 'consent_purposes');
  });

  test('still reads the list variant unchanged', async () => {
    const decision = await createDecision(parsePolicy(examplePolicy()), { accepted: ['terms', 'marketing'], locale: 'en', messages: en, at });
    assert.deepEqual(decodeSignupFields(encodeSignupFields(decision)), decision);
  });
});

describe('Lock wire properties', () => {
  // Policies Lock can carry: optional ids without "-", at most three optional purposes.
  const lockPolicyArb = policyArb.filter(
    (policy: ConsentPolicy) => policy.purposes.filter((p) => !p.required).length <= LOCK_MAX_OPTIONAL_PURPOSES && policy.purposes.every((p) => p.required || !p.id.includes('-')),
  );
  const lockChoiceArb = lockPolicyArb.chain((policy) => fc.subarray(policy.purposes.filter((p) => !p.required).map((p) => p.id)).map((optional) => ({ policy, optional })));
  const localeArb = fc.constantFrom(...SUPPORTED_LOCALES);
  const prefixArb = fc.stringMatching(/^[A-Za-z0-9_]{0,12}$/);

  test('every answer reads back as the decision createDecision makes for it: decode(lock(x)) = x', async () => {
    await fc.assert(
      fc.asyncProperty(lockChoiceArb, localeArb, dateArb, prefixArb, async ({ policy, optional }, locale, when, prefix) => {
        const messages = await loadMessages(locale);
        const { hidden, choices } = await encodeLockSignupFields(policy, { locale, messages, at: when, prefix });
        const accepted = policy.purposes.filter((p) => p.required || optional.includes(p.id)).map((p) => p.id);
        const read = decodeSignupFields(lockSends(hidden, choices, accepted), { prefix });
        assert.deepEqual(read, await createDecision(policy, { accepted, locale, messages, at: when }));
        assert.equal(await verifyDecision(read, policy, messages), true);
      }),
      { numRuns: 40 },
    );
  });

  test("what Lock sends stays within Auth0's limits and survives Lock's sanitising (no < or &)", async () => {
    await fc.assert(
      fc.asyncProperty(lockChoiceArb, localeArb, prefixArb, async ({ policy, optional }, locale, prefix) => {
        const { hidden, choices } = await encodeLockSignupFields(policy, { locale, messages: await loadMessages(locale), prefix });
        const sent = Object.entries(lockSends(hidden, choices, optional));
        assert.ok(sent.length <= SIGNUP_LIMITS.maxProperties);
        for (const [name, value] of sent) {
          assert.match(name, /^[A-Za-z0-9_]{1,100}$/);
          assert.ok(value.length <= SIGNUP_LIMITS.maxValueLength && !/[<&]/.test(value), name);
        }
      }),
      { numRuns: 40 },
    );
  });

  test('a flipped answer reads back as the decision for that answer, with its own verifiable hash', async () => {
    await fc.assert(
      fc.asyncProperty(
        lockChoiceArb.filter(({ policy }) => policy.purposes.some((p) => !p.required)),
        fc.nat(),
        async ({ policy, optional }, pick) => {
          const { hidden, choices } = await encodeLockSignupFields(policy, { locale: 'en', messages: en });
          const accepted = policy.purposes.filter((p) => p.required || optional.includes(p.id)).map((p) => p.id);
          const flipped = choices[pick % choices.length]!;
          const sent = lockSends(hidden, choices, accepted);
          sent[flipped.name] = String(sent[flipped.name] !== 'true');
          const read = decodeSignupFields(sent);
          assert.equal(read.purposes.includes(flipped.purpose), !optional.includes(flipped.purpose));
          assert.equal(await verifyDecision(read, policy, en), true);
        },
      ),
      { numRuns: 30 },
    );
  });
});
