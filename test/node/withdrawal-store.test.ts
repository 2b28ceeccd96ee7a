/**
 * Every withdrawal store backend keeps the same contract (test/support/withdrawal-store-contract.ts):
 * the JSON Lines file, SQLite, and PostgreSQL on a real server this test starts itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { startPostgres, type RunningPostgres } from '@assent/testkit/postgres';
import { withdrawalStoreContract } from '../support/withdrawal-store-contract.js';

let dir = '';
let postgres: RunningPostgres | undefined;
let databases = 0;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assent-stores-'));
  postgres = await startPostgres();
});
after(async () => {
  await postgres?.stop();
  await rm(dir, { recursive: true, force: true });
});

let files = 0;
withdrawalStoreContract('file', async () => `file:${join(dir, `log-${(files += 1)}.jsonl`)}`);
withdrawalStoreContract('sqlite', async () => `sqlite:${join(dir, `log-${(files += 1)}.db`)}`);
withdrawalStoreContract('postgres', async () => postgres!.createDatabase(`contract_${(databases += 1)}`));
