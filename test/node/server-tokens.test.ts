/**
 * @assent/server authentication: only RS256 access tokens of the tenant, for the configured
 * audience, in their validity window, naming a user, are accepted; and the handler acts on the
 * token's `sub` alone, so a token for user A can never read or change user B.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { SignJWT, exportSPKI, generateKeyPair, importJWK, type JWK } from 'jose';
import { API_AUDIENCE, startServerFixture, type ServerFixture, type TestUser } from './server-fixture.js';

let fixture: ServerFixture;
let alice: TestUser;
let bob: TestUser;
let aliceToken: string;
const now = () => Math.floor(Date.now() / 1000);

before(async () => {
  fixture = await startServerFixture();
  [alice, bob] = await Promise.all([fixture.signup({ accepted: ['terms', 'marketing'] }), fixture.signup()]);
  aliceToken = await fixture.userToken(alice);
});
after(() => fixture?.close());

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The claims of a valid token for `sub`. */
function claims(sub: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { iss: fixture.emulator.tenant.issuer, aud: API_AUDIENCE, sub, iat: now(), exp: now() + 600, ...extra };
}

/** GET /consent with `token`; asserts 401 invalid_token and returns the message. */
async function refused(token: string | undefined): Promise<string> {
  const response = await fixture.call('/consent', token === undefined ? {} : { token });
  assert.equal(response.status, 401);
  assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer error="invalid_token"/);
  const body = (await response.json()) as { error: string; message: string };
  assert.equal(body.error, 'invalid_token');
  return body.message;
}

