import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { StateFileError, startEmulator } from '../src/index.js';
import { CONNECTION, PASSWORD, SPA, createUser, m2mToken, management, path, postJson, signup, uniqueEmail } from './helpers.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assent-emulator-state-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readState(file: string): Promise<{ users: { email: string; user_id: string; password_hash: string; user_metadata: Record<string, unknown> }[]; key: { kid: string } }> {
  return JSON.parse(await readFile(file, 'utf8'));
}

describe('persistence with a data file', () => {
  test('users, their passwords and metadata, and the signing key survive a restart', async () => {
    const dataFile = join(dir, 'restart.json');
    const first = await startEmulator({ port: 0, dataFile });
    const { email, userId } = await createUser(first, uniqueEmail(), { user_metadata: { consent_locale: 'de' } });
    const kid = ((await (await fetch(`${first.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] }).keys[0]?.kid;
    await first.stop();

    const second = await startEmulator({ port: 0, dataFile });
    try {
      const secondKid = ((await (await fetch(`${second.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] }).keys[0]?.kid;
      assert.equal(secondKid, kid);
      const login = await postJson(`${second.url}/oauth/token`, {
        grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
        client_id: SPA,
        username: email,
        password: PASSWORD,
        realm: CONNECTION,
      });
      assert.equal(login.status, 200);
      const user = (await (await management(second, 'GET', path(userId), await m2mToken(second))).json()) as { user_metadata: unknown };
      assert.deepEqual(user.user_metadata, { consent_locale: 'de' });
    } finally {
      await second.stop();
    }
  });

  test('the state file holds scrypt hashes, never the plain password', async () => {
    const dataFile = join(dir, 'hashes.json');
    const running = await startEmulator({ port: 0, dataFile });
    try {
      const { email } = await createUser(running);
      const text = await readFile(dataFile, 'utf8');
      assert.equal(text.includes(PASSWORD), false);
      const stored = (await readState(dataFile)).users.find((user) => user.email === email);
      assert.match(stored?.password_hash ?? '', /^scrypt\$4096\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    } finally {
      await running.stop();
    }
  });

  test('after a storm of concurrent writes the file is valid and holds every acknowledged write', async () => {
    const dataFile = join(dir, 'storm.json');
    const running = await startEmulator({ port: 0, dataFile });
    try {
      const token = await m2mToken(running);
      const { userId } = await createUser(running);
      const emails = Array.from({ length: 40 }, () => uniqueEmail('storm'));
      const results = await Promise.all([
        ...emails.map((email) => signup(running, { email, password: PASSWORD }).then((r) => r.status)),
        ...Array.from({ length: 40 }, (_, i) => management(running, 'PATCH', path(userId), token, { user_metadata: { [`k${i}`]: i } }).then((r) => r.status)),
      ]);
      assert.ok(
        results.every((status) => status === 200),
        JSON.stringify(results),
      );
      // Read while the emulator still runs: acknowledged means already on disk.
      const state = await readState(dataFile);
      const stored = new Set(state.users.map((user) => user.email));
      for (const email of emails) assert.ok(stored.has(email), `${email} is in the file`);
      assert.equal(Object.keys(state.users.find((user) => user.user_id === userId)?.user_metadata ?? {}).length, 40);
      assert.deepEqual(
        (await readdir(dirname(dataFile))).filter((name) => name.startsWith('storm.json.')),
        [],
      );
    } finally {
      await running.stop();
    }
  });

  test('refuses to start on a corrupt state file, and leaves it untouched', async () => {
    const dataFile = join(dir, 'corrupt.json');
    await writeFile(dataFile, '{"format": "assent-auth0-emulator-state", "version": 1, "users": [');
    await assert.rejects(startEmulator({ port: 0, dataFile }), (error: unknown) => {
      assert.ok(error instanceof StateFileError);
      assert.equal(error.path, dataFile);
      assert.match(error.message, /not valid JSON/);
      return true;
    });
    assert.equal(await readFile(dataFile, 'utf8'), '{"format": "assent-auth0-emulator-state", "version": 1, "users": [');
  });

  describe('a change whose write to the data file fails is answered 500 and not kept', () => {
    /** An emulator whose data file's folder is removed, so every later write fails until `restore()`. */
    async function failingWrites(name: string) {
      const folder = join(dir, name);
      await mkdir(folder);
      const running = await startEmulator({ port: 0, dataFile: join(folder, 'state.json') });
      const token = await m2mToken(running);
      const { email, userId } = await createUser(running, uniqueEmail(), { user_metadata: { consent_locale: 'de' } });
      return {
        running,
        token,
        email,
        userId,
        breakWrites: () => rm(folder, { recursive: true, force: true }),
        restore: () => mkdir(folder, { recursive: true }),
        byEmail: async (wanted: string) =>
          (await (await management(running, 'GET', `/users-by-email?email=${encodeURIComponent(wanted)}`, token)).json()) as { user_id: string; user_metadata?: unknown }[],
      };
    }

    test('a signup: no user is left behind', async () => {
      const tenant = await failingWrites('signup-fails');
      try {
        await tenant.breakWrites();
        const email = uniqueEmail();
        assert.equal((await signup(tenant.running, { email, password: PASSWORD })).status, 500);
        await tenant.restore();
        assert.deepEqual(await tenant.byEmail(email), []);
      } finally {
        await tenant.restore();
        await tenant.running.stop();
      }
    });

    test('a user created through the Management API: no user is left behind', async () => {
      const tenant = await failingWrites('create-fails');
      try {
        await tenant.breakWrites();
        const email = uniqueEmail();
        const created = await management(tenant.running, 'POST', '/users', tenant.token, { connection: CONNECTION, email, password: PASSWORD });
        assert.equal(created.status, 500);
        await tenant.restore();
        assert.deepEqual(await tenant.byEmail(email), []);
      } finally {
        await tenant.restore();
        await tenant.running.stop();
      }
    });

    test('a metadata change: the user keeps its previous metadata', async () => {
      const tenant = await failingWrites('patch-fails');
      try {
        await tenant.breakWrites();
        const patched = await management(tenant.running, 'PATCH', path(tenant.userId), tenant.token, { user_metadata: { consent_locale: 'fr' } });
        assert.equal(patched.status, 500);
        await tenant.restore();
        const user = (await (await management(tenant.running, 'GET', path(tenant.userId), tenant.token)).json()) as { user_metadata: unknown };
        assert.deepEqual(user.user_metadata, { consent_locale: 'de' });
      } finally {
        await tenant.restore();
        await tenant.running.stop();
      }
    });

    test('a delete: the user is still there', async () => {
      const tenant = await failingWrites('delete-fails');
      try {
        await tenant.breakWrites();
        assert.equal((await management(tenant.running, 'DELETE', path(tenant.userId), tenant.token)).status, 500);
        await tenant.restore();
        assert.deepEqual(
          (await tenant.byEmail(tenant.email)).map((user) => user.user_id),
          [tenant.userId],
        );
      } finally {
        await tenant.restore();
        await tenant.running.stop();
      }
    });
  });

  test('removes temporary files left by a killed process', async () => {
    const dataFile = join(dir, 'stale.json');
    await writeFile(`${dataFile}.12345.1.tmp`, '{"half": ');
    const running = await startEmulator({ port: 0, dataFile });
    await running.stop();
    assert.equal(existsSync(`${dataFile}.12345.1.tmp`), false);
    assert.equal(existsSync(dataFile), true);
  });
});

test('kill -9 in the middle of a write storm leaves a valid file with every acknowledged signup', async () => {
  const dataFile = join(dir, 'killed.json');
  const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'assent-auth0-emulator.mjs');
  const child = spawn(process.execPath, [bin, '--port', '0', '--data', dataFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /URL\s+(http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1] as string);
      });
      child.once('exit', (code) => reject(new Error(`emulator exited (${code}) before listening: ${output}`)));
    });
    const acknowledged: string[] = [];
    let killed = false;
    const storm = Array.from({ length: 60 }, async (_, i) => {
      const email = uniqueEmail(`kill${i}`);
      try {
        const response = await fetch(`${url}/dbconnections/signup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ client_id: SPA, connection: CONNECTION, email, password: PASSWORD }),
        });
        if (response.status === 200) acknowledged.push(email);
      } catch {
        // Requests in flight when the process dies fail: they were never acknowledged.
      }
      if (!killed && acknowledged.length >= 15) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    await Promise.all(storm);
    assert.ok(killed, 'the process was killed during the storm');
    const state = await readState(dataFile);
    const stored = new Set(state.users.map((user) => user.email));
    for (const email of acknowledged) assert.ok(stored.has(email), `${email} was acknowledged, so it is in the file`);

    const restarted = await startEmulator({ port: 0, dataFile });
    await restarted.stop();
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});
