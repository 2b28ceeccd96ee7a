/**
 * Every documented shape of Auth0's answers to POST /dbconnections/signup (Auth0's
 * fixtures and docs, the emulator), raw and as auth0-js wraps them, normalised into one
 * SignupError family.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fromAuth0JsError, fromAuth0JsResult, type Auth0JsError } from '../src/auth0-js-transport.js';
import { SignupError, type SignupErrorCode } from '../src/signup/errors.js';
import { retryAfterMs, signupErrorFromResponse } from '../src/signup/response.js';

const noHeaders = new Headers();

/** Auth0's PasswordStrengthError for "abc" under the "good" policy, as its fixtures show it. */
const strengthError = {
  name: 'PasswordStrengthError',
  message: 'Password is too weak',
  code: 'invalid_password',
  description: {
    rules: [
      { message: 'At least %d characters in length', format: [8], code: 'lengthAtLeast', verified: false },
      {
        message: 'Contain at least %d of the following %d types of characters:',
        format: [3, 4],
        code: 'containsAtLeast',
        verified: false,
        items: [
          { message: 'lower case letters (a-z)', code: 'lowerCase', verified: true },
          { message: 'upper case letters (A-Z)', code: 'upperCase', verified: false },
          { message: 'numbers (i.e. 0-9)', code: 'numbers', verified: false },
          { message: 'special characters (e.g. !@#$%^&*)', code: 'specialCharacters', verified: false },
        ],
      },
    ],
    verified: false,
  },
  policy: '* At least 8 characters in length\n* Contain at least 3 of the following 4 types of characters:',
  statusCode: 400,
};

interface Row {
  readonly shape: string;
  readonly status: number;
  readonly body: unknown;
  readonly code: SignupErrorCode;
  readonly field?: 'email' | 'password' | 'username';
}

const rows: Row[] = [
  {
    shape: 'existing user, fixtures: 400 invalid_signup',
    status: 400,
    body: { name: 'BadRequestError', code: 'invalid_signup', description: 'Invalid sign up', statusCode: 400 },
    code: 'user_exists',
    field: 'email',
  },
  {
    shape: 'existing user, docs page: 409 user_exists',
    status: 409,
    body: { name: 'BadRequestError', code: 'user_exists', description: 'The user already exists.', statusCode: 409 },
    code: 'user_exists',
    field: 'email',
  },
  { shape: 'existing user, OpenAPI: {error, error_description}', status: 400, body: { error: 'user_exists', error_description: 'The user already exists.' }, code: 'user_exists', field: 'email' },
  { shape: 'existing user, OpenAPI: {error: invalid_signup}', status: 400, body: { error: 'invalid_signup', error_description: 'Invalid sign up' }, code: 'user_exists', field: 'email' },
  {
    shape: 'taken username: 409 username_exists',
    status: 409,
    body: { name: 'BadRequestError', code: 'username_exists', description: 'The username provided is in use already.', statusCode: 409 },
    code: 'username_exists',
    field: 'username',
  },
  { shape: 'weak password: PasswordStrengthError', status: 400, body: strengthError, code: 'invalid_password', field: 'password' },
  {
    shape: 'weak password: {error: invalid_password}',
    status: 400,
    body: { error: 'invalid_password', error_description: 'PasswordStrengthError: Password is too weak' },
    code: 'invalid_password',
    field: 'password',
  },
  {
    shape: 'common password: PasswordDictionaryError',
    status: 400,
    body: { name: 'PasswordDictionaryError', code: 'invalid_password', description: 'Password is too common', message: 'Password is too common', statusCode: 400 },
    code: 'password_dictionary',
    field: 'password',
  },
  {
    shape: 'common password: {error, error_description}',
    status: 400,
    body: { error: 'invalid_password', error_description: 'PasswordDictionaryError: Password is too common' },
    code: 'password_dictionary',
    field: 'password',
  },
  {
    shape: 'personal data: PasswordNoUserInfoError',
    status: 400,
    body: { name: 'PasswordNoUserInfoError', code: 'invalid_password', description: 'Password contains user information', statusCode: 400 },
    code: 'password_no_user_info',
    field: 'password',
  },
  {
    shape: 'personal data: {error, error_description}',
    status: 400,
    body: { error: 'invalid_password', error_description: 'PasswordNoUserInfoError: Password contains user information' },
    code: 'password_no_user_info',
    field: 'password',
  },
  {
    shape: 'breached password: password_leaked',
    status: 400,
    body: { name: 'BadRequestError', code: 'password_leaked', description: 'This password was found in a data breach.', statusCode: 400 },
    code: 'password_leaked',
    field: 'password',
  },
  { shape: 'breached password: {error: password_leaked}', status: 400, body: { error: 'password_leaked', error_description: 'Password has been leaked' }, code: 'password_leaked', field: 'password' },
  { shape: 'invalid email: invalid_request', status: 400, body: { error: 'invalid_request', error_description: 'Invalid email address: a@b' }, code: 'invalid_email', field: 'email' },
  { shape: 'invalid email: legacy bad.email', status: 400, body: { code: 'bad.email', description: 'Invalid email', statusCode: 400 }, code: 'invalid_email', field: 'email' },
  {
    shape: 'invalid username: invalid_request',
    status: 400,
    body: { error: 'invalid_request', error_description: 'Invalid username: it must be 1 to 15 characters' },
    code: 'invalid_signup',
    field: 'username',
  },
  {
    shape: 'signup disabled: operation_not_enabled',
    status: 400,
    body: { name: 'BadRequestError', code: 'operation_not_enabled', description: 'Public signup is disabled', statusCode: 400 },
    code: 'invalid_signup',
  },
  {
    shape: 'an Action denied it: extensibility_error',
    status: 400,
    body: { name: 'BadRequestError', code: 'extensibility_error', description: 'Sign ups from this domain are not allowed', statusCode: 400 },
    code: 'invalid_signup',
  },
  { shape: 'metadata refused: {error: "<message>"}', status: 400, body: { error: 'invalid user_metadata.newsletter type (only strings are allowed)' }, code: 'bad_request' },
  { shape: 'unknown connection: invalid_request', status: 400, body: { error: 'invalid_request', error_description: 'connection not found: Nope' }, code: 'bad_request' },
  { shape: 'unknown client: invalid_client', status: 400, body: { error: 'invalid_client', error_description: 'Unknown client: x' }, code: 'bad_request' },
  { shape: 'origin not allowed: 403', status: 403, body: { error: 'access_denied', error_description: 'Origin not allowed' }, code: 'bad_request' },
  { shape: 'too large: 413 with an HTML page', status: 413, body: '<html><body>Request Entity Too Large</body></html>', code: 'bad_request' },
  { shape: 'rate limit: {error: too_many_requests}', status: 429, body: { error: 'too_many_requests', error_description: 'Rate limit exceeded.' }, code: 'rate_limited' },
  { shape: 'rate limit: empty body', status: 429, body: undefined, code: 'rate_limited' },
  { shape: 'server: signup shape', status: 500, body: { name: 'Error', code: 'server_error', description: 'Internal error', statusCode: 500 }, code: 'server' },
  { shape: 'server: 503 temporarily_unavailable', status: 503, body: { error: 'temporarily_unavailable', error_description: 'Try later' }, code: 'server' },
  { shape: 'server: 502 from a proxy, text body', status: 502, body: 'Bad Gateway', code: 'server' },
];

