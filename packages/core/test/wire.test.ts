import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createDecision, decide, verifyDecision } from '../src/decision.js';
import { guardPolicy } from '../src/policy-guard.js';
import { signupFields } from '../src/signup-fields.js';
import { DecisionError, DecodeError, EncodingError } from '../src/errors.js';
import { parsePolicy } from '../src/policy.js';
import { SUPPORTED_LOCALES } from '../src/texts.js';
import { loadMessages } from '../src/messages.js';
import type { ConsentDecision } from '../src/types.js';
import { SIGNUP_LIMITS, decodeSignupFields, encodeSignupFields } from '../src/wire.js';
import { choiceArb, dateArb, examplePolicy } from './fixtures.js';

const decision: ConsentDecision = {
  policy: 'acme-signup',
  version: '2026-11-01',
  purposes: ['terms', 'marketing'],
  locale: 'de',
  at: '2026-11-01T09:30:00.000Z',
  hash: 'a3'.repeat(32),
};
const fields = {
  consent_policy: 'acme-signup@2026-11-01',
  consent_purposes: 'terms,marketing',
  consent_at: '2026-11-01T09:30:00.000Z',
  consent_locale: 'de',
  consent_hash: 'a3'.repeat(32),
};

function encodingError(run: () => unknown, code: string, field?: string): void {
  assert.throws(
    run,
    (error) => error instanceof EncodingError && error.code === code && error.name === 'EncodingError' && (field === undefined || (error.field === field && error.message.startsWith(field))),
  );
}
function decodeError(metadata: Record<string, unknown>, code: string, path: string): void {
  assert.throws(
    () => decodeSignupFields(metadata),
    (error) => error instanceof DecodeError && error.code === code && error.name === 'DecodeError' && error.path === path && error.message.startsWith(path),
  );
}

describe('encodeSignupFields', () => {
  test('writes the five consent fields with the default prefix', () => {
    assert.deepEqual(encodeSignupFields(decision), fields);
  });

  test('uses a custom prefix', () => {
    assert.deepEqual(Object.keys(encodeSignupFields(decision, { prefix: 'gdpr_' })), ['gdpr_policy', 'gdpr_purposes', 'gdpr_at', 'gdpr_locale', 'gdpr_hash']);
  });

  test("checks the app's fields but returns only the consent fields", () => {
    assert.deepEqual(encodeSignupFields(decision, { appMetadata: { plan: 'pro', referrer: 'ad' } }), fields);
  });

  test("accepts five app fields: ten properties in all, Auth0's maximum", () => {
    const appMetadata = Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`app${i}`, 'x']));
    assert.equal(Object.keys({ ...appMetadata, ...encodeSignupFields(decision, { appMetadata }) }).length, SIGNUP_LIMITS.maxProperties);
  });

  test('refuses six app fields: eleven properties', () => {
    encodingError(() => encodeSignupFields(decision, { appMetadata: Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`app${i}`, 'x'])) }), 'too_many_fields', 'user_metadata');
  });

  test('refuses an app value over 500 characters', () => {
    encodingError(() => encodeSignupFields(decision, { appMetadata: { bio: 'x'.repeat(501) } }), 'value_too_long', 'bio');
  });

  test('refuses an app value that is not a string', () => {
    encodingError(() => encodeSignupFields(decision, { appMetadata: { newsletter: true } as unknown as Record<string, string> }), 'not_a_string', 'newsletter');
  });

  test('refuses field names Auth0 rejects: with "." or "$", empty, over 100 characters', () => {
    for (const name of ['a.b', '$set', '', 'n'.repeat(101)]) encodingError(() => encodeSignupFields(decision, { appMetadata: { [name]: 'x' } }), 'invalid_field_name', name);
    encodingError(() => encodeSignupFields(decision, { prefix: 'consent.' }), 'invalid_field_name', 'consent.policy');
  });

  test('refuses an app field that collides with a consent field', () => {
    encodingError(() => encodeSignupFields(decision, { appMetadata: { consent_hash: 'mine' } }), 'field_collision', 'consent_hash');
  });

  test('refuses a decision that would not read back', () => {
    encodingError(() => encodeSignupFields({ ...decision, purposes: ['terms', 'a,b'] }), 'invalid_decision', 'consent_purposes');
    encodingError(() => encodeSignupFields({ ...decision, purposes: ['terms', 'terms'] }), 'invalid_decision', 'consent_purposes');
    encodingError(() => encodeSignupFields({ ...decision, purposes: [] }), 'invalid_decision', 'consent_purposes');
    encodingError(() => encodeSignupFields({ ...decision, hash: 'A3'.repeat(32) }), 'invalid_decision', 'consent_hash');
    encodingError(() => encodeSignupFields({ ...decision, at: '2026-11-01T10:30:00+01:00' }), 'invalid_decision', 'consent_at');
    encodingError(() => encodeSignupFields({ ...decision, version: '1@2' }), 'invalid_decision', 'consent_policy');
    encodingError(() => encodeSignupFields({ ...decision, locale: 'de DE' }), 'invalid_decision', 'consent_locale');
  });

  test('refuses something that is not a decision, naming the decision', () => {
    for (const notADecision of [undefined, null, 'terms', 7]) encodingError(() => encodeSignupFields(notADecision as unknown as ConsentDecision), 'invalid_decision', 'decision');
  });

  test('with a policy, encodes a decision made for it', () => {
    assert.deepEqual(encodeSignupFields(decision, { policy: parsePolicy(examplePolicy()) }), fields);
  });

  test('with a policy, refuses a decision for another version, with a purpose it does not have, or without a required one: DecisionError naming it', () => {
    const policy = parsePolicy(examplePolicy());
    const refused = (changed: Partial<ConsentDecision>, code: string, named: string) =>
      assert.throws(
        () => encodeSignupFields({ ...decision, ...changed }, { policy }),
        (error) => error instanceof DecisionError && error.code === code && error.message.includes(named),
      );
    refused({ version: '2027-01-01' }, 'policy_mismatch', 'acme-signup@2026-11-01');
    refused({ policy: 'other' }, 'policy_mismatch', 'acme-signup@2026-11-01');
    refused({ purposes: ['terms', 'profiling'] }, 'unknown_purpose', 'profiling');
    refused({ purposes: ['marketing'] }, 'required_purpose_missing', 'terms');
  });
});

