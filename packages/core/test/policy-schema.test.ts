// The JSON Schema shipped for editors (policy.schema.json) and `parsePolicy` must agree. What the
// schema can say, it says exactly; what it cannot say (the cross-field rules below) it leaves to
// parsePolicy. So, stated precisely and checked with generated documents:
//   1. every document parsePolicy accepts, the schema accepts (editors never flag a valid policy);
//   2. on documents that satisfy the cross-field rules, the schema accepts exactly what
//      parsePolicy accepts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { en } from '../src/texts.js';
import { isRtl } from '../src/messages.js';
import { parsePolicy } from '../src/policy.js';
import { examplePolicy, variant } from './fixtures.js';

const schemaFile = createRequire(import.meta.url).resolve('@assent/core/policy.schema.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { $id: string; $defs: Record<string, { pattern?: string }> };
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function parses(document: unknown): boolean {
  try {
    parsePolicy(document);
    return true;
  } catch {
    return false;
  }
}

function why(document: unknown): string {
  validate(document);
  let issues = '';
  try {
    parsePolicy(document);
  } catch (error) {
    issues = (error as Error).message;
  }
  return `schema: ${JSON.stringify(validate.errors?.map((e) => `${e.instancePath} ${e.message}`))}\nparsePolicy: ${issues || 'accepted'}\n${JSON.stringify(document)}`;
}

// ---------------------------------------------------------------------------------------------
// The cross-field rules: what no JSON Schema keyword can express, restated here independently.
// ---------------------------------------------------------------------------------------------
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);
const idRule = new RegExp(schema.$defs.id!.pattern!);

/** A URL that has the schema's shape but that the WHATWG URL parser refuses, or reads with no host or with credentials. */
function unparsable(url: unknown): boolean {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return false;
  try {
    const parsed = new URL(url);
    return !parsed.hostname || !!parsed.username || !!parsed.password;
  } catch {
    return true;
  }
}

/**
 * Whether `document` keeps every rule that relates one field to another: ids unique among
 * documents and among purposes; every document a purpose names is declared; every document and
 * purpose with a valid id has an English text (built in or in messages.en); no purpose whose
 * English text links {documents} links none; the purpose ids joined by commas fit 500 characters
 * (Auth0's limit for one metadata value); every http(s) URL parses with a host and no credentials;
 * direction marks stand only in messages of right-to-left languages; and the whole policy is at
 * most 100000 characters of JSON.
 */
function crossFieldRulesHold(document: unknown): boolean {
  if (!isObject(document)) return true;
  const documents = Array.isArray(document.documents) ? document.documents.filter(isObject) : [];
  const purposes = Array.isArray(document.purposes) ? document.purposes.filter(isObject) : [];
  const english = new Map<string, string>(Object.entries(en));
  const messages = isObject(document.messages) && isObject(document.messages.en) ? document.messages.en : {};
  for (const [key, text] of Object.entries(messages)) if (typeof text === 'string') english.set(key, text);
  const documentIds = documents.map((entry) => entry.id);
  const purposeIds = purposes.map((entry) => entry.id);
  const unique = (ids: unknown[]): boolean => new Set(ids).size === ids.length;
  const textOf = (key: string): string | undefined => english.get(key);
  const hasText = (kind: string, id: unknown): boolean => typeof id !== 'string' || !idRule.test(id) || textOf(kind + id) !== undefined;
  const links = (purpose: Json): boolean => Array.isArray(purpose.documents) && purpose.documents.length > 0;
  return (
    unique(documentIds) &&
    unique(purposeIds) &&
    purposes.every((purpose) => !Array.isArray(purpose.documents) || purpose.documents.every((ref) => documentIds.includes(ref))) &&
    documents.every((entry) => hasText('document.', entry.id)) &&
    purposes.every((purpose) => hasText('purpose.', purpose.id)) &&
    purposes.every((purpose) => typeof purpose.id !== 'string' || !idRule.test(purpose.id) || links(purpose) || !textOf('purpose.' + purpose.id)?.includes('{documents}')) &&
    purposeIds.join().length <= 500 &&
    Object.entries(isObject(document.messages) ? document.messages : {}).every(
      ([locale, texts]) => isRtl(locale) || !isObject(texts) || Object.values(texts).every((text) => typeof text !== 'string' || !/[\u200e\u200f\u061c]/.test(text)),
    ) &&
    Array.from(JSON.stringify(document)).length <= 100_000 &&
    ![...documents.map((entry) => entry.url), isObject(document.withdrawal) ? document.withdrawal.url : undefined].some(unparsable)
  );
}

