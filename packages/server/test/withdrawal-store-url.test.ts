import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError, createConsentHandler, parseWithdrawalStoreUrl } from '../src/index.js';
import { WithdrawalLogFileError, openWithdrawalStore } from '../src/node/index.js';

const base = {
  auth0: { domain: 'acme.eu.auth0.com', clientId: 'id', clientSecret: 'secret' },
  audience: 'https://api.acme.example/',
  policy: {
    id: 'acme',
    version: '1',
    controller: { name: 'Acme', contact: 'privacy@acme.example' },
    documents: [{ id: 'terms', url: 'https://acme.example/terms', version: '1' }],
    purposes: [{ id: 'terms', required: true, basis: 'contract', documents: ['terms'] }],
  },
};

const refusedWith = (pattern: RegExp) => (error: unknown) => error instanceof ConfigError && error.path === 'withdrawalLog' && pattern.test(error.message);

test('a withdrawal log URL picks the backend: file:, sqlite: or postgres://', () => {
  assert.deepEqual(parseWithdrawalStoreUrl('file:/var/lib/assent/w.jsonl'), { backend: 'file', path: '/var/lib/assent/w.jsonl' });
  assert.deepEqual(parseWithdrawalStoreUrl('file:///var/lib/assent/w%20x.jsonl'), { backend: 'file', path: '/var/lib/assent/w x.jsonl' });
  assert.deepEqual(parseWithdrawalStoreUrl('sqlite:data/w.db'), { backend: 'sqlite', path: 'data/w.db' });
  assert.deepEqual(parseWithdrawalStoreUrl('postgresql://app:s3cret@db.internal:5432/assent'), {
    backend: 'postgres',
    connectionString: 'postgresql://app:s3cret@db.internal:5432/assent',
    redacted: 'postgresql://app:***@db.internal:5432/assent',
  });
});

test('the handler refuses an unknown scheme at start, naming the option and never echoing a password', () => {
  assert.throws(
    () => createConsentHandler({ ...base, withdrawalLog: 'mysql://root:hunter2@db/assent' }),
    (error: unknown) => refusedWith(/file:, sqlite: or postgres:\/\//)(error) && !/hunter2/.test((error as Error).message),
  );
});

test('the handler refuses an in-memory SQLite database (nothing would be kept) and a URL without a path or host', () => {
  assert.throws(() => createConsentHandler({ ...base, withdrawalLog: 'sqlite::memory:' }), refusedWith(/in-memory/));
  assert.throws(() => createConsentHandler({ ...base, withdrawalLog: 'file:' }), refusedWith(/file path/));
  assert.throws(() => createConsentHandler({ ...base, withdrawalLog: 'file://host/var/log' }), refusedWith(/local path/));
  assert.throws(() => createConsentHandler({ ...base, withdrawalLog: 'postgres:///assent' }), refusedWith(/needs a host/));
});

test('a SQLite withdrawal log is created readable by its owner only (0600), in WAL mode', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'assent-sqlite-'));
  try {
    const store = await openWithdrawalStore(`sqlite:${join(dir, 'nested', 'w.db')}`);
    await store.append({
      type: 'assent-withdrawal',
      format: 1,
      event_id: 'e1',
      at: '2026-11-23T10:00:00.000Z',
      user_id: 'auth0|a',
      email_sha256: null,
      erase: 'delete',
      purposes: [],
      policy: null,
      consent: null,
    });
    assert.equal((await stat(join(dir, 'nested', 'w.db'))).mode & 0o777, 0o600);
    assert.equal((await stat(join(dir, 'nested', 'w.db-wal'))).mode & 0o777, 0o600);
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a symbolic link at the SQLite path is refused with an error naming it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'assent-sqlite-'));
  try {
    await writeFile(join(dir, 'elsewhere.db'), '');
    await symlink(join(dir, 'elsewhere.db'), join(dir, 'w.db'));
    await assert.rejects(openWithdrawalStore(`sqlite:${join(dir, 'w.db')}`), (error: unknown) => error instanceof WithdrawalLogFileError && /symbolic link/.test(error.message));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
