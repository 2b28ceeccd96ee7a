import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CONNECTION, createUser, m2mToken, management, once, path, uniqueEmail, useEmulator } from './helpers.js';

const emulator = useEmulator();
const m2m = once(() => m2mToken(emulator.current));

async function getUser(userId: string): Promise<Record<string, unknown>> {
  const response = await management(emulator.current, 'GET', path(userId), await m2m());
  assert.equal(response.status, 200);
  return (await response.json()) as Record<string, unknown>;
}

async function patch(userId: string, body: unknown): Promise<Response> {
  return management(emulator.current, 'PATCH', path(userId), await m2m(), body);
}

describe('GET /api/v2/users/{id}', () => {
  test('returns the Auth0 user profile with identities and signup metadata', async () => {
    const { email, userId } = await createUser(emulator.current, uniqueEmail(), { user_metadata: { consent_locale: 'de' } });
    const user = await getUser(userId);
    assert.equal(user.user_id, userId);
    assert.equal(user.email, email);
    assert.equal(user.email_verified, false);
    assert.equal(user.name, email);
    assert.deepEqual(user.identities, [{ connection: CONNECTION, user_id: userId.slice('auth0|'.length), provider: 'auth0', isSocial: false }]);
    assert.deepEqual(user.user_metadata, { consent_locale: 'de' });
    assert.equal(user.app_metadata, undefined);
    assert.equal('password_hash' in user, false);
  });

  test('answers 404 inexistent_user for an unknown id', async () => {
    const response = await management(emulator.current, 'GET', path('auth0|000000000000000000000000'), await m2m());
    assert.equal(response.status, 404);
    assert.deepEqual(await response.json(), { statusCode: 404, error: 'Not Found', message: 'The user does not exist.', errorCode: 'inexistent_user' });
  });

  test('returns only the requested fields with fields=', async () => {
    const { userId, email } = await createUser(emulator.current);
    const response = await management(emulator.current, 'GET', `${path(userId)}?fields=email,user_id`, await m2m());
    assert.deepEqual(await response.json(), { email, user_id: userId });
  });

  test('leaves the named fields out with include_fields=false', async () => {
    const { userId } = await createUser(emulator.current);
    const response = await management(emulator.current, 'GET', `${path(userId)}?fields=identities,picture&include_fields=false`, await m2m());
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.identities, undefined);
    assert.equal(body.picture, undefined);
    assert.equal(body.user_id, userId);
  });
});

describe('PATCH /api/v2/users/{id} merge semantics', () => {
  test('merges root properties of user_metadata', async () => {
    const { userId } = await createUser(emulator.current, uniqueEmail(), { user_metadata: { a: '1', b: '2' } });
    const response = await patch(userId, { user_metadata: { b: 'two', c: 3 } });
    assert.equal(response.status, 200);
    assert.deepEqual(((await response.json()) as { user_metadata: unknown }).user_metadata, { a: '1', b: 'two', c: 3 });
  });

  test('replaces a nested object whole instead of merging it', async () => {
    const { userId } = await createUser(emulator.current);
    await patch(userId, { user_metadata: { consent: { given: true, purposes: { terms: true, marketing: true } } } });
    await patch(userId, { user_metadata: { consent: { given: false } } });
    assert.deepEqual((await getUser(userId)).user_metadata, { consent: { given: false } });
  });

  test('deletes a key sent as null', async () => {
    const { userId } = await createUser(emulator.current, uniqueEmail(), { user_metadata: { a: '1', b: '2' } });
    await patch(userId, { user_metadata: { a: null } });
    assert.deepEqual((await getUser(userId)).user_metadata, { b: '2' });
  });

  test('clears user_metadata when sent {}', async () => {
    const { userId } = await createUser(emulator.current, uniqueEmail(), { user_metadata: { a: '1' } });
    await patch(userId, { user_metadata: {} });
    assert.equal((await getUser(userId)).user_metadata, undefined);
  });

  test('merges app_metadata with the same rules', async () => {
    const { userId } = await createUser(emulator.current);
    await patch(userId, { app_metadata: { consent: { version: '1' }, plan: 'free' } });
    await patch(userId, { app_metadata: { consent: { version: '2' }, plan: null } });
    assert.deepEqual((await getUser(userId)).app_metadata, { consent: { version: '2' } });
  });

  test('refuses a metadata field name containing "." with 400 invalid_body', async () => {
    const { userId } = await createUser(emulator.current);
    const response = await patch(userId, { user_metadata: { consent: { 'terms.v1': true } } });
    assert.equal(response.status, 400);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.errorCode, 'invalid_body');
    assert.match(String(body.message), /user_metadata\.consent\.terms\.v1/);
  });

  test('refuses metadata nested thousands deep with 400 invalid_body, not a server error', async () => {
    const { userId } = await createUser(emulator.current);
    // Within the 10 KB limit: 3000 levels of {"a":…} take about 18 KB of JSON, so 1600 levels.
    const deep = '{"a":'.repeat(1600) + '1' + '}'.repeat(1600);
    const response = await patch(userId, { user_metadata: { consent: JSON.parse(deep) as unknown } });
    assert.equal(response.status, 400);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.errorCode, 'invalid_body');
    assert.match(String(body.message), /nested/);
  });

  test('refuses metadata over the size limit', async () => {
    const { userId } = await createUser(emulator.current);
    const response = await patch(userId, { user_metadata: { history: 'x'.repeat(11_000) } });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { errorCode: string }).errorCode, 'invalid_body');
  });

  test('refuses an unknown property', async () => {
    const { userId } = await createUser(emulator.current);
    const response = await patch(userId, { favourite_colour: 'blue' });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), {
      statusCode: 400,
      error: 'Bad Request',
      message: "Payload validation error: 'Additional properties not allowed: favourite_colour'.",
      errorCode: 'invalid_body',
    });
  });

  test("keeps every concurrent writer's distinct root key", async () => {
    const { userId } = await createUser(emulator.current);
    await Promise.all(Array.from({ length: 20 }, (_, i) => patch(userId, { user_metadata: { [`k${i}`]: i } })));
    assert.equal(Object.keys((await getUser(userId)).user_metadata as object).length, 20);
  });
});

