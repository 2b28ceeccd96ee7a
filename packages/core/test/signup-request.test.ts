/**
 * What signup sends and what it refuses before sending: the input checks and Auth0's limits, each
 * refusal a typed error naming the field, nothing truncated or dropped.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createAssent, type AssentClient } from '../src/signup/client.js';
import { SignupInputError } from '../src/signup/errors.js';
import { buildSignupBody, type SignupInput } from '../src/signup/request.js';
import type { SignupRequestBody, SignupTransport } from '../src/signup/transport.js';
import { createDecision } from '../src/decision.js';
import { DecisionError, EncodingError } from '../src/errors.js';
import { en } from '../src/texts.js';
import { parsePolicy } from '../src/policy.js';
import type { ConsentDecision } from '../src/types.js';
import { examplePolicy, variant } from './fixtures.js';

const policy = parsePolicy(examplePolicy());
const target = { clientId: 'spa', connection: 'Username-Password-Authentication', policy };
let decision: ConsentDecision;
before(async () => {
  decision = await createDecision(policy, { accepted: ['terms', 'marketing'], locale: 'de', messages: en, at: new Date('2026-11-01T09:30:00Z') });
});

/** A transport that must never be reached: the input is refused before sending. */
const unreachable: SignupTransport = {
  signup: () => assert.fail('the transport was called although the input was refused'),
};

function client(): AssentClient {
  return createAssent({ domain: 'acme.eu.auth0.com', clientId: 'spa', connection: 'Username-Password-Authentication', policy, transport: unreachable });
}

/** The SignupInputError that signup rejects with for `input`. */
async function inputError(input: unknown): Promise<SignupInputError> {
  try {
    await client().signup(input as SignupInput, decision);
  } catch (error) {
    assert.ok(error instanceof SignupInputError, `expected a SignupInputError, got ${String(error)}`);
    return error;
  }
  assert.fail('signup accepted the input');
}

const base = { email: 'ann@acme.example', password: 'Correct-Horse-9' };

describe('the request body', () => {
  test('holds the client, connection, user, root fields and app metadata merged with the consent fields', () => {
    const body = buildSignupBody(target, { ...base, username: 'ann', rootFields: { given_name: 'Ann', family_name: 'Lee' }, metadata: { plan: 'pro' } }, decision);
    assert.deepEqual(body, {
      client_id: 'spa',
      connection: 'Username-Password-Authentication',
      email: 'ann@acme.example',
      password: 'Correct-Horse-9',
      username: 'ann',
      given_name: 'Ann',
      family_name: 'Lee',
      user_metadata: {
        plan: 'pro',
        consent_policy: 'acme-signup@2026-11-01',
        consent_purposes: 'terms,marketing',
        consent_at: '2026-11-01T09:30:00.000Z',
        consent_locale: 'de',
        consent_hash: decision.hash,
      },
    });
  });

  test('sends HTML and script in any field as typed text', () => {
    const script = '<script>alert(1)</script>&amp;';
    const body = buildSignupBody(target, { ...base, rootFields: { name: script }, metadata: { note: script } }, decision);
    assert.equal(body.name, script);
    assert.equal(body.user_metadata.note, script);
  });

  test('accepts exactly 5 app fields of 500 characters and root fields of 150', () => {
    const metadata = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((name) => [name, 'x'.repeat(500)]));
    const body = buildSignupBody(target, { ...base, rootFields: { nickname: 'n'.repeat(150) }, metadata }, decision);
    assert.equal(Object.keys(body.user_metadata).length, 10);
  });
});

