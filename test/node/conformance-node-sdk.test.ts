/**
 * Auth0 Management API conformance through the official `auth0` Node SDK (7.x): ManagementClient
 * with client credentials, over HTTPS (the SDK builds `https://{domain}` and nothing else).
 * The emulator's development CA is trusted through the SDK's `fetch` option (`@assent/testkit/https-trust`).
 * Runs against a fresh emulator, or a real tenant (test/conformance/README.md).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { Management, ManagementClient, ManagementError } from 'auth0';
import { strongPassword, uniqueEmail } from '../support/unique.js';
import { expectManagementError } from '../conformance/error-shapes.js';
import { openConformanceTarget, type ConformanceTarget } from '@assent/testkit/conformance-target';

let target: ConformanceTarget;
let management: ManagementClient;

before(async () => {
  target = await openConformanceTarget({ suite: 'node-sdk' });
  management = new ManagementClient({
    domain: target.domain,
    clientId: target.m2m.clientId,
    clientSecret: target.m2m.clientSecret,
    fetch: target.fetch,
  });
});
after(() => target?.close());

/** Creates a user through the SDK (POST /api/v2/users) and returns its id. */
async function createUser(label: string, metadata: { user_metadata?: Record<string, unknown>; app_metadata?: Record<string, unknown> } = {}): Promise<{ id: string; email: string }> {
  const email = uniqueEmail(label);
  const user = await management.users.create({ connection: target.connection, email, password: strongPassword(), ...metadata });
  assert.equal(typeof user.user_id, 'string');
  return { id: user.user_id!, email };
}