describe('decodeSignupFields', () => {
  test("reads the decision back and ignores the app's own fields", () => {
    assert.deepEqual(decodeSignupFields({ plan: 'pro', ...fields }), decision);
  });

  test('reads fields under a custom prefix', () => {
    assert.deepEqual(decodeSignupFields(encodeSignupFields(decision, { prefix: 'c_' }), { prefix: 'c_' }), decision);
  });

  test('refuses metadata that is not an object', () => {
    assert.throws(
      () => decodeSignupFields(null as unknown as Record<string, unknown>),
      (error) => error instanceof DecodeError && error.code === 'malformed',
    );
  });

  test('names a missing field', () => {
    const { consent_hash: _hash, ...rest } = fields;
    decodeError(rest, 'missing_field', 'consent_hash');
  });

  test('names a field that is not a string', () => {
    decodeError({ ...fields, consent_purposes: ['terms'] }, 'malformed', 'consent_purposes');
    decodeError({ ...fields, consent_at: null }, 'malformed', 'consent_at');
  });

  test('names a field over 500 characters', () => {
    decodeError({ ...fields, consent_purposes: 'terms,' + 'x'.repeat(500) }, 'too_large', 'consent_purposes');
  });

  test('refuses timestamps that are not strict ISO 8601 UTC or not real dates', () => {
    for (const at of ['2026-11-01T10:30:00+01:00', '2026-11-01 09:30:00Z', '2026-11-01', '1793525400000', '2026-02-30T09:30:00.000Z', '2026-11-01T24:00:00Z']) {
      decodeError({ ...fields, consent_at: at }, 'malformed', 'consent_at');
    }
  });

  test('refuses malformed policy, purposes, locale and hash', () => {
    decodeError({ ...fields, consent_policy: 'acme-signup' }, 'malformed', 'consent_policy');
    decodeError({ ...fields, consent_purposes: '' }, 'malformed', 'consent_purposes');
    decodeError({ ...fields, consent_purposes: 'terms,,marketing' }, 'malformed', 'consent_purposes');
    decodeError({ ...fields, consent_purposes: 'terms,terms' }, 'malformed', 'consent_purposes');
    decodeError({ ...fields, consent_locale: 'german' }, 'malformed', 'consent_locale');
    decodeError({ ...fields, consent_hash: 'a3'.repeat(31) }, 'malformed', 'consent_hash');
  });

  test('refuses __proto__ as a purpose anywhere in the list, but not ids that contain it', () => {
    for (const purposes of ['__proto__', 'terms,__proto__', '__proto__,terms']) decodeError({ ...fields, consent_purposes: purposes }, 'malformed', 'consent_purposes');
    assert.deepEqual(decodeSignupFields({ ...fields, consent_purposes: 'terms,__proto__x' }).purposes, ['terms', '__proto__x']);
  });

  test('never reads fields inherited from the prototype', () => {
    const inherited = Object.create(fields) as Record<string, unknown>;
    decodeError(inherited, 'missing_field', 'consent_policy');
  });
});