describe('refused input, before sending', () => {
  const rows: [string, Record<string, unknown>, string, string][] = [
    ['a missing email', { email: undefined }, 'email', 'missing'],
    ['an empty email', { email: '' }, 'email', 'missing'],
    ['an email that is not a string', { email: ['ann@acme.example'] }, 'email', 'not_a_string'],
    ['an email without @', { email: 'ann.acme.example' }, 'email', 'invalid_email'],
    ['an email with spaces around (auth0-js would trim them)', { email: ' ann@acme.example ' }, 'email', 'invalid_email'],
    ['a missing password', { password: undefined }, 'password', 'missing'],
    ['a password that is a number', { password: 12345678 }, 'password', 'not_a_string'],
    ['a username with a space', { username: 'ann lee' }, 'username', 'invalid_username'],
    ['a username that is null', { username: null }, 'username', 'not_a_string'],
    ['rootFields that are an array', { rootFields: ['Ann'] }, 'rootFields', 'not_an_object'],
    ['a root field Auth0 does not have (it would be dropped)', { rootFields: { plan: 'pro' } }, 'rootFields.plan', 'unknown_field'],
    ['a given_name of 151 characters', { rootFields: { given_name: 'a'.repeat(151) } }, 'rootFields.given_name', 'too_long'],
    ['a family_name that is a number', { rootFields: { family_name: 7 } }, 'rootFields.family_name', 'not_a_string'],
    ['a picture that is a javascript: URL', { rootFields: { picture: 'javascript:alert(1)' } }, 'rootFields.picture', 'invalid_url'],
    ['a picture that is a relative path', { rootFields: { picture: '/me.png' } }, 'rootFields.picture', 'invalid_url'],
    ['metadata that is an array', { metadata: ['pro'] }, 'metadata', 'not_an_object'],
    ['a boolean metadata value (Auth0 takes strings only)', { metadata: { newsletter: true } }, 'metadata.newsletter', 'not_a_string'],
    ['a metadata value of 501 characters', { metadata: { bio: 'x'.repeat(501) } }, 'metadata.bio', 'value_too_long'],
    ['a metadata name with a dot', { metadata: { 'a.b': 'x' } }, 'metadata.a.b', 'invalid_field_name'],
    ['a metadata name with $', { metadata: { $set: 'x' } }, 'metadata.$set', 'invalid_field_name'],
    ['a metadata name of 101 characters', { metadata: { ['n'.repeat(101)]: 'x' } }, `metadata.${'n'.repeat(101)}`, 'invalid_field_name'],
    ['a metadata field named like a consent field', { metadata: { consent_policy: 'forged@1' } }, 'metadata.consent_policy', 'field_collision'],
    ["6 app fields (with the 5 consent fields, over Auth0's 10)", { metadata: { a: '1', b: '2', c: '3', d: '4', e: '5', f: '6' } }, 'metadata', 'too_many_fields'],
  ];
  for (const [name, change, field, code] of rows) {
    test(`refuses ${name}, naming ${field}`, async () => {
      const error = await inputError({ ...base, ...change });
      assert.deepEqual([error.field, error.code, error.name], [field, code, 'SignupInputError']);
      assert.ok(error.message.startsWith(`${field}: `), error.message);
    });
  }

  test('refuses a missing input object', async () => {
    assert.equal((await inputError(undefined)).field, 'input');
  });

  test('refuses a decision made for another policy version: DecisionError policy_mismatch', async () => {
    const other = parsePolicy(variant((raw) => (raw.version = '2027-01-01')));
    const stale = await createDecision(other, { accepted: ['terms'], locale: 'en', messages: en });
    await assert.rejects(client().signup(base, stale), (error: unknown) => error instanceof DecisionError && error.code === 'policy_mismatch');
  });

  test('refuses a hand-made decision without a required purpose: DecisionError required_purpose_missing', async () => {
    const forged = { ...decision, purposes: ['marketing'] };
    await assert.rejects(client().signup(base, forged), (error: unknown) => error instanceof DecisionError && error.code === 'required_purpose_missing');
  });

  test('refuses a decision whose fields would not read back: EncodingError invalid_decision', async () => {
    const broken = { ...decision, hash: 'not-a-hash' };
    await assert.rejects(client().signup(base, broken), (error: unknown) => error instanceof EncodingError && error.code === 'invalid_decision');
  });
  test('refuses a hand-made decision naming a purpose the policy does not have: DecisionError unknown_purpose', async () => {
    const forged = { ...decision, purposes: ['terms', 'marketing', 'profiling'] };
    await assert.rejects(client().signup(base, forged), (error: unknown) => error instanceof DecisionError && error.code === 'unknown_purpose' && /profiling/.test(error.message));
  });

  test('refuses a missing decision: EncodingError invalid_decision naming the decision', async () => {
    await assert.rejects(
      client().signup(base, undefined as unknown as ConsentDecision),
      (error: unknown) => error instanceof EncodingError && error.code === 'invalid_decision' && error.field === 'decision',
    );
  });
});