describe('DELETE, POST and users-by-email', () => {
  test('deletes a user with an empty 204 answer', async () => {
    const { userId } = await createUser(emulator.current);
    const response = await management(emulator.current, 'DELETE', path(userId), await m2m());
    assert.equal(response.status, 204);
    assert.equal(await response.text(), '');
    assert.equal((await management(emulator.current, 'GET', path(userId), await m2m())).status, 404);
  });

  test('answers 404 when deleting an unknown user', async () => {
    const response = await management(emulator.current, 'DELETE', path('auth0|nobody'), await m2m());
    assert.equal(response.status, 404);
  });

  test('users-by-email returns an array, matching case-insensitively', async () => {
    const { email, userId } = await createUser(emulator.current);
    const response = await management(emulator.current, 'GET', `/users-by-email?email=${encodeURIComponent(email.toUpperCase())}`, await m2m());
    assert.equal(response.status, 200);
    const users = (await response.json()) as { user_id: string }[];
    assert.deepEqual(
      users.map((u) => u.user_id),
      [userId],
    );
  });

  test('users-by-email returns an empty array for an unknown email', async () => {
    const response = await management(emulator.current, 'GET', `/users-by-email?email=${encodeURIComponent(uniqueEmail())}`, await m2m());
    assert.deepEqual(await response.json(), []);
  });

  test('users-by-email applies fields', async () => {
    const { email } = await createUser(emulator.current, uniqueEmail(), { user_metadata: { consent_locale: 'fr' } });
    const response = await management(emulator.current, 'GET', `/users-by-email?email=${encodeURIComponent(email)}&fields=user_metadata`, await m2m());
    assert.deepEqual(await response.json(), [{ user_metadata: { consent_locale: 'fr' } }]);
  });

  test('users-by-email requires the email parameter', async () => {
    const response = await management(emulator.current, 'GET', '/users-by-email', await m2m());
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { errorCode: string }).errorCode, 'invalid_query_string');
  });

  test('POST /api/v2/users creates a user with app_metadata (201)', async () => {
    const email = uniqueEmail();
    const response = await management(emulator.current, 'POST', '/users', await m2m(), { connection: CONNECTION, email, password: 'Server-Made-7', app_metadata: { role: 'tester' } });
    assert.equal(response.status, 201);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.email, email);
    assert.deepEqual(body.app_metadata, { role: 'tester' });
  });

  test('POST /api/v2/users answers 409 for an existing email', async () => {
    const { email } = await createUser(emulator.current);
    const response = await management(emulator.current, 'POST', '/users', await m2m(), { connection: CONNECTION, email, password: 'Server-Made-7' });
    assert.equal(response.status, 409);
    assert.deepEqual(await response.json(), { statusCode: 409, error: 'Conflict', message: 'The user already exists.', errorCode: 'auth0_idp_error' });
  });
});
