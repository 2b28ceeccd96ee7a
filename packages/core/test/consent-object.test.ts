import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  CLOCK_SKEW_MS,
  CONSENT_OBJECT_MAX_BYTES,
  HISTORY_MAX_BYTES,
  applyConsentEvent,
  consentObjectFromDecision,
  decodeConsentObject,
  mergeConsentObjects,
  newestEntry,
  type ConsentEvent,
} from '../src/consent-object.js';
import { createDecision } from '../src/decision.js';
import { DecisionError, DecodeError } from '../src/errors.js';
import { en } from '../src/texts.js';
import { parsePolicy } from '../src/policy.js';
import type { ConsentHistoryEntry, ConsentObject } from '../src/types.js';
import { choiceArb, dateArb, examplePolicy } from './fixtures.js';

const policy = parsePolicy(examplePolicy());
const decision = await createDecision(policy, { accepted: ['terms', 'marketing'], locale: 'en', messages: en, at: new Date('2026-11-01T09:30:00.000Z') });
const base = consentObjectFromDecision(decision, policy, { source: 'signup', eventId: 'e0' });
const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));
/** A clock after every date the generated histories use: these tests are about order and size, not the clock. */
const LATER = { now: Date.parse('9999-12-31T23:59:59.999Z') };
const withdrawal = (id: string, at: string, purposes: string[] = ['terms']): ConsentEvent => ({ id, event: 'withdrawn', at, version: policy.version, purposes, source: 'browser' });

function decodeError(value: unknown, code: string, path: string): void {
  assert.throws(
    () => decodeConsentObject(value),
    (error) => error instanceof DecodeError && error.code === code && error.path === path && error.message.startsWith(path || '(root)'),
  );
}