describe('one check and one encoding of the decision', () => {
  /** `decision` as an object whose getters count how often each field is read, and may answer differently each time. */
  function watched(answer: (field: keyof ConsentDecision, read: number) => unknown): { decision: ConsentDecision; reads: Record<string, number> } {
    const reads: Record<string, number> = {};
    const fields = Object.keys(decision) as (keyof ConsentDecision)[];
    const watchedDecision = Object.defineProperties({}, Object.fromEntries(fields.map((field) => [field, { enumerable: true, get: () => answer(field, (reads[field] = (reads[field] ?? 0) + 1)) }])));
    return { decision: watchedDecision as ConsentDecision, reads };
  }

  /** A transport that keeps the body it is given and answers as Auth0 does on success. */
  function recording(): { transport: SignupTransport; bodies: SignupRequestBody[] } {
    const bodies: SignupRequestBody[] = [];
    const transport: SignupTransport = {
      signup: async (_url, body) => (bodies.push(body), { status: 200, headers: new Headers(), body: { _id: 'u1', email: body.email, email_verified: false } }),
    };
    return { transport, bodies };
  }

  test('reads each field of the decision once per signup', async () => {
    const { decision: once, reads } = watched((field) => decision[field]);
    const { transport, bodies } = recording();
    await createAssent({ domain: 'acme.eu.auth0.com', clientId: 'spa', connection: 'Username-Password-Authentication', policy, transport }).signup(base, once);
    assert.deepEqual(reads, { policy: 1, version: 1, purposes: 1, locale: 1, at: 1, hash: 1 });
    assert.equal(bodies.length, 1);
  });

  test('sends the purposes it checked, even from a decision that drops a required purpose after the first read', async () => {
    const { decision: shifting } = watched((field, read) => (field === 'purposes' && read > 1 ? ['marketing'] : decision[field]));
    const { transport, bodies } = recording();
    await createAssent({ domain: 'acme.eu.auth0.com', clientId: 'spa', connection: 'Username-Password-Authentication', policy, transport }).signup(base, shifting);
    assert.equal(bodies[0]?.user_metadata.consent_purposes, 'terms,marketing');
  });
});

describe('checkSignup, at configuration time', () => {
  test('accepts the names of 5 app fields without any user input or decision', () => {
    assert.doesNotThrow(() => client().checkSignup({ metadata: { a: '', b: '', c: '', d: '', e: '' } }));
  });

  test('refuses a 6th app field before anyone types', () => {
    assert.throws(
      () => client().checkSignup({ metadata: { a: '', b: '', c: '', d: '', e: '', f: '' } }),
      (error: unknown) => error instanceof SignupInputError && error.code === 'too_many_fields',
    );
  });

  test('refuses an app field named like a consent field', () => {
    assert.throws(
      () => client().checkSignup({ metadata: { consent_hash: '' } }),
      (error: unknown) => error instanceof SignupInputError && error.field === 'metadata.consent_hash',
    );
  });

  test('checks the fields it is given, like signup', () => {
    assert.throws(
      () => client().checkSignup({ email: 'nope' }),
      (error: unknown) => error instanceof SignupInputError && error.field === 'email',
    );
    assert.doesNotThrow(() => client().checkSignup({ email: 'ann@acme.example', rootFields: { given_name: 'Ann' } }));
  });

  test('checks a decision when one is given', async () => {
    const other = parsePolicy(variant((raw) => (raw.id = 'other')));
    const foreign = await createDecision(other, { accepted: ['terms'], locale: 'en', messages: en });
    assert.throws(
      () => client().checkSignup({}, foreign),
      (error: unknown) => error instanceof DecisionError,
    );
  });
});
