import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { createUser, m2mToken, management, once, uniqueEmail, useEmulator } from './helpers.js';

const emulator = useEmulator({ tenant: { name: 'exports-test' } });
const token = once(() => m2mToken(emulator.current));

async function runExport(body: unknown): Promise<{ job: Record<string, unknown>; text: string }> {
  const created = await management(emulator.current, 'POST', '/jobs/users-exports', await token(), body);
  assert.equal(created.status, 201);
  const pending = (await created.json()) as Record<string, unknown>;
  assert.equal(pending.status, 'pending');
  assert.equal(pending.type, 'users_export');
  let job = pending;
  for (let attempt = 0; attempt < 50 && job.status !== 'completed'; attempt += 1) {
    job = (await (await management(emulator.current, 'GET', `/jobs/${String(pending.id)}`, await token())).json()) as Record<string, unknown>;
  }
  assert.equal(job.status, 'completed');
  const file = await fetch(String(job.location));
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-type'), 'application/gzip');
  return { job, text: gunzipSync(Buffer.from(await file.arrayBuffer())).toString('utf8') };
}

describe('users export jobs', () => {
  test('a CSV export is a gzipped file named after the tenant, with a header row and export_as names', async () => {
    const { email, userId } = await createUser(emulator.current, uniqueEmail(), { user_metadata: { consent_locale: 'de' } });
    const { job, text } = await runExport({
      format: 'csv',
      fields: [{ name: 'user_id' }, { name: 'email' }, { name: 'user_metadata.consent_locale', export_as: 'locale' }, { name: 'identities[0].connection', export_as: 'provider' }],
    });
    assert.match(String(job.location), /\/exports-test\.csv\.gz$/);
    const lines = text.trim().split('\n');
    assert.equal(lines[0], 'user_id,email,locale,provider');
    assert.ok(lines.includes(`${userId},${email},de,Username-Password-Authentication`));
  });

  test('a JSON export is NDJSON with whole metadata objects', async () => {
    const { userId } = await createUser(emulator.current, uniqueEmail(), { user_metadata: { consent_policy: 'acme@1' } });
    const { text } = await runExport({ format: 'json', fields: [{ name: 'user_id' }, { name: 'user_metadata' }] });
    const rows = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(
      rows.find((row) => row.user_id === userId),
      { user_id: userId, user_metadata: { consent_policy: 'acme@1' } },
    );
  });

  test('a job for an unknown connection_id is refused', async () => {
    const response = await management(emulator.current, 'POST', '/jobs/users-exports', await token(), { connection_id: 'con_nope', format: 'csv' });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { errorCode: string }).errorCode, 'inexistent_connection');
  });

  test('an unknown job id answers 404', async () => {
    const response = await management(emulator.current, 'GET', '/jobs/job_nope', await token());
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { errorCode: string }).errorCode, 'inexistent_job');
  });
});