// ---------------------------------------------------------------------------------------------
// Generated documents: mostly valid parts, each sometimes replaced by a wrong one, so that both
// accepted and refused documents come up often, for every rule.
// ---------------------------------------------------------------------------------------------
const ABSENT = Symbol('absent');
const junk = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}), fc.string({ maxLength: 4 }));
/** `valid` most of the time, else one of `invalid` (or junk of another type). */
const mostly = <T>(valid: fc.Arbitrary<T>, ...invalid: unknown[]): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 60, arbitrary: valid }, { weight: 2, arbitrary: invalid.length ? fc.constantFrom(...invalid) : junk }, { weight: 1, arbitrary: junk });
/** Rarely an unknown field (pre-ticking ones among them), as `[key, value]`; else null. */
const extraArb = fc.oneof({ weight: 40, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom('checked', 'default', 'preselected', 'note', 'title', 'Id'), junk) });
/** Present most of the time, sometimes absent. */
const present = (value: fc.Arbitrary<unknown>, absentWeight = 1): fc.Arbitrary<unknown> => fc.oneof({ weight: 60, arbitrary: value }, { weight: absentWeight, arbitrary: fc.constant(ABSENT) });

const badIds = ['Terms', '', 'a b', 'a,b', '__proto__', 'a'.repeat(65), 'é', ' terms'];
const versionArb = mostly(fc.constantFrom('1', '3.1', '2026-11-01', 'v2_RC.1', 'a'.repeat(64)), '', 'a'.repeat(65), '1 0', 'v1/2', 'ä');
const urlArb = mostly(
  fc.constantFrom('https://acme.example/terms', 'http://localhost:8080/privacy', 'HTTPS://ACME.EXAMPLE/x?y#z', '/legal/terms', '/', 'https://acme.example', 'https://@acme.example/x'),
  'javascript:alert(1)',
  'data:text/html,x',
  '//evil.example',
  '/\\evil.example',
  'https://user:pw@acme.example/',
  'https://user@acme.example/',
  'ftp://acme.example/',
  'https://acme.example/a b',
  'https://acme.example/\u200bx',
  'https:///x',
  'https://acme.example:99999/',
  'https://a<b.example/',
  'legal/terms',
  '',
  'https://acme.example/\\x',
);
const textArb = mostly(
  fc.constantFrom('Acme GmbH', 'privacy@acme.example', ' x ', 'Ä', 'x'.repeat(2000)),
  '',
  ' ',
  '\t\n',
  'x'.repeat(2001),
  'Acme\u202e GmbH',
  'Acme GmbH\u200f',
  '\u061c',
  'a\u2066b',
);
const localeArb = mostly(
  fc.constantFrom('en', 'de', 'pt-BR', 'sr-Latn-RS', 'fil', 'sl-rozaj-biske-1994-x', 'he', 'ar', 'ks-Arab'),
  'english',
  'd',
  'de_DE',
  'en-',
  'de-123456789',
  'sl-rozaj-biske-1994-x-y',
).map(String);
const basisArb = fc.constantFrom('consent', 'contract', 'legal_obligation', 'legitimate_interest');