/** The same answer as auth0-js hands it over (helper/response-handler.js): code = code || error, description = description || error_description || error. */
function wrapped(status: number, body: unknown): Auth0JsError {
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return {
    original: { response: { header: { 'content-type': 'application/json' } } },
    statusCode: status,
    code: (raw.code ?? raw.error ?? null) as string | null,
    description: raw.description ?? raw.error_description ?? raw.error ?? null,
    ...(typeof raw.name === 'string' && { name: raw.name }),
    ...(typeof raw.policy === 'string' && { policy: raw.policy }),
  };
}

describe('signupErrorFromResponse', () => {
  for (const { shape, status, body, code, field } of rows) {
    test(`reads ${shape} as ${code}`, () => {
      const error = signupErrorFromResponse({ status, headers: noHeaders, body });
      assert.ok(error instanceof SignupError);
      assert.equal(error.name, 'SignupError');
      assert.deepEqual([error.code, error.status, error.field], [code, status, field]);
      assert.equal(error.body, body, 'the raw body is kept for debugging');
    });

    test(`reads ${shape} wrapped by auth0-js as ${code}`, () => {
      const response = fromAuth0JsError(wrapped(status, body))!;
      const error = signupErrorFromResponse(response);
      assert.deepEqual([error.code, error.status, error.field], [code, status, field]);
    });
  }

  test('turns the PasswordStrengthError rules into formatted messages with their values, and keeps the policy text', () => {
    const error = signupErrorFromResponse({ status: 400, headers: noHeaders, body: strengthError });
    assert.equal(error.policy, strengthError.policy);
    assert.deepEqual(error.rules, [
      { code: 'lengthAtLeast', message: 'At least 8 characters in length', verified: false, params: { count: '8' } },
      {
        code: 'containsAtLeast',
        message: 'Contain at least 3 of the following 4 types of characters:',
        verified: false,
        params: { count: '3', total: '4' },
        items: [
          { code: 'lowerCase', message: 'lower case letters (a-z)', verified: true },
          { code: 'upperCase', message: 'upper case letters (A-Z)', verified: false },
          { code: 'numbers', message: 'numbers (i.e. 0-9)', verified: false },
          { code: 'specialCharacters', message: 'special characters (e.g. !@#$%^&*)', verified: false },
        ],
      },
    ]);
  });

  test('keeps the rules and policy of a PasswordStrengthError wrapped by auth0-js', () => {
    const error = signupErrorFromResponse(fromAuth0JsError(wrapped(400, strengthError))!);
    assert.equal(error.rules?.length, 2);
    assert.equal(error.policy, strengthError.policy);
  });

  test('gives an invalid_password without rules an empty rule list rather than none', () => {
    const error = signupErrorFromResponse({ status: 400, headers: noHeaders, body: { error: 'invalid_password', error_description: 'PasswordStrengthError: Password is too weak' } });
    assert.deepEqual(error.rules, []);
  });

  test("names the metadata field from Auth0's sentence in the description", () => {
    const error = signupErrorFromResponse({ status: 400, headers: noHeaders, body: { error: 'invalid user_metadata.newsletter type (only strings are allowed)' } });
    assert.equal(error.description, 'invalid user_metadata.newsletter type (only strings are allowed)');
    assert.match(error.message, /user_metadata\.newsletter/);
  });

  test('marks 5xx as ambiguous and 4xx as not', () => {
    assert.equal(signupErrorFromResponse({ status: 500, headers: noHeaders, body: undefined }).ambiguous, true);
    assert.equal(signupErrorFromResponse({ status: 400, headers: noHeaders, body: { code: 'invalid_signup' } }).ambiguous, false);
    assert.equal(signupErrorFromResponse({ status: 429, headers: noHeaders, body: undefined }).ambiguous, false);
  });

  test("says an existing account may be the user's own when an earlier attempt was uncertain", () => {
    const body = { code: 'invalid_signup', description: 'Invalid sign up' };
    assert.equal(signupErrorFromResponse({ status: 400, headers: noHeaders, body }, true).mayAlreadyExist, true);
    assert.equal(signupErrorFromResponse({ status: 400, headers: noHeaders, body }, false).mayAlreadyExist, false);
    assert.equal(signupErrorFromResponse({ status: 400, headers: noHeaders, body: { code: 'password_leaked' } }, true).mayAlreadyExist, false);
  });

  test('reads the wait of a 429 from its headers', () => {
    const error = signupErrorFromResponse({ status: 429, headers: new Headers({ 'retry-after': '12' }), body: { error: 'too_many_requests' } });
    assert.equal(error.retryAfterMs, 12000);
  });

  test('reads the Retry-After header beside a header value a Headers object refuses (a line break, a non-Latin-1 character)', () => {
    const error = signupErrorFromResponse(
      fromAuth0JsError({ ...wrapped(429, { error: 'too_many_requests' }), original: { response: { header: { 'x-odd': 'a\nb', 'x-name': 'Zürich ☃', 'retry-after': '4' } } } })!,
    );
    assert.equal(error.retryAfterMs, 4000);
  });

  test('reads the Retry-After header that auth0-js kept in original.response.header', () => {
    const error = signupErrorFromResponse(fromAuth0JsError({ ...wrapped(429, { error: 'too_many_requests' }), original: { response: { header: { 'retry-after': '4' } } } })!);
    assert.equal(error.retryAfterMs, 4000);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-11-01T09:00:00.000Z');
  const rows: [string, Record<string, string>, number | undefined][] = [
    ['Retry-After in seconds', { 'retry-after': '30' }, 30000],
    ['Retry-After 0', { 'retry-after': '0' }, 0],
    ['Retry-After with spaces around', { 'retry-after': ' 5 ' }, 5000],
    ['Retry-After as an HTTP date', { 'retry-after': 'Sun, 01 Nov 2026 09:00:45 GMT' }, 45000],
    ['Retry-After as a date already past: no wait', { 'retry-after': 'Sun, 01 Nov 2026 08:59:00 GMT' }, 0],
    ['X-RateLimit-Reset in epoch seconds', { 'x-ratelimit-reset': String(now / 1000 + 20) }, 20000],
    ['Retry-After before X-RateLimit-Reset', { 'retry-after': '3', 'x-ratelimit-reset': String(now / 1000 + 20) }, 3000],
    ['an unreadable Retry-After, then X-RateLimit-Reset', { 'retry-after': 'soon', 'x-ratelimit-reset': String(now / 1000 + 9) }, 9000],
    ['X-RateLimit-Reset already past: no wait', { 'x-ratelimit-reset': String(now / 1000 - 5) }, 0],
    ['no header', {}, undefined],
    ['only unreadable headers', { 'retry-after': 'soon', 'x-ratelimit-reset': 'later' }, undefined],
  ];
  for (const [name, headers, expected] of rows) {
    test(`reads ${name}`, () => assert.equal(retryAfterMs(new Headers(headers), now), expected));
  }
});

describe('auth0-js results and errors, turned back into Auth0 shapes', () => {
  test('un-camelCases a signup result (Id, emailVerified)', () => {
    assert.deepEqual(fromAuth0JsResult({ Id: 'abc', email: 'ann@acme.example', emailVerified: false, userMetadata: { consentPolicy: 'x' } }).body, {
      _id: 'abc',
      email: 'ann@acme.example',
      email_verified: false,
    });
  });

  test('reads a result whose casing was kept (_id, email_verified)', () => {
    assert.deepEqual(fromAuth0JsResult({ _id: 'abc', email: 'ann@acme.example', email_verified: true }).body, { _id: 'abc', email: 'ann@acme.example', email_verified: true });
  });

  test('sees no answer in an error without a status (offline, refused, CORS)', () => {
    assert.equal(fromAuth0JsError({ original: {}, code: null, description: null }), undefined);
  });
});