describe('consentObjectFromDecision', () => {
  test("records the decision in the shape of Auth0's GDPR guide plus proof and history [EDPB records]", () => {
    assert.deepEqual(base, {
      given: true,
      date: '2026-11-01T09:30:00.000Z',
      text_details: 'https://acme.example/terms',
      policy: 'acme-signup',
      version: '2026-11-01',
      purposes: { terms: true, marketing: true },
      hash: decision.hash,
      locale: 'en',
      documents: { terms: '3.1', privacy: '2.0' },
      history: [{ id: 'e0', event: 'given', at: '2026-11-01T09:30:00.000Z', version: '2026-11-01', purposes: ['terms', 'marketing'], source: 'signup' }],
    });
    assert.ok(Object.isFrozen(base) && Object.isFrozen(base.history[0]));
  });

  test('records offered purposes the user left unticked as false [Recital 43]', async () => {
    const minimal = await createDecision(policy, { accepted: ['terms'], locale: 'en', messages: en });
    assert.deepEqual(consentObjectFromDecision(minimal, policy, { source: 'lock' }).purposes, { terms: true, marketing: false });
  });

  test('gives the event a random UUID unless told one', () => {
    assert.match(newestEntry(consentObjectFromDecision(decision, policy, { source: 'signup' })).id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('refuses a decision for another policy version', () => {
    assert.throws(
      () => consentObjectFromDecision({ ...decision, version: '2025-01-01' }, policy, { source: 'signup' }),
      (error) => error instanceof DecisionError && error.code === 'policy_mismatch',
    );
  });
});

describe('applyConsentEvent', () => {
  test('withdraws an optional purpose: state and history follow, consent to the terms stands [Recital 43]', () => {
    const next = applyConsentEvent(base, withdrawal('e1', '2026-11-02T08:00:00.000Z'));
    assert.deepEqual(next.purposes, { terms: true, marketing: false });
    assert.equal(next.given, true);
    assert.equal(next.date, '2026-11-02T08:00:00.000Z');
    assert.deepEqual(
      next.history.map((entry) => entry.id),
      ['e0', 'e1'],
    );
    assert.equal(next.hash, base.hash);
  });

  test('withdrawing every purpose ends the consent', () => {
    assert.equal(applyConsentEvent(base, withdrawal('e1', '2026-11-02T08:00:00.000Z', [])).given, false);
  });

  test('applies an event once, however often it is sent', () => {
    const once = applyConsentEvent(base, withdrawal('e1', '2026-11-02T08:00:00.000Z'));
    assert.equal(applyConsentEvent(once, withdrawal('e1', '2026-11-02T08:00:00.000Z')), once);
  });

  test('files a late event in time order without changing the current state', () => {
    const withdrawn = applyConsentEvent(base, withdrawal('e2', '2026-11-03T08:00:00.000Z'));
    const late = applyConsentEvent(withdrawn, { id: 'e1', event: 'updated', at: '2026-11-02T08:00:00.000Z', version: policy.version, purposes: ['terms', 'marketing'], source: 'server' });
    assert.deepEqual(
      late.history.map((entry) => entry.id),
      ['e0', 'e1', 'e2'],
    );
    assert.deepEqual(late.purposes, withdrawn.purposes);
    assert.equal(late.date, withdrawn.date);
  });

  test('starts an object from an event that carries policy, hash and locale', () => {
    const started = applyConsentEvent(undefined, { ...withdrawal('e9', '2026-11-01T00:00:00.000Z', ['terms']), event: 'given', policy: 'acme-signup', hash: 'b'.repeat(64), locale: 'fr' });
    assert.equal(started.locale, 'fr');
    assert.deepEqual(started.purposes, { terms: true });
  });

  test('refuses to start an object from an event without policy, hash and locale', () => {
    assert.throws(
      () => applyConsentEvent(undefined, withdrawal('e1', '2026-11-02T08:00:00.000Z')),
      (error) => error instanceof DecisionError && error.code === 'invalid_event' && /policy/.test(error.message),
    );
  });

  test('refuses an event with an invalid timestamp, naming the field', () => {
    assert.throws(
      () => applyConsentEvent(base, withdrawal('e1', 'yesterday')),
      (error) => error instanceof DecisionError && error.code === 'invalid_event' && /date|at/.test(error.message),
    );
  });
});

describe('decodeConsentObject', () => {
  const stored = applyConsentEvent(base, withdrawal('e1', '2026-11-02T08:00:00.000Z'));
  const json = (): Record<string, unknown> => JSON.parse(JSON.stringify(stored));

  test('reads back what was stored', () => {
    assert.deepEqual(decodeConsentObject(json()), stored);
  });

  test('names a missing field', () => {
    const value = json();
    delete value.hash;
    decodeError(value, 'missing_field', 'hash');
  });

  test('names an unknown field', () => {
    decodeError({ ...json(), extra: 1 }, 'malformed', 'extra');
  });

  test('names fields of the wrong type or syntax', () => {
    decodeError({ ...json(), given: 'yes' }, 'malformed', 'given');
    decodeError({ ...json(), purposes: { terms: 'true', marketing: false } }, 'malformed', 'purposes.terms');
    decodeError({ ...json(), hash: 'xyz' }, 'malformed', 'hash');
    const value = json() as { history: Record<string, unknown>[] };
    value.history[1]!.at = '2026-11-02T09:00:00+01:00';
    decodeError(value, 'malformed', 'history[1].at');
    value.history[1]!.at = '2026-11-02T08:00:00.000Z';
    value.history[1]!.source = 'email';
    decodeError(value, 'malformed', 'history[1].source');
  });

  test('refuses a history out of time order or with a repeated event', () => {
    const value = json() as { history: unknown[] };
    decodeError({ ...value, history: [...value.history].reverse() }, 'malformed', 'history[1]');
    decodeError({ ...value, history: [value.history[0], value.history[0]] }, 'malformed', 'history[1]');
    decodeError({ ...value, history: [] }, 'malformed', 'history');
  });

  test('reports a state edited without its history as tampered', () => {
    decodeError({ ...json(), purposes: { terms: true, marketing: true } }, 'tampered', 'purposes');
    decodeError({ ...json(), date: '2026-11-05T00:00:00.000Z' }, 'tampered', 'date');
    decodeError({ ...json(), version: '2027-01-01' }, 'tampered', 'version');
  });

  test('refuses an object over the size cap', () => {
    decodeError({ ...json(), text_details: 'https://acme.example/' + 'x'.repeat(5000) }, 'too_large', '');
    decodeError({ ...json(), text_details: 'https://acme.example/' + 'x'.repeat(600) }, 'too_large', 'text_details');
  });

  test('refuses an entry dated in the future beyond the clock skew, naming it', () => {
    const now = Date.parse('2026-11-02T08:00:00.000Z');
    const value = json() as { history: Record<string, unknown>[] };
    const ahead = new Date(now + CLOCK_SKEW_MS + 1000).toISOString();
    value.history[1]!.at = ahead;
    assert.throws(
      () => decodeConsentObject({ ...value, date: ahead }, { now }),
      (error) => error instanceof DecodeError && error.code === 'in_future' && error.path === 'history[1].at' && /5 minutes/.test(error.message),
    );
  });

  test('accepts an entry a few minutes ahead: clocks differ within the skew', () => {
    const now = Date.parse('2026-11-02T08:00:00.000Z');
    const value = json() as { history: Record<string, unknown>[] };
    const ahead = new Date(now + CLOCK_SKEW_MS - 1000).toISOString();
    value.history[1]!.at = ahead;
    assert.equal(decodeConsentObject({ ...value, date: ahead }, { now }).date, ahead);
  });

  test('refuses an event written in the future, so it cannot outrank every later event', () => {
    assert.throws(
      () => applyConsentEvent(base, withdrawal('e1', '2099-01-01T00:00:00.000Z')),
      (error) => error instanceof DecisionError && error.code === 'invalid_event' && /history\[0\]\.at/.test(error.message),
    );
  });

  test('refuses a trim mark that is not older than the history', () => {
    decodeError({ ...json(), trimmed: { at: '2026-11-05T00:00:00.000Z', id: 'zz' } }, 'malformed', 'trimmed');
  });
});

describe('the size cap', () => {
  test('trims the oldest entries of a long history and keeps the newest state', () => {
    let consent = base;
    for (let day = 1; day <= 60; day++)
      consent = applyConsentEvent(consent, withdrawal(`w${day}`, new Date(Date.UTC(2026, 10, 1 + day)).toISOString(), day % 2 ? ['terms'] : ['terms', 'marketing']), LATER);
    assert.ok(bytes(consent) <= CONSENT_OBJECT_MAX_BYTES && bytes(consent.history) <= HISTORY_MAX_BYTES);
    assert.equal(newestEntry(consent).id, 'w60');
    assert.deepEqual(consent.purposes, { terms: true, marketing: true });
    assert.ok(consent.trimmed && consent.history.length > 5 && consent.history.length < 60);
    assert.deepEqual(decodeConsentObject(JSON.parse(JSON.stringify(consent)), LATER), consent);
  });
});

describe('consent object properties', () => {
  const purposeIds = ['terms', 'marketing'];
  const eventArb = fc
    .record({
      id: fc.uuid(),
      event: fc.constantFrom('given' as const, 'withdrawn' as const, 'updated' as const),
      at: fc.date({ min: new Date('2026-11-01T09:30:00.001Z'), max: new Date('2027-12-31T00:00:00.000Z'), noInvalidDate: true }).map((date) => date.toISOString()),
      version: fc.constantFrom('2026-11-01', '2027-01-01'),
      purposes: fc.subarray(purposeIds),
      source: fc.constantFrom('signup' as const, 'lock' as const, 'browser' as const, 'server' as const, 'action' as const),
    })
    .map((event) => ({ ...event })); // plain prototype, as events parsed from JSON have
  // size 'max': long enough histories that the size cap trims (fast-check keeps arrays short by default).
  const poolArb = fc.uniqueArray(eventArb, { selector: (event) => event.id, maxLength: 40, size: 'max' });
  /** Three replicas of one consent, each having seen some of the events, in some order. */
  const replicasArb = poolArb.chain((pool) =>
    fc
      .tuple(fc.shuffledSubarray(pool), fc.shuffledSubarray(pool), fc.shuffledSubarray(pool))
      .map((seen) => seen.map((events) => events.reduce<ConsentObject>((consent, event) => applyConsentEvent(consent, event, LATER), base))),
  );
  const key = (entry: { at: string; id: string }): string => `${Date.parse(entry.at).toString().padStart(16, '0')} ${entry.id}`;

  test('every valid decision reads back equal through the consent object', async () => {
    await fc.assert(
      fc.asyncProperty(choiceArb, dateArb, async ({ policy: generated, accepted }, at) => {
        const made = await createDecision(generated, { accepted, locale: 'en', messages: en, at });
        const consent = consentObjectFromDecision(made, generated, { source: 'signup', ...LATER });
        assert.ok(bytes(consent) <= CONSENT_OBJECT_MAX_BYTES);
        assert.deepEqual(decodeConsentObject(JSON.parse(JSON.stringify(consent)), LATER), consent);
        // Sorted: an object lists integer-like keys ("0") first, whatever the policy order.
        assert.deepEqual(
          Object.keys(consent.purposes)
            .filter((id) => consent.purposes[id])
            .sort(),
          [...made.purposes].sort(),
        );
      }),
      { numRuns: 60 },
    );
  });

  test('stays under its size cap for any history and keeps the state of the newest event', () => {
    fc.assert(
      fc.property(poolArb, (events) => {
        const consent = events.reduce<ConsentObject>((current, event) => applyConsentEvent(current, event, LATER), base);
        assert.ok(bytes(consent) <= CONSENT_OBJECT_MAX_BYTES, `${bytes(consent)} bytes`);
        const newest = [...events, base.history[0]!].sort((a, b) => (key(a) < key(b) ? -1 : 1)).at(-1)!;
        assert.deepEqual(newestEntry(consent), newest);
        assert.deepEqual(
          Object.keys(consent.purposes)
            .filter((id) => consent.purposes[id])
            .sort(),
          [...newest.purposes].sort(),
        );
        assert.deepEqual(decodeConsentObject(JSON.parse(JSON.stringify(consent)), LATER), consent);
      }),
      { numRuns: 150 },
    );
  });

  test('merge is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(replicasArb, ([a, b, c]) => {
        assert.deepEqual(mergeConsentObjects(a!, b!), mergeConsentObjects(b!, a!));
        assert.deepEqual(mergeConsentObjects(mergeConsentObjects(a!, b!), c!), mergeConsentObjects(a!, mergeConsentObjects(b!, c!)));
        assert.deepEqual(mergeConsentObjects(a!, a!), a);
      }),
      { numRuns: 150 },
    );
  });

  test('merge never loses an event: each is kept or older than what the cap trimmed', () => {
    fc.assert(
      fc.property(replicasArb, ([a, b]) => {
        const merged = mergeConsentObjects(a!, b!);
        const kept = new Set(merged.history.map((entry) => entry.id));
        const inputs: ConsentHistoryEntry[] = [...a!.history, ...b!.history];
        for (const entry of inputs) assert.ok(kept.has(entry.id) || (merged.trimmed && key(entry) <= key(merged.trimmed)), entry.id);
        assert.deepEqual(newestEntry(merged), [newestEntry(a!), newestEntry(b!)].sort((x, y) => (key(x) < key(y) ? -1 : 1)).at(-1));
        assert.ok(bytes(merged) <= CONSENT_OBJECT_MAX_BYTES);
      }),
      { numRuns: 150 },
    );
  });
});
