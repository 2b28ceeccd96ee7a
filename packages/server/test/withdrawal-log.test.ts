import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { WithdrawalRecord } from '../src/index.js';
import { WithdrawalLogFileError, jsonLinesWithdrawalLog } from '../src/node/index.js';

function record(userId: string, eventId: string): WithdrawalRecord {
  return {
    type: 'assent-withdrawal',
    format: 1,
    event_id: eventId,
    at: '2026-11-23T10:00:00.000Z',
    user_id: userId,
    email_sha256: null,
    erase: 'delete',
    purposes: ['terms'],
    policy: 'acme@1',
    consent: null,
  };
}

async function withDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'assent-log-'));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('appends one JSON line per record and keeps the lines already there', () =>
  withDir(async (dir) => {
    const path = join(dir, 'withdrawals.jsonl');
    await writeFile(path, `${JSON.stringify(record('auth0|old', 'e0'))}\n`);
    const log = jsonLinesWithdrawalLog(path);
    await log.append(record('auth0|a', 'e1'));
    await log.append(record('auth0|b', 'e2'));
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    assert.deepEqual(
      lines.map((line) => (JSON.parse(line) as WithdrawalRecord).event_id),
      ['e0', 'e1', 'e2'],
    );
  }));

test('concurrent appends never interleave: every line is a whole record', () =>
  withDir(async (dir) => {
    const path = join(dir, 'nested', 'withdrawals.jsonl');
    const log = jsonLinesWithdrawalLog(path);
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.append(record(`auth0|${i}`, `event-${i}`))));
    const ids = (await readFile(path, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as WithdrawalRecord).event_id);
    assert.equal(ids.length, 50);
    assert.equal(new Set(ids).size, 50);
  }));

test('a failed append rejects, and the same log appends again once the disk is usable', () =>
  withDir(async (dir) => {
    const blocked = join(dir, 'logs');
    await writeFile(blocked, 'a file where the log directory should be');
    const log = jsonLinesWithdrawalLog(join(blocked, 'withdrawals.jsonl'));
    await assert.rejects(log.append(record('auth0|a', 'e1')));
    await rm(blocked);
    await log.append(record('auth0|b', 'e2'));
    assert.match(await readFile(join(blocked, 'withdrawals.jsonl'), 'utf8'), /"e2"/);
  }));

test('creates the log readable by its owner only (0600)', () =>
  withDir(async (dir) => {
    const path = join(dir, 'withdrawals.jsonl');
    await jsonLinesWithdrawalLog(path).append(record('auth0|a', 'e1'));
    assert.equal((await stat(path)).mode & 0o777, 0o600);
  }));

test('tightens an existing log with looser permissions to 0600, keeping its lines', () =>
  withDir(async (dir) => {
    const path = join(dir, 'withdrawals.jsonl');
    await writeFile(path, `${JSON.stringify(record('auth0|old', 'e0'))}\n`, { mode: 0o644 });
    await chmod(path, 0o644);
    await jsonLinesWithdrawalLog(path).append(record('auth0|a', 'e1'));
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    assert.equal((await readFile(path, 'utf8')).trimEnd().split('\n').length, 2);
  }));

test('refuses a symbolic link at the log path with an error naming it, and writes nothing through it', () =>
  withDir(async (dir) => {
    const target = join(dir, 'elsewhere.jsonl');
    await writeFile(target, '');
    const path = join(dir, 'withdrawals.jsonl');
    await symlink(target, path);
    await assert.rejects(
      jsonLinesWithdrawalLog(path).append(record('auth0|a', 'e1')),
      (error: unknown) => error instanceof WithdrawalLogFileError && error.path === path && /symbolic link/.test(error.message),
    );
    assert.equal(await readFile(target, 'utf8'), '');
  }));
