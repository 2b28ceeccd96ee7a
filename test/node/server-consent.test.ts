/**
 * @assent/server consent routes against the emulator: the state with the authoritative app_metadata
 * copy, decisions recorded with server time after core's verification, typed errors naming the
 * field, the export, CORS, body limits, and the Management API token reused across requests.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createDecision, decodeConsentObject, en, loadMessages, signupConsentObject, type ConsentObject } from '@assent/core';
import { APP_ORIGIN, POLICY, startServerFixture, type ServerFixture, type TestUser } from './server-fixture.js';

let fixture: ServerFixture;
before(async () => {
  fixture = await startServerFixture();
});
after(() => fixture?.close());

interface StateBody {
  user_id: string;
  status: string;
  source: string;
  accepted: string[];
  history: { id: string; event: string; source: string; at: string }[];
  app_metadata: { consent: ConsentObject | null; deleted: boolean };
  event_id?: string;
}

async function userWithToken(accepted: readonly string[] = ['terms']): Promise<{ user: TestUser; token: string }> {
  const user = await fixture.signup({ accepted });
  return { user, token: await fixture.userToken(user) };
}

async function errorOf(response: Response): Promise<{ status: number; error: string; field?: string; message: string }> {
  return { status: response.status, ...((await response.json()) as { error: string; field?: string; message: string }) };
}

describe('GET /consent', () => {
  test('shows the consent the post-login Action copied into app_metadata at the first login, with server time', async () => {
    const before = Date.now();
    const { user, token } = await userWithToken(['terms', 'marketing']);
    const body = (await (await fixture.call('/consent', { token })).json()) as StateBody;
    assert.equal(body.status, 'given');
    assert.equal(body.source, 'app_metadata');
    assert.deepEqual(body.accepted, ['terms', 'marketing']);
    const app = decodeConsentObject(body.app_metadata.consent);
    assert.equal(app.hash, user.decision.hash);
    assert.ok(Date.parse(app.date) >= before - 1000, 'stamped with server time, not the signup form’s clock');
    // The same event as the browser SDK's conversion of the signup fields: the history holds it once.
    const fromSignup = await signupConsentObject((await fixture.management.users.get(user.userId)).user_metadata, POLICY);
    assert.equal(app.history[0]!.id, fromSignup!.history[0]!.id);
    assert.equal(body.history.length, 1);
  });

  test('answers 404 JSON for an unknown route', async () => {
    const response = await fixture.call('/consents');
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: string }).error, 'not_found');
  });
});

describe('POST /consent', () => {
  test('records the decision in app_metadata with server time and source "server" [GDPR 7(1)]', async () => {
    const { user, token } = await userWithToken();
    const german = await createDecision(POLICY, { accepted: ['terms', 'marketing'], locale: 'de', messages: await loadMessages('de'), at: new Date('2020-01-01T00:00:00Z') });
    const started = Date.now();
    const response = await fixture.call('/consent', { token, body: { decision: german } });
    assert.equal(response.status, 200, await response.clone().text());
    const body = (await response.json()) as StateBody;
    assert.deepEqual(body.accepted, ['terms', 'marketing']);
    const stored = decodeConsentObject((await fixture.management.users.get(user.userId)).app_metadata?.consent);
    const newest = stored.history.at(-1)!;
    assert.equal(newest.source, 'server');
    assert.equal(newest.id, body.event_id);
    assert.ok(Date.parse(newest.at) >= started - 1000, `server time, not the client's 2020: ${newest.at}`);
    assert.equal(stored.locale, 'de');
    assert.equal(stored.hash, german.hash);
  });

  test('a retried request with the same eventId is recorded once', async () => {
    const { user, token } = await userWithToken();
    const decision = await createDecision(POLICY, { accepted: ['terms', 'marketing'], locale: 'en', messages: en });
    for (let i = 0; i < 3; i += 1) assert.equal((await fixture.call('/consent', { token, body: { decision, eventId: 'retry-me-1' } })).status, 200);
    const stored = decodeConsentObject((await fixture.management.users.get(user.userId)).app_metadata?.consent);
    assert.equal(stored.history.filter((entry) => entry.id === 'retry-me-1').length, 1);
  });

  test('refuses a decision whose hash does not match what the policy shows (422, field decision.hash) and stores nothing [GDPR 7(1)]', async () => {
    const { user, token } = await userWithToken();
    const decision = await createDecision(POLICY, { accepted: ['terms', 'marketing'], locale: 'en', messages: en });
    const before = (await fixture.management.users.get(user.userId)).app_metadata;
    const forged = { ...decision, hash: 'f'.repeat(64) };
    const error = await errorOf(await fixture.call('/consent', { token, body: { decision: forged } }));
    assert.deepEqual([error.status, error.error, error.field], [422, 'decision_mismatch', 'decision.hash']);
    assert.deepEqual((await fixture.management.users.get(user.userId)).app_metadata, before);
  });

  test('refuses a decision without the required purpose, naming decision.purposes', async () => {
    const { token } = await userWithToken();
    const decision = await createDecision(POLICY, { accepted: ['terms'], locale: 'en', messages: en });
    const error = await errorOf(await fixture.call('/consent', { token, body: { decision: { ...decision, purposes: ['marketing'] } } }));
    assert.deepEqual([error.status, error.field], [400, 'decision.purposes']);
    assert.match(error.message, /required purpose "terms"/);
  });

  test('refuses a decision for an older policy version with 409 policy_mismatch', async () => {
    const { token } = await userWithToken();
    const decision = await createDecision(POLICY, { accepted: ['terms'], locale: 'en', messages: en });
    const error = await errorOf(await fixture.call('/consent', { token, body: { decision: { ...decision, version: '2025-01-01' } } }));
    assert.deepEqual([error.status, error.error, error.field], [409, 'policy_mismatch', 'decision.version']);
  });

  test('names the field of a malformed decision', async () => {
    const { token } = await userWithToken();
    const decision = await createDecision(POLICY, { accepted: ['terms'], locale: 'en', messages: en });
    const cases: [unknown, string][] = [
      [{ ...decision, at: 'yesterday' }, 'decision.at'],
      [{ ...decision, purposes: ['terms', 'Terms!'] }, 'decision.purposes[1]'],
      [{ ...decision, purposes: ['terms', 'terms'] }, 'decision.purposes[1]'],
      [{ ...decision, locale: '<script>' }, 'decision.locale'],
      [{ ...decision, extra: 1 }, 'decision.extra'],
      ['terms', 'decision'],
    ];
    for (const [value, field] of cases) {
      const error = await errorOf(await fixture.call('/consent', { token, body: { decision: value } }));
      assert.deepEqual([error.status, error.error, error.field], [400, 'invalid_request', field], JSON.stringify(value));
    }
  });

  test('refuses a body that is not a JSON object, not JSON, or too large', async () => {
    const { token } = await userWithToken();
    assert.equal((await errorOf(await fixture.call('/consent', { token, body: '[1]' }))).field, '(body)');
    assert.equal((await errorOf(await fixture.call('/consent', { token, body: '{"decision":' }))).field, '(body)');
    const form = await fixture.call('/consent', { token, body: 'decision=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(form.status, 415);
    const huge = await fixture.call('/consent', { token, body: JSON.stringify({ decision: 'x'.repeat(20_000) }) });
    assert.equal(huge.status, 413);
    assert.equal(((await huge.json()) as { error: string }).error, 'payload_too_large');
  });

  test('refuses a streamed body without Content-Length once it passes the limit', async () => {
    const { token } = await userWithToken();
    const chunk = new TextEncoder().encode(' '.repeat(4096));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 64) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${fixture.api}/consent`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    assert.equal(response.status, 413);
  });
});

describe('GET /consent/export', () => {
  test('exports the consent as a DPV JSON-LD record and a Kantara receipt [EDPB records]', async () => {
    const { user, token } = await userWithToken(['terms', 'marketing']);
    const body = (await (await fixture.call('/consent/export', { token })).json()) as { record: Record<string, unknown>; receipt: Record<string, unknown> };
    assert.equal(body.record['@type'], 'dpv:ConsentRecord');
    assert.equal((body.record['dpv:hasDataSubject'] as Record<string, unknown>)['dct:identifier'], user.userId);
    assert.equal(body.receipt.version, 'KI-CR-v1.1.0');
    assert.equal(body.receipt.piiPrincipalId, user.email);
    const jsonld = await fixture.call('/consent/export?format=jsonld', { token });
    assert.match(jsonld.headers.get('content-type') ?? '', /^application\/ld\+json/);
    assert.equal(((await jsonld.json()) as Record<string, unknown>)['@type'], 'dpv:ConsentRecord');
  });

  test('refuses an unknown format, naming it', async () => {
    const { token } = await userWithToken();
    const error = await errorOf(await fixture.call('/consent/export?format=pdf', { token }));
    assert.deepEqual([error.status, error.field], [400, 'format']);
  });
});

describe('CORS', () => {
  test('a preflight from a configured origin is allowed with Authorization and Content-Type', async () => {
    const response = await fixture.call('/consent', {
      method: 'OPTIONS',
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), APP_ORIGIN);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /Authorization/i);
  });

  test('another origin gets no Access-Control-Allow-Origin', async () => {
    const { token } = await userWithToken();
    const response = await fixture.call('/consent', { token, headers: { origin: 'https://evil.example' } });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    const preflight = await fixture.call('/consent/withdraw', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
  });
});

test('the Management API token is fetched once and reused across requests (the SDK caches it)', async () => {
  const { token } = await userWithToken();
  for (let i = 0; i < 5; i += 1) assert.equal((await fixture.call('/consent', { token })).status, 200);
  const tokenRequests = fixture.upstream.filter((url) => new URL(url).pathname === '/oauth/token');
  const managementCalls = fixture.upstream.filter((url) => new URL(url).pathname.startsWith('/api/v2/'));
  assert.equal(tokenRequests.length, 1, fixture.upstream.join('\n'));
  assert.ok(managementCalls.length >= 5);
});
