import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ManagementError } from '../../src/state/errors.js';
import { userFromResponse } from '../../src/state/management-response.js';

const now = Date.parse('2026-11-01T00:00:00.000Z');
const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, body, headers: new Headers(headers) });
const failure = (status: number, body: unknown, headers: Record<string, string> = {}): ManagementError => {
  try {
    userFromResponse(answer(status, body, headers), now);
  } catch (error) {
    assert.ok(error instanceof ManagementError);
    return error;
  }
  throw new Error('no error');
};

describe('userFromResponse', () => {
  test('returns the user of a success answer as Auth0 sent it', () => {
    const body = { user_id: 'auth0|1', user_metadata: { consent_at: 'x' }, app_metadata: {} };
    assert.equal(userFromResponse(answer(200, body)), body);
  });

  test('refuses a success answer that is not a user', () => {
    assert.equal(failure(200, '<html>').code, 'invalid_response');
    assert.equal(failure(200, [{ user_id: 'auth0|1' }]).code, 'invalid_response');
  });

  const table: [string, number, unknown, string, string | undefined, boolean][] = [
    ['missing token', 401, { statusCode: 401, error: 'Unauthorized', message: 'Missing authentication', attributes: { error: 'Missing authentication' } }, 'unauthorized', undefined, false],
    [
      'scope missing',
      403,
      { statusCode: 403, error: 'Forbidden', message: 'Insufficient scope, expected any of: update:current_user_metadata', errorCode: 'insufficient_scope' },
      'forbidden',
      'insufficient_scope',
      false,
    ],
    [
      "another user's token",
      403,
      { statusCode: 403, error: 'Forbidden', message: 'User to be acted on does not match subject in bearer token.', errorCode: 'unowned_resource' },
      'forbidden',
      'unowned_resource',
      false,
    ],
    ['deleted user', 404, { statusCode: 404, error: 'Not Found', message: 'The user does not exist.', errorCode: 'inexistent_user' }, 'not_found', 'inexistent_user', false],
    [
      'metadata refused',
      400,
      { statusCode: 400, error: 'Bad Request', message: 'Payload validation error: user_metadata is 10300 bytes', errorCode: 'invalid_body' },
      'bad_request',
      'invalid_body',
      false,
    ],
    ['a gateway in OAuth shape', 400, { error: 'invalid_request', error_description: 'Bad thing' }, 'bad_request', 'invalid_request', false],
    ['server error', 500, { statusCode: 500, error: 'Internal Server Error', message: 'boom' }, 'server', undefined, true],
    ['gateway HTML page', 502, '<html>Bad gateway</html>', 'server', undefined, true],
    ['rate limit', 429, { statusCode: 429, error: 'Too Many Requests', message: 'Global limit has been reached', errorCode: 'too_many_requests' }, 'rate_limited', 'too_many_requests', true],
  ];
  for (const [what, status, body, code, auth0Code, transient] of table) {
    test(`${what} (${status}) is ${code}${transient ? ', transient' : ''}`, () => {
      const error = failure(status, body);
      assert.deepEqual([error.code, error.status, error.auth0Code, error.transient, error.name], [code, status, auth0Code, transient, 'ManagementError']);
      assert.equal(error.body, body);
      assert.match(error.message, new RegExp(`^Management API request failed: ${code} \\(HTTP ${status}\\)`));
    });
  }

  test('reads the wait of a 429 from Retry-After seconds', () => {
    assert.equal(failure(429, {}, { 'retry-after': '3' }).retryAfterMs, 3000);
  });

  test('reads the wait of a 429 from an HTTP-date Retry-After', () => {
    assert.equal(failure(429, {}, { 'retry-after': new Date(now + 7000).toUTCString() }).retryAfterMs, 7000);
  });

  test('reads the wait of a 429 from X-RateLimit-Reset when there is no Retry-After', () => {
    assert.equal(failure(429, {}, { 'x-ratelimit-reset': String(now / 1000 + 12) }).retryAfterMs, 12000);
  });

  test('has no wait when a 429 says none', () => {
    assert.equal(failure(429, {}).retryAfterMs, undefined);
  });
});
