/**
 * The emulator's durability under concurrent load, on every test run (a shortened form of
 * `pnpm bench:emulator`): 20 clients for 2 s mixing signups, user reads and user_metadata PATCHes
 * on shared users, against an emulator in a child process with a data file. Timings are only
 * reported (test diagnostics), never asserted.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runLoadPhase, type LoadPhaseResult } from '@assent/testkit/durability';
import { serverErrors, verifyStateFile } from '@assent/testkit/load';

const CLIENTS = 20;
const DURATION_MS = 2_000;

function report(t: { diagnostic(message: string): void }, result: LoadPhaseResult): void {
  const { load } = result;
  t.diagnostic(
    `${load.requests} requests in ${(load.durationMs / 1000).toFixed(1)} s (${load.requestsPerSecond.toFixed(0)}/s), ` +
      `p50 ${load.latency.p50.toFixed(1)} ms, p99 ${load.latency.p99.toFixed(1)} ms, statuses ${JSON.stringify(load.statuses)}, ` +
      `${load.acknowledged.signups.length} signups and ${result.state.checkedPatches} patched keys acknowledged`,
  );
}

test('under concurrent load every request succeeds and every acknowledged write is in the state file', async (t) => {
  const result = await runLoadPhase({ clients: CLIENTS, durationMs: DURATION_MS });
  report(t, result);
  assert.equal(serverErrors(result.load), 0, `5xx answers: ${JSON.stringify(result.load.statuses)}`);
  assert.deepEqual(Object.keys(result.load.statuses), ['200'], `non-200 answers: ${JSON.stringify(result.load.statuses)}`);
  assert.equal(result.load.transportErrors, 0);
  assert.equal(result.state.invalidJson, undefined);
  assert.ok(result.load.acknowledged.signups.length > 0 && result.state.checkedPatches > 0, 'the load acknowledged no writes');
  assert.deepEqual(result.state.missing, []);
});

test('after a kill -9 in the middle of the load the state file is valid, holds every acknowledged write and starts a new emulator', async (t) => {
  // Killed after 1 s once a signup and a PATCH were acknowledged; a slow machine gets up to 10 s for that.
  const result = await runLoadPhase({ clients: CLIENTS, durationMs: 10_000, killAfterMs: DURATION_MS / 2 });
  report(t, result);
  assert.equal(serverErrors(result.load), 0, `5xx answers before the kill: ${JSON.stringify(result.load.statuses)}`);
  assert.equal(result.state.invalidJson, undefined, 'the state file is valid JSON');
  assert.ok(result.load.acknowledged.signups.length > 0 && result.state.checkedPatches > 0, 'no write was acknowledged before the kill');
  assert.deepEqual(result.state.missing, []);
  assert.equal(result.restartError, undefined, 'a new emulator starts from the file');
});

test('the state check reports acknowledged writes that the file lacks, and a torn file', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'assent-state-check-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'state.json');
  await writeFile(file, JSON.stringify({ users: [{ user_id: 'auth0|a', email: 'kept@assent.test', user_metadata: { load_c0: 3 } }] }));
  const acknowledged = { signups: ['kept@assent.test', 'lost@assent.test'], patches: new Map([['auth0|a', new Map([['load_c0', 4]])]]) };

  const exact = await verifyStateFile(file, acknowledged, { exact: true });
  assert.deepEqual(exact.missing, ['signup lost@assent.test', 'PATCH auth0|a user_metadata.load_c0: acknowledged 4, file has 3']);

  await writeFile(file, '{"users": [');
  assert.match((await verifyStateFile(file, acknowledged, { exact: false })).invalidJson ?? '', /JSON/);
});
