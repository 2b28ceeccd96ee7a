import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { retryDelay } from '../../src/state/backoff.js';

describe('retryDelay', () => {
  test('draws from zero up to the doubling ceiling (full jitter)', () => {
    assert.equal(
      retryDelay(1, { baseMs: 100 }, undefined, () => 0),
      0,
    );
    assert.equal(
      retryDelay(1, { baseMs: 100 }, undefined, () => 0.999),
      99,
    );
    assert.equal(
      retryDelay(4, { baseMs: 100 }, undefined, () => 0.5),
      400,
    );
  });

  test('stops doubling at maxMs', () => {
    assert.equal(
      retryDelay(30, { baseMs: 100, maxMs: 1000 }, undefined, () => 0.5),
      500,
    );
  });

  test('never retries before the Retry-After the server asked for, even beyond maxMs', () => {
    assert.equal(
      retryDelay(1, { baseMs: 100, maxMs: 1000 }, 5000, () => 0.9),
      5000,
    );
  });

  test('for any failure count and draw, stays within [Retry-After, max(ceiling, Retry-After)]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (failures, baseMs, extra, retryAfterMs, draw) => {
          const maxMs = baseMs + extra;
          const delay = retryDelay(failures, { baseMs, maxMs }, retryAfterMs, () => draw);
          const ceiling = Math.min(maxMs, baseMs * 2 ** (failures - 1));
          assert.ok(delay >= (retryAfterMs ?? 0) && delay <= Math.max(ceiling, retryAfterMs ?? 0), `${delay} for ${JSON.stringify({ failures, baseMs, maxMs, retryAfterMs, draw })}`);
        },
      ),
    );
  });
});
