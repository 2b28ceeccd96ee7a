import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CONNECTION, PASSWORD, createUser, postJson, signup, uniqueEmail, useEmulator } from './helpers.js';

const emulator = useEmulator();

describe('POST /dbconnections/signup', () => {
  test('answers 200 with { _id, email_verified, email } and the root fields sent', async () => {
    const email = uniqueEmail();
    const response = await signup(emulator.current, { email, password: PASSWORD, given_name: 'Ada', family_name: 'Lovelace', user_metadata: { consent_policy: 'acme@1' } });
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown>;
    assert.match(String(body._id), /^[0-9a-f]{24}$/);
    assert.deepEqual(
      { ...body, _id: 'x' },
      {
        _id: 'x',
        email_verified: false,
        email,
        given_name: 'Ada',
        family_name: 'Lovelace',
        user_metadata: { consent_policy: 'acme@1' },
      },
    );
  });

  test('refuses a missing client_id', async () => {
    const response = await postJson(`${emulator.current.url}/dbconnections/signup`, { connection: CONNECTION, email: uniqueEmail(), password: PASSWORD });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { error: 'invalid_request', error_description: 'Missing required parameter: client_id' });
  });

  test('refuses an unknown client', async () => {
    const response = await signup(emulator.current, { client_id: 'nope', email: uniqueEmail(), password: PASSWORD });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { error: 'invalid_client', error_description: 'Unknown client: nope' });
  });

  test('refuses an unknown connection', async () => {
    const response = await signup(emulator.current, { connection: 'Nope-DB', email: uniqueEmail(), password: PASSWORD });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { error: 'invalid_request', error_description: 'connection not found: Nope-DB' });
  });

  test('refuses a missing email', async () => {
    const response = await signup(emulator.current, { password: PASSWORD });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { error: 'invalid_request', error_description: 'Missing required parameter: email' });
  });

  test('refuses a malformed email', async () => {
    const response = await signup(emulator.current, { email: 'not-an-email', password: PASSWORD });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { error: 'invalid_request', error_description: 'Invalid email address: not-an-email' });
  });

  test('refuses a missing password', async () => {
    const response = await signup(emulator.current, { email: uniqueEmail() });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { error: 'invalid_request', error_description: 'Missing required parameter: password' });
  });

  test('answers an existing email with 400 invalid_signup by default (no user enumeration)', async () => {
    const { email } = await createUser(emulator.current);
    const response = await signup(emulator.current, { email: email.toUpperCase(), password: PASSWORD });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { name: 'BadRequestError', code: 'invalid_signup', description: 'Invalid sign up', statusCode: 400 });
  });

  test('refuses a body over 1 MiB with 413', async () => {
    const response = await signup(emulator.current, { email: uniqueEmail(), password: PASSWORD, padding: 'x'.repeat(1_100_000) });
    assert.equal(response.status, 413);
    assert.equal(((await response.json()) as { code: string }).code, 'invalid_request');
  });

  test('refuses a malformed JSON body', async () => {
    const response = await fetch(`${emulator.current.url}/dbconnections/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { error: 'invalid_request', error_description: 'The request body is not valid JSON' });
  });
});

describe('signup user_metadata rules', () => {
  test('accepts 10 string properties', async () => {
    const metadata = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`field_${i}`, 'value']));
    const response = await signup(emulator.current, { email: uniqueEmail(), password: PASSWORD, user_metadata: metadata });
    assert.equal(response.status, 200);
    assert.deepEqual(((await response.json()) as { user_metadata: unknown }).user_metadata, metadata);
  });

  test('refuses an 11th property', async () => {
    const metadata = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`field_${i}`, 'value']));
    const response = await signup(emulator.current, { email: uniqueEmail(), password: PASSWORD, user_metadata: metadata });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { error: 'user_metadata has 11 properties, at most 10 are allowed' });
  });

  test('refuses a boolean value with "only strings are allowed"', async () => {
    const response = await signup(emulator.current, { email: uniqueEmail(), password: PASSWORD, user_metadata: { consent_given: true } });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { error: 'invalid user_metadata.consent_given type (only strings are allowed)' });
  });

  test('refuses user_metadata that is not an object', async () => {
    const response = await signup(emulator.current, { email: uniqueEmail(), password: PASSWORD, user_metadata: '{"a":"b"}' });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { error: 'invalid user_metadata type (expected object)' });
  });

  test('refuses a property name over 100 characters', async () => {
    const name = 'n'.repeat(101);
    const response = await signup(emulator.current, { email: uniqueEmail(), password: PASSWORD, user_metadata: { [name]: 'v' } });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { error: `invalid user_metadata.${name} name (at most 100 characters are allowed)` });
  });

  test('refuses a value over 500 characters and accepts exactly 500', async () => {
    const tooLong = await signup(emulator.current, { email: uniqueEmail(), password: PASSWORD, user_metadata: { note: 'x'.repeat(501) } });
    assert.equal(tooLong.status, 400);
    assert.deepEqual(await tooLong.json(), { error: 'invalid user_metadata.note value (at most 500 characters are allowed)' });
    const exact = await signup(emulator.current, { email: uniqueEmail(), password: PASSWORD, user_metadata: { note: 'x'.repeat(500) } });
    assert.equal(exact.status, 200);
  });

  test('refuses a property name containing "." or "$"', async () => {
    for (const name of ['consent.given', '$set']) {
      const response = await signup(emulator.current, { email: uniqueEmail(), password: PASSWORD, user_metadata: { [name]: 'v' } });
      assert.equal(response.status, 400, name);
      assert.deepEqual(await response.json(), { error: `invalid user_metadata.${name} name (must not contain "." or "$")` });
    }
  });
});

describe('signup with existing_user_error "user_exists"', () => {
  const strict = useEmulator({ tenant: { settings: { existing_user_error: 'user_exists' } } });

  test('answers an existing email with 409 user_exists', async () => {
    const { email } = await createUser(strict.current);
    const response = await signup(strict.current, { email, password: PASSWORD });
    assert.equal(response.status, 409);
    assert.deepEqual(await response.json(), { name: 'BadRequestError', code: 'user_exists', description: 'The user already exists.', statusCode: 409 });
  });
});

describe('signup on connections with special settings', () => {
  const special = useEmulator({
    tenant: {
      clients: [
        { client_id: 'app', callbacks: ['http://localhost:5173/'] },
        { client_id: 'other', callbacks: ['http://localhost:5174/'] },
      ],
      connections: [
        { name: 'Usernames', enabled_clients: ['app'], options: { requires_username: true, validation: { username: { min: 3, max: 8 } } } },
        { name: 'Closed', enabled_clients: ['app'], options: { disable_signup: true } },
      ],
    },
  });

  test('requires a username when the connection does', async () => {
    const response = await postJson(`${special.current.url}/dbconnections/signup`, { client_id: 'app', connection: 'Usernames', email: uniqueEmail(), password: PASSWORD });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { error: 'invalid_request', error_description: 'Missing required parameter: username' });
  });

  test('refuses a connection that is not enabled for the client', async () => {
    const response = await postJson(`${special.current.url}/dbconnections/signup`, { client_id: 'other', connection: 'Usernames', email: uniqueEmail(), password: PASSWORD, username: 'abcd' });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { error: string }).error, 'invalid_request');
  });

  test('refuses signups on a connection with signups disabled', async () => {
    const response = await postJson(`${special.current.url}/dbconnections/signup`, { client_id: 'app', connection: 'Closed', email: uniqueEmail(), password: PASSWORD });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { code: string }).code, 'operation_not_enabled');
  });

  test('stores the username and returns it', async () => {
    const response = await postJson(`${special.current.url}/dbconnections/signup`, { client_id: 'app', connection: 'Usernames', email: uniqueEmail(), password: PASSWORD, username: 'ada_l' });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { username: string }).username, 'ada_l');
  });
});
