import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startEmulator, type FaultsConfig } from '../src/index.js';
import { FaultEngine } from '../src/faults/engine.js';
import { PASSWORD, m2mToken, management, signup, uniqueEmail, useEmulator } from './helpers.js';

const emulator = useEmulator({ enableAdmin: true });

async function setFaults(config: FaultsConfig): Promise<void> {
  const response = await fetch(`${emulator.current.url}/__emulator/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) });
  assert.equal(response.status, 200, await response.clone().text());
}

describe('forced statuses', () => {
  test("429 carries Retry-After and X-RateLimit-* headers and Auth0's body", async () => {
    await setFaults({ rules: [{ path: '/dbconnections/signup', kind: 'status', status: 429, retryAfterSeconds: 7, times: 1 }] });
    const response = await signup(emulator.current, { email: uniqueEmail(), password: PASSWORD });
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '7');
    assert.equal(response.headers.get('x-ratelimit-limit'), '50');
    assert.equal(response.headers.get('x-ratelimit-remaining'), '0');
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    assert.ok(reset > Date.now() / 1000 && reset <= Date.now() / 1000 + 8);
    assert.deepEqual(await response.json(), { error: 'too_many_requests', error_description: 'Rate limit exceeded.' });
  });

  test('a rule with times stops after that many requests', async () => {
    await setFaults({ rules: [{ path: '/dbconnections/signup', kind: 'status', status: 503, times: 1 }] });
    assert.equal((await signup(emulator.current, { email: uniqueEmail(), password: PASSWORD })).status, 503);
    assert.equal((await signup(emulator.current, { email: uniqueEmail(), password: PASSWORD })).status, 200);
  });

  test("a 500 on the Management API uses the Management API's body", async () => {
    const token = await m2mToken(emulator.current);
    await setFaults({ rules: [{ path: '/api/v2/users/*', method: 'GET', kind: 'status', status: 500 }] });
    const response = await management(emulator.current, 'GET', '/users/auth0%7Cany', token);
    assert.equal(response.status, 500);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.statusCode, 500);
    assert.equal(body.error, 'Internal Server Error');
  });

  test('rules match by method: a GET rule leaves PATCH alone', async () => {
    const token = await m2mToken(emulator.current);
    await setFaults({ rules: [{ path: '/api/v2/users/*', method: 'GET', kind: 'status', status: 500 }] });
    const response = await management(emulator.current, 'PATCH', '/users/auth0%7Cnobody', token, { user_metadata: {} });
    assert.equal(response.status, 404);
  });

  test('an injected 429 still carries CORS headers for an allowed origin', async () => {
    await setFaults({ rules: [{ path: '/dbconnections/signup', kind: 'status', status: 429, times: 1 }] });
    const response = await fetch(`${emulator.current.url}/dbconnections/signup`, { method: 'POST', headers: { origin: 'http://localhost:5173', 'content-type': 'application/json' }, body: '{}' });
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.match(response.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
  });
});

describe('broken connections', () => {
  test('a reset destroys the socket: the client sees a network error', async () => {
    await setFaults({ rules: [{ path: '/userinfo', kind: 'reset' }] });
    await assert.rejects(fetch(`${emulator.current.url}/userinfo`), TypeError);
  });

  test('a hung request stays unanswered while later requests are served, and ends when the emulator stops', async () => {
    const running = await startEmulator({ port: 0, faults: { rules: [{ path: '/userinfo', kind: 'hang' }] } });
    let settled = false;
    const hung = fetch(`${running.url}/userinfo`).then(
      () => 'answered',
      () => 'failed',
    );
    void hung.then(() => {
      settled = true;
    });
    const later = await fetch(`${running.url}/.well-known/openid-configuration`);
    assert.equal(later.status, 200);
    assert.equal(settled, false);
    await running.stop();
    assert.equal(await hung, 'failed');
  });
});

describe('seeded randomness', () => {
  test('the same seed and requests give the same faults', () => {
    const config: FaultsConfig = { seed: 42, rules: [{ path: '/x', kind: 'status', status: 500, rate: 0.5, latencyMs: { min: 0, max: 100 } }] };
    const run = () => {
      const engine = new FaultEngine(config);
      return Array.from({ length: 50 }, () => engine.decide('GET', '/x'));
    };
    assert.deepEqual(run(), run());
    const hits = run().filter(Boolean).length;
    assert.ok(hits > 10 && hits < 40, `about half of 50 requests are faulted, got ${hits}`);
  });

  test('a different seed gives a different sequence', () => {
    const sequence = (seed: number) => {
      const engine = new FaultEngine({ seed, rules: [{ path: '/x', kind: 'status', rate: 0.5 }] });
      return Array.from({ length: 50 }, () => Boolean(engine.decide('GET', '/x')));
    };
    assert.notDeepEqual(sequence(1), sequence(2));
  });

  test('latency ranges stay within their bounds', () => {
    const engine = new FaultEngine({ rules: [{ path: '/x', latencyMs: { min: 20, max: 30 } }] });
    for (let i = 0; i < 100; i += 1) {
      const { latencyMs } = engine.decide('GET', '/x') ?? { latencyMs: -1 };
      assert.ok(latencyMs >= 20 && latencyMs <= 30, String(latencyMs));
    }
  });

  test('a latency-only rule delays but answers normally', async () => {
    await setFaults({ rules: [{ path: '/.well-known/*', latencyMs: 5 }] });
    const response = await fetch(`${emulator.current.url}/.well-known/jwks.json`);
    assert.equal(response.status, 200);
  });
});

describe('the admin endpoint', () => {
  test('refuses an invalid configuration naming the field', async () => {
    const response = await fetch(`${emulator.current.url}/__emulator/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [{ path: '/x', kind: 'status', status: 200 }] }),
    });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { path: string; error_description: string };
    assert.equal(body.path, 'faults.rules[0].status');
  });

  test('DELETE clears the faults', async () => {
    await setFaults({ rules: [{ path: '/dbconnections/signup', kind: 'status', status: 500 }] });
    assert.equal((await fetch(`${emulator.current.url}/__emulator/faults`, { method: 'DELETE' })).status, 204);
    assert.equal((await signup(emulator.current, { email: uniqueEmail(), password: PASSWORD })).status, 200);
  });

  test('is not mounted unless enabled', async () => {
    const closed = await startEmulator({ port: 0 });
    try {
      assert.equal((await fetch(`${closed.url}/__emulator/faults`)).status, 404);
    } finally {
      await closed.stop();
    }
  });
});
