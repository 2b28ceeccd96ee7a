/**
 * The gallery's in-memory Management API (demo/src/gallery/memory-management.ts) keeps the parts of
 * Auth0's behaviour the account elements rely on: root keys of user_metadata merged, nested objects
 * replaced, null removing a key, 404 for another user, an aborted request never answered.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expiredTokenManagement, memoryManagement } from '../../demo/src/gallery/memory-management.js';

const USER = 'auth0|ann';

function request(userId = USER, signal = new AbortController().signal) {
  return { baseUrl: 'https://acme.example/api/v2', userId, token: 'gallery-token', signal };
}

describe('the gallery in-memory Management API', () => {
  test('a PATCH merges user_metadata at the root and replaces a nested object whole', async () => {
    const management = memoryManagement({ user_id: USER, user_metadata: { plan: 'pro', consent: { version: '1', purposes: { terms: true, marketing: true } } } });
    const answer = await management.transport.patchUserMetadata(request(), { consent: { version: '2', purposes: { terms: true } } });
    const expected = { plan: 'pro', consent: { version: '2', purposes: { terms: true } } };
    assert.equal(answer.status, 200);
    assert.deepEqual((answer.body as { user_metadata: unknown }).user_metadata, expected);
    assert.deepEqual((await management.transport.getUser(request())).body, { user_id: USER, user_metadata: expected });
  });

  test('a null in a PATCH removes that root key', async () => {
    const management = memoryManagement({ user_id: USER, user_metadata: { plan: 'pro', referrer: 'ad' } });
    await management.transport.patchUserMetadata(request(), { referrer: null });
    assert.deepEqual(management.user().user_metadata, { plan: 'pro' });
  });

  test('a change to an answer does not reach the stored user', async () => {
    const management = memoryManagement({ user_id: USER, user_metadata: { plan: 'pro' } });
    const { body } = await management.transport.getUser(request());
    (body as { user_metadata: Record<string, unknown> }).user_metadata['plan'] = 'free';
    assert.deepEqual(management.user().user_metadata, { plan: 'pro' });
  });

  test('answers 404 as Auth0 does for another user, and changes nothing', async () => {
    const management = memoryManagement({ user_id: USER, user_metadata: {} });
    assert.equal((await management.transport.getUser(request('auth0|bob'))).status, 404);
    assert.equal((await management.transport.patchUserMetadata(request('auth0|bob'), { plan: 'pro' })).status, 404);
    assert.deepEqual(management.user().user_metadata, {});
  });

  test('rejects an aborted request with the abort reason, and writes nothing', async () => {
    const management = memoryManagement({ user_id: USER, user_metadata: {} });
    const controller = new AbortController();
    const reason = new Error('stop');
    controller.abort(reason);
    await assert.rejects(management.transport.patchUserMetadata(request(USER, controller.signal), { plan: 'pro' }), (error) => error === reason);
    assert.deepEqual(management.user().user_metadata, {});
  });

  test('the expired-token stand-in answers 401 to reads and writes', async () => {
    const transport = expiredTokenManagement();
    assert.equal((await transport.getUser(request())).status, 401);
    assert.equal((await transport.patchUserMetadata(request(), { plan: 'pro' })).status, 401);
  });
});
