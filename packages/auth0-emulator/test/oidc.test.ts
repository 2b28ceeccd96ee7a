import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { startEmulator } from '../src/index.js';
import { CONNECTION, PASSWORD, SPA, createUser, postJson, useEmulator } from './helpers.js';

const emulator = useEmulator();

describe('discovery, JWKS and /userinfo', () => {
  test('the discovery document points at this emulator', async () => {
    const doc = (await (await fetch(`${emulator.current.url}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    assert.equal(doc.issuer, `${emulator.current.url}/`);
    assert.equal(doc.jwks_uri, `${emulator.current.url}/.well-known/jwks.json`);
    assert.deepEqual(doc.id_token_signing_alg_values_supported, ['RS256']);
    assert.ok((doc.code_challenge_methods_supported as string[]).includes('S256'));
  });

  test('the JWKS holds one RS256 public key without private parts', async () => {
    const { keys } = (await (await fetch(`${emulator.current.url}/.well-known/jwks.json`)).json()) as { keys: Record<string, unknown>[] };
    assert.equal(keys.length, 1);
    assert.equal(keys[0]?.alg, 'RS256');
    assert.equal(keys[0]?.use, 'sig');
    assert.equal(keys[0]?.d, undefined);
    assert.equal(keys[0]?.p, undefined);
  });

  test("/userinfo returns the claims of the token's scopes", async () => {
    const { email, userId } = await createUser(emulator.current);
    const tokens = (await (
      await postJson(`${emulator.current.url}/oauth/token`, {
        grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
        client_id: SPA,
        username: email,
        password: PASSWORD,
        realm: CONNECTION,
        scope: 'openid email',
      })
    ).json()) as { access_token: string };
    const response = await fetch(`${emulator.current.url}/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    assert.deepEqual(await response.json(), { sub: userId, email, email_verified: false });
  });

  test('/userinfo refuses a missing or foreign token with 401', async () => {
    assert.equal((await fetch(`${emulator.current.url}/userinfo`)).status, 401);
    assert.equal((await fetch(`${emulator.current.url}/userinfo`, { headers: { authorization: 'Bearer abc.def.ghi' } })).status, 401);
  });
});

test('with https: true it serves TLS with a certificate signed by the CA it returns', async () => {
  const running = await startEmulator({ port: 0, https: true });
  try {
    assert.match(running.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(running.caCertPath);
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(`${running.url}/.well-known/openid-configuration`, { ca: running.caCert }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal((JSON.parse(body) as { issuer: string }).issuer, `${running.url}/`);
    await assert.rejects(
      new Promise((resolve, reject) => {
        const req = request(`${running.url}/.well-known/jwks.json`, resolve);
        req.on('error', reject);
        req.end();
      }),
      /self[- ]signed|unable to verify|certificate/i,
    );
  } finally {
    await running.stop();
  }
  assert.equal(existsSync(running.caCertPath ?? ''), false, 'the temporary certificate directory is removed by stop()');
});

test('a certDir keeps the same CA across starts, so it is trusted once', async () => {
  const certDir = await mkdtemp(join(tmpdir(), 'assent-emulator-tls-'));
  try {
    const first = await startEmulator({ port: 0, https: true, certDir });
    await first.stop();
    const second = await startEmulator({ port: 0, https: true, certDir });
    await second.stop();
    assert.equal(second.caCertPath, join(certDir, 'ca.pem'));
    assert.equal(second.caCert, first.caCert);
  } finally {
    await rm(certDir, { recursive: true, force: true });
  }
});
