import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PostLoginAction, PreUserRegistrationEvent } from '../src/index.js';
import { m2mToken, management, path, signup, uniqueEmail, useEmulator } from './helpers.js';

const seen: PreUserRegistrationEvent[] = [];

const requireTerms: PostLoginAction = {
  name: 'require-terms',
  secrets: { FIELD: 'accepted_terms' },
  onExecutePreUserRegistration(event, api) {
    seen.push(event);
    if (event.user.user_metadata[event.secrets.FIELD!] !== 'yes') api.access.deny('no_terms', 'Please accept the terms.');
  },
};
const stamp: PostLoginAction = {
  name: 'stamp',
  onExecutePreUserRegistration(event, api) {
    api.user.setAppMetadata('registered_by', 'action');
    api.user.setUserMetadata('seen_terms', event.user.user_metadata.accepted_terms);
  },
};
const explode: PostLoginAction = {
  name: 'explode',
  onExecutePreUserRegistration(event) {
    if (event.user.email.startsWith('boom')) throw new Error('kaput');
  },
};
const validate: PostLoginAction = {
  name: 'validate',
  onExecutePreUserRegistration(event, api) {
    if (event.user.email.startsWith('invalid')) api.validation.error('invalid_payload', 'Missing first name');
  },
};

const emulator = useEmulator({ actions: [requireTerms, stamp, explode, validate] });

test('api.validation.error at /dbconnections/signup answers 400 extensibility_error with its message, and no user is created', async () => {
  const email = uniqueEmail('invalid');
  const response = await signup(emulator.current, { email, password: 'Correct-Horse-9', user_metadata: { accepted_terms: 'yes' } });
  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), { name: 'BadRequestError', code: 'extensibility_error', description: 'Missing first name', statusCode: 400 });
  const users = await (
    await fetch(`${emulator.current.url}/api/v2/users-by-email?email=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${await m2mToken(emulator.current)}` } })
  ).json();
  assert.deepEqual(users, []);
});

test('a signup an Action denies answers 400 extensibility_error with the user message, and no user is created', async () => {
  const email = uniqueEmail('denied');
  const response = await signup(emulator.current, { email, password: 'Correct-Horse-9', user_metadata: { accepted_terms: 'no' } });
  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), { name: 'BadRequestError', code: 'extensibility_error', description: 'Please accept the terms.', statusCode: 400 });
  const users = await (
    await fetch(`${emulator.current.url}/api/v2/users-by-email?email=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${await m2mToken(emulator.current)}` } })
  ).json();
  assert.deepEqual(users, []);
});

test('the event carries the signup user_metadata and secrets, never the password', async () => {
  seen.length = 0;
  await signup(emulator.current, { email: uniqueEmail('event'), password: 'Correct-Horse-9', user_metadata: { accepted_terms: 'yes' } });
  const event = seen[0];
  assert.ok(event);
  assert.equal(event.user.user_metadata.accepted_terms, 'yes');
  assert.equal(event.secrets.FIELD, 'accepted_terms');
  assert.equal(event.connection.strategy, 'auth0');
  assert.equal(JSON.stringify(event).includes('Correct-Horse-9'), false);
});

test('metadata set by the Actions is stored with the new user', async () => {
  const response = await signup(emulator.current, { email: uniqueEmail('stamped'), password: 'Correct-Horse-9', user_metadata: { accepted_terms: 'yes' } });
  assert.equal(response.status, 200);
  const id = `auth0|${((await response.json()) as { _id: string })._id}`;
  const user = (await (await management(emulator.current, 'GET', path(id), await m2mToken(emulator.current))).json()) as Record<string, Record<string, unknown>>;
  assert.deepEqual(user.app_metadata, { registered_by: 'action' });
  assert.deepEqual(user.user_metadata, { accepted_terms: 'yes', seen_terms: 'yes' });
});

test('an Action that throws refuses the signup', async () => {
  const response = await signup(emulator.current, { email: `boom.${uniqueEmail()}`, password: 'Correct-Horse-9', user_metadata: { accepted_terms: 'yes' } });
  assert.equal(response.status, 400);
  const body = (await response.json()) as { code: string; description: string };
  assert.equal(body.code, 'extensibility_error');
  assert.match(body.description, /explode failed: kaput/);
});