/** Runs `call`, expecting the SDK to throw a ManagementError; returns it. */
async function managementError(call: () => Promise<unknown>): Promise<ManagementError> {
  try {
    await call();
  } catch (error) {
    assert.ok(error instanceof ManagementError, `expected a ManagementError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('ManagementClient users', () => {
  test('users.get returns the user with its metadata', async () => {
    const { id, email } = await createUser('get', { user_metadata: { theme: 'dark' }, app_metadata: { plan: 'pro' } });
    const user = await management.users.get(id);
    assert.equal(user.user_id, id);
    assert.equal(user.email, email);
    assert.deepEqual(user.user_metadata, { theme: 'dark' });
    assert.deepEqual(user.app_metadata, { plan: 'pro' });
  });

  test('users.update merges root keys, replaces nested objects and deletes null keys', async () => {
    const { id } = await createUser('update', { user_metadata: { theme: 'dark', drop: 'me', consent: { given: true, purposes: { terms: true } } } });
    const updated = await management.users.update(id, { user_metadata: { consent: { given: false }, drop: null, locale: 'de' } });
    assert.deepEqual(updated.user_metadata, { theme: 'dark', consent: { given: false }, locale: 'de' });
    assert.deepEqual((await management.users.get(id)).user_metadata, { theme: 'dark', consent: { given: false }, locale: 'de' });
  });

  test('users.update with an empty user_metadata clears it', async () => {
    const { id } = await createUser('clear', { user_metadata: { theme: 'dark' } });
    const updated = await management.users.update(id, { user_metadata: {} });
    assert.deepEqual(updated.user_metadata ?? {}, {});
  });

  test('users.update writes app_metadata with the same merge rules', async () => {
    const { id } = await createUser('app', { app_metadata: { plan: 'pro', consent: { source: 'signup' } } });
    const updated = await management.users.update(id, { app_metadata: { consent: { source: 'server' } } });
    assert.deepEqual(updated.app_metadata, { plan: 'pro', consent: { source: 'server' } });
  });

  test('users.update refuses a metadata field name containing "." or "$"', async () => {
    const { id } = await createUser('dotted');
    for (const name of ['consent.given', '$where']) {
      const error = await managementError(() => management.users.update(id, { user_metadata: { [name]: true } }));
      assert.equal(error.statusCode, 400, name);
      expectManagementError(error.body, 400);
    }
  });

  test('users.update refuses a reserved app_metadata key', async () => {
    const { id } = await createUser('reserved');
    const error = await managementError(() => management.users.update(id, { app_metadata: { blocked: true } }));
    assert.equal(error.statusCode, 400);
    expectManagementError(error.body, 400);
  });

  test('users.delete removes the user, then users.get fails with 404 inexistent_user', async () => {
    const { id } = await createUser('delete');
    await management.users.delete(id);
    const error = await managementError(() => management.users.get(id));
    assert.equal(error.statusCode, 404);
    const body = expectManagementError(error.body, 404);
    assert.equal(body.errorCode, 'inexistent_user');
  });

  test('users.listUsersByEmail returns an array with the user', async () => {
    const { id, email } = await createUser('by-email');
    const users = await management.users.listUsersByEmail({ email });
    assert.ok(Array.isArray(users));
    assert.deepEqual(
      users.map((user) => user.user_id),
      [id],
    );
  });

  test('users.listUsersByEmail with fields returns only those fields', async () => {
    const { id, email } = await createUser('fields', { user_metadata: { theme: 'dark' } });
    const users = await management.users.listUsersByEmail({ email, fields: 'user_id,user_metadata', include_fields: true });
    assert.deepEqual(users, [{ user_id: id, user_metadata: { theme: 'dark' } }]);
  });

  test('users.listUsersByEmail returns an empty array for an unknown email', async () => {
    assert.deepEqual(await management.users.listUsersByEmail({ email: uniqueEmail('nobody') }), []);
  });
});

describe('ManagementClient jobs', () => {
  test('a users export completes and its gzipped file lists the user', async () => {
    const { id, email } = await createUser('export', { user_metadata: { theme: 'dark' } });
    const job = await management.jobs.usersExports.create({ format: 'json', fields: [{ name: 'user_id' }, { name: 'email' }, { name: 'user_metadata' }] });
    assert.equal(typeof job.id, 'string');

    let status: Management.GetJobResponseContent = await management.jobs.get(job.id!);
    for (let attempt = 0; status.status !== 'completed' && attempt < 50; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await management.jobs.get(job.id!);
    }
    assert.equal(status.status, 'completed');
    assert.equal(typeof status.location, 'string');

    const download = await target.fetch(status.location!);
    assert.equal(download.status, 200);
    // Auth0 serves the export gzipped, one JSON object per line.
    const lines = gunzipSync(Buffer.from(await download.arrayBuffer()))
      .toString('utf8')
      .trim()
      .split('\n');
    const rows = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const row = rows.find((entry) => entry.user_id === id);
    assert.ok(row, `user ${id} not in the export`);
    assert.equal(row.email, email);
    assert.deepEqual(row.user_metadata, { theme: 'dark' });
  });
});

describe('ManagementClient and rate limits', () => {
  test('a 429 surfaces as a ManagementError with the rate-limit headers when retries are off', async (t) => {
    const faults = target.faults;
    if (!faults) return t.skip('rate limits can only be provoked on the emulator');
    const { id } = await createUser('limited');
    await faults.set([{ path: '/api/v2/users/*', method: 'GET', kind: 'status', status: 429, times: 1, retryAfterSeconds: 1 }]);
    t.after(() => faults.clear());
    const error = await managementError(() => management.users.get(id, {}, { maxRetries: 0 }));
    assert.equal(error.statusCode, 429);
    const headers = error.rawResponse?.headers;
    assert.equal(headers?.get('retry-after'), '1');
    for (const name of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) assert.match(headers?.get(name) ?? '', /^\d+$/, name);
  });

  test('a 429 with Retry-After is retried by the SDK and then succeeds', async (t) => {
    const faults = target.faults;
    if (!faults) return t.skip('rate limits can only be provoked on the emulator');
    const { id } = await createUser('retried');
    const statuses: number[] = [];
    const watching = new ManagementClient({
      domain: target.domain,
      clientId: target.m2m.clientId,
      clientSecret: target.m2m.clientSecret,
      fetch: async (input, init) => {
        const response = await target.fetch(input, init);
        if (String(input instanceof Request ? input.url : input).includes('/api/v2/users/')) statuses.push(response.status);
        return response;
      },
    });
    await faults.set([{ path: '/api/v2/users/*', method: 'GET', kind: 'status', status: 429, times: 1, retryAfterSeconds: 1 }]);
    t.after(() => faults.clear());
    assert.equal((await watching.users.get(id)).user_id, id);
    assert.deepEqual(statuses, [429, 200]);
  });
});