/** An object from `fields`, leaving out ABSENT ones, sometimes with an unknown extra field. */
const objectOf = (fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Json> =>
  fc.record({ fields: fc.record(fields), extra: extraArb }).map(({ fields: values, extra }) => {
    const result: Json = {};
    for (const [key, value] of Object.entries(values)) if (value !== ABSENT) result[key] = value;
    if (extra) result[extra[0]] = extra[1];
    return result;
  });

/** Ids that have built-in English texts, ids that need messages.en, and ids that break a rule. */
const documentIdArb = mostly(fc.constantFrom('terms', 'privacy', 'cookies', 'dpa', 'doc1', 'doc2'), ...badIds);
const purposeIdArb = mostly(fc.constantFrom('terms', 'privacy', 'marketing', 'newsletter', 'analytics', 'research', 'custom1', 'custom2'), ...badIds);

const policyArb = fc
  .record({
    documents: mostly(
      fc.array(objectOf({ id: documentIdArb, url: present(urlArb), version: present(versionArb), sha256: present(mostly(fc.constant('ab'.repeat(32)), 'AB'.repeat(32), 'ab'), 30) }), {
        minLength: 1,
        maxLength: 3,
      }),
    ),
    purposes: fc.array(
      fc.record({
        required: fc.boolean(),
        consistentBasis: fc.oneof({ weight: 30, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        other: basisArb,
        id: purposeIdArb,
        links: fc.nat(3),
        bogus: fc.oneof({ weight: 30, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('terms', 'nowhere', 5) }),
        withRefs: fc.nat(9),
        extra: extraArb,
      }),
      { minLength: 1, maxLength: 3 },
    ),
    // Many purposes with short or long ids: the 20-purpose limit and the 500-character limit.
    many: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 17, max: 22 }) }),
    manyLength: fc.constantFrom(4, 30),
    head: objectOf({
      id: present(mostly(fc.constantFrom('acme-signup', 'a', 'x'.repeat(64)), ...badIds)),
      version: present(versionArb),
      $schema: present(mostly(fc.constant('./node_modules/@assent/core/policy.schema.json')), 60),
    }),
    controller: mostly(objectOf({ name: present(textArb), contact: present(textArb, 30) })),
    withdrawal: present(mostly(objectOf({ url: present(urlArb) })), 30),
    messages: present(
      mostly(
        fc.dictionary(
          localeArb,
          mostly(
            fc.dictionary(
              mostly(fc.constantFrom('purpose.custom1', 'purpose.custom2', 'document.doc1', 'document.doc2', 'purpose.marketing', 'optional.hint', 'anything'), 'purpose.\u202ex', 'a\u2069').map(
                String,
              ),
              mostly(fc.constantFrom('Yes to {controller}.', 'Accept the {documents}.', 'The title', 'x'.repeat(2000)), 'x'.repeat(2001), 'Yes \u202dto', '\u2067x\u2069', 'Offers.\u200f'),
            ),
          ),
        ),
      ),
      30,
    ),
    textsForCustomIds: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  })
  .map(({ documents, purposes, many, manyLength, head, controller, withdrawal, messages, textsForCustomIds }) => {
    const declared = Array.isArray(documents) ? documents.map((entry) => (isObject(entry) ? entry.id : undefined)) : [];
    const builtPurposes: unknown[] = purposes.map(({ required: drawn, consistentBasis, other, id, links, bogus, withRefs, extra }, index) => {
      // The first purpose is mostly required, so that "needs a required purpose" is not the usual refusal.
      const required = index === 0 ? withRefs > 0 : drawn;
      const basis = consistentBasis ? (required ? (other === 'consent' ? 'contract' : other) : 'consent') : other;
      const purpose: Json = { id, required, basis };
      // Required purposes link documents (mostly declared ones); optional ones only sometimes.
      if (required ? withRefs > 0 : withRefs > 6) {
        // Declared documents, each once; rarely an undeclared one or a repeat.
        purpose.documents = [...declared.slice(0, Math.max(1, links)), ...(bogus === null ? [] : [bogus])];
      }
      if (extra) purpose[extra[0]] = extra[1];
      return purpose;
    });
    const manyIds = Array.from({ length: many }, (_, i) => `${'p'.repeat(manyLength - 2)}${String(i).padStart(2, '0')}`);
    builtPurposes.push(...manyIds.map((id) => ({ id, required: false, basis: 'consent' })));
    let allMessages = messages;
    if (textsForCustomIds) {
      const english = Object.fromEntries([
        ...manyIds.map((id) => [`purpose.${id}`, `Yes to ${id}.`]),
        ['purpose.custom1', 'Yes to custom1.'],
        ['purpose.custom2', 'I accept the {documents}.'],
        ['document.doc1', 'Doc 1'],
        ['document.doc2', 'Doc 2'],
      ]);
      allMessages = isObject(messages) ? { ...messages, en: { ...english, ...(isObject(messages.en) ? messages.en : {}) } } : messages === ABSENT ? { en: english } : messages;
    }
    const policy: Json = { ...head, controller, documents, purposes: builtPurposes };
    if (withdrawal !== ABSENT) policy.withdrawal = withdrawal;
    if (allMessages !== ABSENT) policy.messages = allMessages;
    return policy;
  });

