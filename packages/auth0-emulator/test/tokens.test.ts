import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { startEmulator } from '../src/index.js';
import { M2M, M2M_SECRET, claims, createUser, m2mToken, management, once, path, postJson, useEmulator } from './helpers.js';

let clock = Date.now();
const emulator = useEmulator({
  now: () => clock,
  tenant: {
    clients: [
      { client_id: 'assent-demo-spa', callbacks: ['http://localhost:5173/'] },
      {
        client_id: M2M,
        app_type: 'non_interactive',
        client_secret: M2M_SECRET,
        grants: [{ scope: ['read:users'] }, { audience: 'https://api.example/', scope: ['read:things'] }],
      },
    ],
    resource_servers: [{ identifier: 'https://api.example/', scopes: ['read:things'] }],
  },
});
const user = once(() => createUser(emulator.current));

function unsigned(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}

async function expectUnauthorized(token: string, message: string | RegExp): Promise<void> {
  const { userId } = await user();
  const response = await management(emulator.current, 'GET', path(userId), token);
  assert.equal(response.status, 401);
  const body = (await response.json()) as { statusCode: number; error: string; message: string };
  assert.equal(body.statusCode, 401);
  assert.equal(body.error, 'Unauthorized');
  if (typeof message === 'string') assert.equal(body.message, message);
  else assert.match(body.message, message);
}

describe('access token verification on the Management API', () => {
  test('accepts a token it issued', async () => {
    const { userId } = await user();
    const response = await management(emulator.current, 'GET', path(userId), await m2mToken(emulator.current));
    assert.equal(response.status, 200);
  });

  test('refuses an unsigned token (alg none)', async () => {
    const valid = claims(await m2mToken(emulator.current));
    await expectUnauthorized(unsigned(valid), 'Invalid token');
  });

  test('refuses an HS256 token signed with the client secret (algorithm confusion)', async () => {
    const valid = claims(await m2mToken(emulator.current));
    const forged = await new SignJWT(valid).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(M2M_SECRET));
    await expectUnauthorized(forged, 'Invalid token');
  });

  test('refuses a token whose payload was altered', async () => {
    const [header, , signature] = (await m2mToken(emulator.current)).split('.');
    const payload = Buffer.from(JSON.stringify({ ...claims(await m2mToken(emulator.current)), scope: 'read:users delete:users' })).toString('base64url');
    await expectUnauthorized(`${header}.${payload}.${signature}`, 'Invalid signature received for JSON Web Token validation');
  });

  test('refuses an expired token', async () => {
    const token = await m2mToken(emulator.current);
    const expiresIn = (claims(token).exp as number) - (claims(token).iat as number);
    const issuedAt = clock;
    clock += (expiresIn + 1) * 1000;
    try {
      await expectUnauthorized(token, 'Expired token received for JSON Web Token validation');
    } finally {
      clock = issuedAt;
    }
  });

  test('refuses a token for another audience', async () => {
    const response = await postJson(`${emulator.current.url}/oauth/token`, { grant_type: 'client_credentials', client_id: M2M, client_secret: M2M_SECRET, audience: 'https://api.example/' });
    const { access_token: token } = (await response.json()) as { access_token: string };
    assert.equal(claims(token).aud, 'https://api.example/');
    await expectUnauthorized(token, 'Bad audience: https://api.example/');
  });

  test('refuses a malformed token', async () => {
    await expectUnauthorized('not.a.jwt', 'Invalid token');
  });

  test("a client-credentials token carries Auth0's claims", async () => {
    const payload = claims(await m2mToken(emulator.current));
    assert.equal(payload.iss, `${emulator.current.url}/`);
    assert.equal(payload.sub, `${M2M}@clients`);
    assert.equal(payload.aud, emulator.current.tenant.managementAudience);
    assert.equal(payload.azp, M2M);
    assert.equal(payload.gty, 'client-credentials');
    assert.equal(payload.scope, 'read:users');
  });
});

test('refuses a token from the same key but another issuer (the emulator restarted on another port)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'assent-emulator-issuer-'));
  const dataFile = join(dir, 'state.json');
  try {
    const first = await startEmulator({ port: 0, dataFile });
    const { userId } = await createUser(first);
    const token = await m2mToken(first);
    await first.stop();
    const second = await startEmulator({ port: 0, dataFile });
    try {
      const response = await management(second, 'GET', path(userId), token);
      assert.equal(response.status, 401);
      assert.equal(((await response.json()) as { message: string }).message, `Bad issuer: ${first.url}/`);
    } finally {
      await second.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