describe('signup wire properties', () => {
  const localeArb = fc.constantFrom(...SUPPORTED_LOCALES);
  const prefixArb = fc.stringMatching(/^[A-Za-z0-9_]{0,20}$/);

  test('every valid decision reads back equal: decode(encode(x)) = x', async () => {
    await fc.assert(
      fc.asyncProperty(choiceArb, localeArb, dateArb, prefixArb, async ({ policy, accepted }, locale, at, prefix) => {
        const made = await createDecision(policy, { accepted, locale, messages: await loadMessages(locale), at });
        assert.deepEqual(decodeSignupFields(encodeSignupFields(made, { prefix }), { prefix }), made);
      }),
      { numRuns: 60 },
    );
  });

  test('the fields <assent-terms> builds (decide, signupFields on a guarded policy) are exactly what encodeSignupFields makes', async () => {
    await fc.assert(
      fc.asyncProperty(choiceArb, localeArb, dateArb, prefixArb, async ({ policy, accepted }, locale, at, prefix) => {
        const messages = await loadMessages(locale);
        const input = { accepted, locale, messages, at };
        const made = await decide(guardPolicy(policy), input);
        assert.deepEqual(made, await createDecision(policy, input));
        assert.deepEqual(signupFields(made, prefix), encodeSignupFields(made, { prefix }));
      }),
      { numRuns: 60 },
    );
  });

  test("no encoding exceeds Auth0's limits, whatever the app sends along", () => {
    const appArb = fc.dictionary(fc.string({ maxLength: 110 }), fc.oneof(fc.string({ maxLength: 520 }), fc.integer(), fc.boolean()), { maxKeys: 7 });
    fc.assert(
      fc.property(prefixArb, appArb, (prefix, appMetadata) => {
        let consent: Record<string, string>;
        try {
          consent = encodeSignupFields(decision, { prefix, appMetadata: appMetadata as Record<string, string> });
        } catch (error) {
          assert.ok(error instanceof EncodingError, String(error));
          return;
        }
        const all = Object.entries({ ...appMetadata, ...consent });
        assert.equal(all.length, Object.keys(appMetadata).length + 5, 'no app field is overwritten');
        assert.ok(all.length <= SIGNUP_LIMITS.maxProperties);
        for (const [name, value] of all) {
          assert.ok(name.length >= 1 && name.length <= SIGNUP_LIMITS.maxNameLength && !/[.$]/.test(name), name);
          assert.ok(typeof value === 'string' && value.length <= SIGNUP_LIMITS.maxValueLength, name);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('tampered, truncated or oversized fields give a DecodeError or a decision that fails verification, never a silent change', async () => {
    const names = ['consent_policy', 'consent_purposes', 'consent_at', 'consent_locale', 'consent_hash'] as const;
    const mutationArb = fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), value: fc.oneof(fc.string({ maxLength: 80 }), fc.stringMatching(/^[a-z0-9_,@.-]{1,40}$/)) }),
      fc.record({ kind: fc.constant('truncate' as const), keep: fc.nat() }),
      fc.record({ kind: fc.constant('oversize' as const), extra: fc.integer({ min: 501, max: 2000 }) }),
      fc.record({ kind: fc.constant('delete' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(choiceArb, localeArb, fc.constantFrom(...names), mutationArb, async ({ policy, accepted }, locale, name, mutation) => {
        const messages = await loadMessages(locale);
        const made = await createDecision(policy, { accepted, locale, messages });
        const { [name]: original, ...others } = encodeSignupFields(made) as Record<string, string>;
        const metadata: Record<string, unknown> = { ...others };
        if (mutation.kind === 'replace') metadata[name] = mutation.value;
        if (mutation.kind === 'truncate') metadata[name] = original!.slice(0, mutation.keep % original!.length);
        if (mutation.kind === 'oversize') metadata[name] = original!.padEnd(mutation.extra, 'x');
        let read: ConsentDecision;
        try {
          read = decodeSignupFields(metadata);
        } catch (error) {
          assert.ok(error instanceof DecodeError, String(error));
          assert.equal(error.path, name);
          return;
        }
        // What was read is exactly what the fields say...
        assert.deepEqual(encodeSignupFields(read), metadata);
        // ...and unless nothing changed, or only the (unhashed) client timestamp did, it no longer verifies.
        if (metadata[name] !== original && name !== 'consent_at') assert.equal(await verifyDecision(read, policy, messages), false);
      }),
      { numRuns: 150 },
    );
  });
});