describe('the JSON Schema of the policy and parsePolicy', () => {
  test('is published at a stable $id and is exported as @assent/core/policy.schema.json', () => {
    assert.equal(schema.$id, 'https://cdn.jsdelivr.net/npm/@assent/core/policy.schema.json');
    assert.match(schemaFile, /packages[/\\]core[/\\]policy\.schema\.json$/);
  });

  test('both accept the example policy, with and without a $schema key', () => {
    const example = examplePolicy();
    assert.ok(validate(example), why(example));
    const withSchema = { $schema: './node_modules/@assent/core/policy.schema.json', ...example };
    assert.ok(validate(withSchema), why(withSchema));
    assert.ok(parses(withSchema));
  });

  test('both ignore what $schema holds', () => {
    const policy = { $schema: 5, ...examplePolicy() };
    assert.ok(validate(policy), why(policy));
    assert.ok(parses(policy));
  });

  test('everything parsePolicy accepts, the schema accepts; on documents that keep the cross-field rules, exactly the same', () => {
    let accepted = 0;
    let refusedInDomain = 0;
    let outsideDomain = 0;
    fc.assert(
      fc.property(policyArb, (document) => {
        const byParse = parses(document);
        const bySchema = validate(document);
        if (byParse) assert.ok(bySchema, `parsePolicy accepts what the schema refuses:\n${why(document)}`);
        if (crossFieldRulesHold(document)) {
          assert.equal(bySchema, byParse, `they disagree on a document that keeps the cross-field rules:\n${why(document)}`);
          if (byParse) accepted++;
          else refusedInDomain++;
        } else outsideDomain++;
      }),
      { numRuns: 2000 },
    );
    // The generator must exercise all three cases, or the property says little.
    const runs = accepted + refusedInDomain + outsideDomain;
    assert.ok(accepted > runs * 0.05, `only ${accepted} of ${runs} generated policies were valid`);
    assert.ok(refusedInDomain > runs * 0.2, `only ${refusedInDomain} of ${runs} were refused by a local rule`);
    assert.ok(outsideDomain > runs * 0.05, `only ${outsideDomain} of ${runs} broke a cross-field rule`);
  });

  describe('the schema cannot see (parsePolicy refuses, editors do not flag)', () => {
    const gaps: Record<string, Record<string, unknown>> = {
      'two documents with one id': variant((p) => p.documents.push({ ...p.documents[0] })),
      'two purposes with one id': variant((p) => p.purposes.push({ ...p.purposes[1] })),
      'a purpose naming an undeclared document': variant((p) => p.purposes[0].documents.push('cookies')),
      'a purpose id without an English text': variant((p) => (p.purposes[1].id = 'loyalty')),
      'a document id without an English text': variant((p) => {
        p.documents[1].id = 'house-rules';
        p.purposes[0].documents[1] = 'house-rules';
      }),
      'an optional purpose whose text links {documents} but that links none': variant((p) => p.purposes.push({ id: 'privacy', required: false, basis: 'consent' })),
      'purpose ids that joined exceed 500 characters': variant((p) => {
        p.messages = { en: {} };
        for (let i = 0; i < 10; i++) {
          const id = `${i}`.padEnd(60, 'x');
          p.purposes.push({ id, required: false, basis: 'consent' });
          p.messages.en[`purpose.${id}`] = 'Yes.';
        }
      }),
      'a URL the URL parser refuses (port out of range)': variant((p) => (p.documents[0].url = 'https://acme.example:99999/terms')),
      'a direction mark in a message of a left-to-right language': variant((p) => (p.messages = { de: { 'purpose.marketing': 'Angebote 10\u200f-20' } })),
      'a policy over 100000 characters of JSON': variant((p) => (p.messages = { en: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`custom.${i}`, 'x'.repeat(2000)])) })),
    };
    for (const [name, policy] of Object.entries(gaps)) {
      test(name, () => {
        assert.ok(validate(policy), why(policy));
        assert.equal(parses(policy), false);
        assert.equal(crossFieldRulesHold(policy), false, 'the cross-field predicate of the property must name this rule');
      });
    }
  });
});