describe('bearer tokens', () => {
  test('a user access token of the tenant reads that user’s consent', async () => {
    const response = await fixture.call('/consent', { token: aliceToken });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { user_id: string; status: string };
    assert.equal(body.user_id, alice.userId);
    assert.equal(body.status, 'given');
  });

  test('a token minted with the tenant key and valid claims is accepted (the minting is faithful)', async () => {
    const response = await fixture.call('/consent', { token: await fixture.mintToken(claims(alice.userId)) });
    assert.equal(response.status, 200);
  });

  test('accepts the scheme in any letter case, as RFC 7235 says ("bearer", "BEARER")', async () => {
    for (const scheme of ['bearer', 'BEARER', 'BeArEr']) {
      const response = await fixture.call('/consent', { headers: { authorization: `${scheme} ${aliceToken}` } });
      assert.equal(response.status, 200, scheme);
    }
  });

  test('refuses a request without a token', async () => {
    assert.match(await refused(undefined), /Missing Authorization/);
  });

  test('refuses an Authorization header that is not "Bearer <JWT>"', async () => {
    const response = await fixture.call('/consent', { headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } });
    assert.equal(response.status, 401);
    assert.match(((await response.json()) as { message: string }).message, /must be "Bearer <JWT>"/);
  });

  test('refuses a forged token: another user’s sub under a real signature', async () => {
    const [header, , signature] = aliceToken.split('.');
    const payload = JSON.parse(Buffer.from(aliceToken.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    assert.match(await refused(`${header}.${base64url({ ...payload, sub: bob.userId })}.${signature}`), /signature is invalid/);
  });

  test('refuses an expired token', async () => {
    assert.match(await refused(await fixture.mintToken(claims(alice.userId, { iat: now() - 3600, exp: now() - 60 }))), /expired/);
  });

  test('refuses a token that is not valid yet (nbf in the future)', async () => {
    assert.match(await refused(await fixture.mintToken(claims(alice.userId, { nbf: now() + 300 }))), /not valid yet/);
  });

  test('refuses a real token of the tenant issued for another audience (the Management API)', async () => {
    const managementToken = await fixture.userToken(alice, fixture.emulator.tenant.managementAudience);
    assert.match(await refused(managementToken), /another audience/);
  });

  test('refuses a token of another issuer signed with the tenant key', async () => {
    assert.match(await refused(await fixture.mintToken(claims(alice.userId, { iss: 'https://evil.example/' }))), /another issuer/);
  });

  test('refuses an unsigned token (alg none)', async () => {
    assert.match(await refused(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims(alice.userId))}.`), /not signed with RS256/);
  });

  test('refuses HS256 "signed" with the tenant’s public key (PEM and JWK forms)', async () => {
    const jwks = (await (await fixture.fetch(`${fixture.emulator.url}/.well-known/jwks.json`)).json()) as { keys: (JWK & { kid: string })[] };
    const jwk = jwks.keys[0]!;
    const pem = await exportSPKI((await importJWK(jwk, 'RS256')) as CryptoKey);
    for (const secret of [pem, JSON.stringify(jwk), jwk.n!]) {
      const input = `${base64url({ alg: 'HS256', typ: 'JWT', kid: jwk.kid })}.${base64url(claims(alice.userId))}`;
      const token = `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
      assert.match(await refused(token), /not signed with RS256/);
    }
  });

  test('refuses a token signed by a key the tenant does not have (unknown kid)', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT(claims(alice.userId)).setProtectedHeader({ alg: 'RS256', kid: 'not-a-tenant-key' }).sign(privateKey);
    assert.match(await refused(token), /key the tenant does not have/);
  });

  test('refuses a token signed by another key under the tenant’s kid', async () => {
    const jwks = (await (await fixture.fetch(`${fixture.emulator.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT(claims(alice.userId)).setProtectedHeader({ alg: 'RS256', kid: jwks.keys[0]!.kid }).sign(privateKey);
    assert.match(await refused(token), /signature is invalid/);
  });

  test('refuses a machine token (client credentials): it speaks for no user', async () => {
    assert.match(await refused(await fixture.mintToken(claims('assent-demo-m2m@clients', { gty: 'client-credentials' }))), /machine token/);
  });

  test('refuses a token without a sub', async () => {
    const { sub: _sub, ...rest } = claims(alice.userId);
    assert.match(await refused(await fixture.mintToken(rest)), /"sub" claim|no user subject/);
  });
});

describe('one user, one token', () => {
  test('a token for user A never reads user B, whatever the request names', async () => {
    for (const path of [`/consent?user_id=${encodeURIComponent(bob.userId)}`, `/consent?sub=${encodeURIComponent(bob.userId)}`]) {
      const response = await fixture.call(path, { token: aliceToken });
      assert.equal(((await response.json()) as { user_id: string }).user_id, alice.userId, path);
    }
    const byPath = await fixture.call(`/consent/${encodeURIComponent(bob.userId)}`, { token: aliceToken });
    assert.equal(byPath.status, 404);
    const exported = (await (await fixture.call(`/consent/export?user_id=${encodeURIComponent(bob.userId)}`, { token: aliceToken })).json()) as { record: Record<string, Record<string, unknown>> };
    assert.equal(exported.record['dpv:hasDataSubject']!['dct:identifier'], alice.userId);
  });

  test('a token for user A never changes user B: fields naming a user are refused and B stays as it was', async () => {
    const before = await fixture.management.users.get(bob.userId);
    for (const body of [{ user_id: bob.userId }, { sub: bob.userId, purposes: ['marketing'] }, { purposes: ['marketing'], erase: 'flag', userId: bob.userId }]) {
      const response = await fixture.call('/consent/withdraw', { token: aliceToken, body });
      assert.equal(response.status, 400, JSON.stringify(body));
      const error = (await response.json()) as { error: string; field: string };
      assert.equal(error.error, 'invalid_request');
      assert.match(error.field, /^(user_id|sub|userId)$/);
    }
    const decision = { ...alice.decision };
    const recorded = await fixture.call('/consent', { token: aliceToken, body: { decision, user_id: bob.userId } });
    assert.equal(recorded.status, 400);
    // A withdrawal with A's token changes A only.
    const withdrawn = await fixture.call('/consent/withdraw', { token: aliceToken, body: { purposes: ['marketing'] } });
    assert.equal(withdrawn.status, 200);
    assert.equal(((await withdrawn.json()) as { user_id: string }).user_id, alice.userId);
    const after = await fixture.management.users.get(bob.userId);
    assert.deepEqual(after.app_metadata, before.app_metadata);
    assert.deepEqual(after.user_metadata, before.user_metadata);
  });

  test('a token minted for B with a key the tenant does not have cannot touch B', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT(claims(bob.userId)).setProtectedHeader({ alg: 'RS256', kid: 'attacker' }).sign(privateKey);
    const response = await fixture.call('/consent/withdraw', { token, body: { erase: 'flag' } });
    assert.equal(response.status, 401);
    assert.equal((await fixture.management.users.get(bob.userId)).app_metadata?.deleted, undefined);
  });
});
