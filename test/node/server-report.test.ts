/**
 * The consent report (`assent-consent-report` / `runConsentReport`) against the emulator's
 * users-export job: one row per user with the status core computes, CSV or JSON Lines, progress
 * on stderr, and resumable after an interruption, a torn last line or an expired job.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { applyConsentEvent } from '@assent/core';
import { createConsentHandler } from '@assent/server';
import { ReportInterruptedError, runConsentReport, type ReportOptions } from '@assent/server/node';
import { uniqueEmail } from '../support/unique.js';
import { API_AUDIENCE, M2M, M2M_SECRET, POLICY, SOCIAL, SPA, startServerFixture, type ServerFixture } from './server-fixture.js';

const BIN = fileURLToPath(new URL('../../packages/server/bin/assent-consent-report.mjs', import.meta.url));

let fixture: ServerFixture;
let dir: string;
const expected = new Map<string, string>();

before(async () => {
  fixture = await startServerFixture();
  dir = await mkdtemp(join(tmpdir(), 'assent-report-'));
  // given (signup, copied at first login), withdrawn (through the server), outdated, none (social, no consent).
  const given = await fixture.signup({ accepted: ['terms', 'marketing'] });
  await fixture.userToken(given);
  expected.set(given.userId, 'given');
  const withdrawn = await fixture.signup();
  await fixture.call('/consent/withdraw', { token: await fixture.userToken(withdrawn), body: {} });
  expected.set(withdrawn.userId, 'withdrawn');
  const outdated = await fixture.signup();
  const old = applyConsentEvent(undefined, {
    id: 'old',
    event: 'given',
    at: new Date(Date.now() + 1000).toISOString(),
    version: '2025-06-01',
    purposes: ['terms'],
    source: 'server',
    policy: POLICY.id,
    hash: 'b'.repeat(64),
    locale: 'en',
    documents: { terms: '2.0', privacy: '2.0' },
  });
  await fixture.management.users.update(outdated.userId, { app_metadata: { consent: old } });
  expected.set(outdated.userId, 'outdated');
  const social = uniqueEmail('report-social');
  const params = new URLSearchParams({ client_id: SPA, response_type: 'code', redirect_uri: fixture.callback, connection: SOCIAL });
  const transaction = /name="state" value="([^"]+)"/.exec(await (await fixture.fetch(`${fixture.emulator.url}/authorize?${params}`)).text())![1]!;
  await fixture.fetch(`${fixture.emulator.url}/u/social`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ state: transaction, email: social }).toString(),
  });
  const [socialUser] = await fixture.management.users.listUsersByEmail({ email: social });
  expected.set(socialUser!.user_id!, 'none');
  for (let i = 0; i < 6; i += 1) expected.set((await fixture.signup()).userId, 'signup-only');
});
after(async () => {
  await fixture?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function options(output: string, extra: Partial<ReportOptions> = {}): ReportOptions {
  return { domain: fixture.emulator.tenant.domain, clientId: M2M, clientSecret: M2M_SECRET, policy: POLICY, output, format: 'csv', pollIntervalMs: 20, fetch: fixture.fetch, ...extra };
}

function parseCsv(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trimEnd().split('\r\n');
  const columns = head!.split(',');
  return lines.map((row) => Object.fromEntries(row.split(',').map((cell, i) => [columns[i]!, cell])));
}

describe('runConsentReport', () => {
  test('includes the deleted users from the withdrawal log (SQLite here, any backend by URL), one erased row each', async () => {
    const user = await fixture.signup({ accepted: ['terms', 'marketing'] });
    const token = await fixture.userToken(user);
    const log = `sqlite:${join(dir, 'withdrawals.db')}`;
    const handler = createConsentHandler({
      auth0: { domain: fixture.emulator.tenant.domain, clientId: M2M, clientSecret: M2M_SECRET },
      audience: API_AUDIENCE,
      policy: POLICY,
      fetch: fixture.fetch,
      withdrawalLog: log,
    });
    const erased = await handler.fetch(
      new Request('http://assent.test/consent/withdraw', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ erase: 'delete', eventId: 'report-erase' }),
      }),
    );
    await handler.close();
    assert.equal(erased.status, 200);
    const output = join(dir, 'report-with-log.jsonl');
    const result = await runConsentReport(options(output, { format: 'jsonl', withdrawalLog: log }));
    const rows = (await readFile(output, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, string>);
    assert.equal(rows.length, result.rows);
    const mine = rows.filter((row) => row.user_id === user.userId);
    assert.deepEqual(mine, [{ user_id: user.userId, email: '', status: 'erased', policy_version: 'acme-signup@2026-11-01', purposes: '', date: mine[0]?.date, source: 'withdrawal_log' }]);
    assert.match(mine[0]!.date!, /^\d{4}-\d\d-\d\dT/);
    assert.equal(rows.at(-1)?.user_id, user.userId, 'the log rows follow the users');
  });

  test('writes one CSV row per user with the status, policy version, purposes, date and source [EDPB records]', async () => {
    const output = join(dir, 'report.csv');
    const result = await runConsentReport(options(output));
    const rows = parseCsv(await readFile(output, 'utf8'));
    assert.equal(rows.length, result.rows);
    assert.deepEqual(Object.keys(rows[0]!), ['user_id', 'email', 'status', 'policy_version', 'purposes', 'date', 'source']);
    const byId = new Map(rows.map((row) => [row.user_id!, row]));
    for (const [id, status] of expected) {
      const row = byId.get(id);
      assert.ok(row, `${id} is in the report`);
      if (status === 'signup-only') {
        assert.deepEqual([row.status, row.source], ['given', 'signup'], id);
      } else {
        assert.equal(row.status, status, id);
      }
    }
    const given = [...expected].find(([, status]) => status === 'given')![0];
    assert.deepEqual([byId.get(given)!.policy_version, byId.get(given)!.purposes, byId.get(given)!.source], ['acme-signup@2026-11-01', 'terms marketing', 'app_metadata']);
    assert.match(byId.get(given)!.date!, /^\d{4}-\d\d-\d\dT/);
  });

  test('resumes after an interruption and a torn last line: every user exactly once, as a clean run writes it', async () => {
    const clean = join(dir, 'clean.jsonl');
    await runConsentReport(options(clean, { format: 'jsonl' }));

    const output = join(dir, 'resumed.jsonl');
    const controller = new AbortController();
    const interrupted = runConsentReport(
      options(output, {
        format: 'jsonl',
        checkpointEvery: 2,
        signal: controller.signal,
        onEvent: (event) => {
          if (event.phase === 'rows' && event.rows === 5) controller.abort();
        },
      }),
    );
    await assert.rejects(interrupted, (error: unknown) => error instanceof ReportInterruptedError && error.rows === 5);
    const checkpoint = JSON.parse(await readFile(`${output}.checkpoint.json`, 'utf8')) as { rows: number; job_id: string };
    assert.equal(checkpoint.rows, 5);
    // A crash in the middle of a write leaves half a line behind the checkpoint.
    await appendFile(output, '{"user_id":"auth0|torn","em');

    const events: string[] = [];
    const result = await runConsentReport(options(output, { format: 'jsonl', checkpointEvery: 2, onEvent: (event) => events.push(event.phase) }));
    assert.equal(result.resumedAt, 5);
    assert.equal(result.jobId, checkpoint.job_id, 'the same export job is reused');
    assert.equal(await readFile(output, 'utf8'), await readFile(clean, 'utf8'));
    await assert.rejects(readFile(`${output}.checkpoint.json`), /ENOENT/);
  });

  test('starts over with a new job when the checkpoint’s job has expired', async () => {
    const output = join(dir, 'expired.csv');
    await writeFile(output, 'user_id,email\r\nstale');
    await writeFile(
      `${output}.checkpoint.json`,
      JSON.stringify({ format: 'assent-consent-report-checkpoint', version: 1, job_id: 'job_expired', output, output_format: 'csv', rows: 1, bytes: 14, started_at: new Date().toISOString() }),
    );
    const events: string[] = [];
    const result = await runConsentReport(options(output, { onEvent: (event) => event.phase === 'restart' && events.push(event.reason) }));
    assert.match(events[0] ?? '', /no longer exists/);
    assert.equal(result.resumedAt, 0);
    assert.equal(parseCsv(await readFile(output, 'utf8')).length, result.rows);
  });

  test('refuses a checkpoint written for another output format', async () => {
    const output = join(dir, 'mismatch.csv');
    await writeFile(
      `${output}.checkpoint.json`,
      JSON.stringify({ format: 'assent-consent-report-checkpoint', version: 1, job_id: 'job_x', output, output_format: 'jsonl', rows: 0, bytes: 0, started_at: '' }),
    );
    await assert.rejects(runConsentReport(options(output)), /remove it to start a new report/);
  });
});

describe('the assent-consent-report command', () => {
  test('writes JSON Lines, shows progress on stderr and exits 0 (secret from the environment, CA from NODE_EXTRA_CA_CERTS)', async () => {
    const policyFile = join(dir, 'policy.json');
    await writeFile(policyFile, JSON.stringify(POLICY));
    const output = join(dir, 'cli.jsonl');
    const child = spawn(
      process.execPath,
      [BIN, '--domain', fixture.emulator.tenant.domain, '--client-id', M2M, '--policy', policyFile, '--output', output, '--format', 'jsonl', '--poll-interval', '20'],
      {
        env: { ...process.env, AUTH0_CLIENT_SECRET: M2M_SECRET, NODE_EXTRA_CA_CERTS: fixture.emulator.caCertPath! },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 0, stderr);
    assert.match(stderr, /export job job_\w+: completed/);
    assert.match(stderr, /users written/);
    assert.match(stderr, /done: \d+ users in /);
    const rows = (await readFile(output, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, string>);
    assert.ok(rows.length >= expected.size);
    assert.deepEqual(Object.keys(rows[0]!), ['user_id', 'email', 'status', 'policy_version', 'purposes', 'date', 'source']);
    assert.equal(stderr.includes(M2M_SECRET), false);
  });

  test('a missing secret is a usage error (exit 2) that says where the secret goes', async () => {
    const child = spawn(process.execPath, [BIN, '--domain', 'acme.eu.auth0.com', '--client-id', 'x', '--policy', 'p.json', '--output', 'o.csv'], {
      env: { ...process.env, AUTH0_CLIENT_SECRET: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    assert.equal(await new Promise((resolve) => child.on('exit', resolve)), 2);
    assert.match(stderr, /AUTH0_CLIENT_SECRET/);
  });

  test('a withdrawal log URL of an unknown kind is a usage error (exit 2) naming --withdrawal-log, without its password', async () => {
    const child = spawn(process.execPath, [BIN, '--domain', 'acme.eu.auth0.com', '--client-id', 'x', '--policy', 'p.json', '--output', 'o.csv', '--withdrawal-log', 'mysql://root:hunter2@db/assent'], {
      env: { ...process.env, AUTH0_CLIENT_SECRET: 'secret' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    assert.equal(await new Promise((resolve) => child.on('exit', resolve)), 2);
    assert.match(stderr, /--withdrawal-log: must start with file:, sqlite: or postgres:\/\//);
    assert.equal(stderr.includes('hunter2'), false);
  });
});
