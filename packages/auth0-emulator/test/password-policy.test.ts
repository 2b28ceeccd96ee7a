import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PasswordPolicyLevel } from '../src/index.js';
import { postJson, uniqueEmail, useEmulator } from './helpers.js';

const LEVELS: PasswordPolicyLevel[] = ['none', 'low', 'fair', 'good', 'excellent'];

const emulator = useEmulator({
  tenant: {
    clients: [{ client_id: 'app', callbacks: ['http://localhost:5173/'] }],
    connections: [
      ...LEVELS.map((level) => ({ name: `policy-${level}`, options: { passwordPolicy: level } })),
      { name: 'min-length-12', options: { passwordPolicy: 'low' as const, password_complexity_options: { min_length: 12 } } },
      { name: 'dictionary', options: { passwordPolicy: 'good' as const, password_dictionary: { enable: true, dictionary: ['Assent-Rocks-1'] } } },
      { name: 'no-personal-info', options: { passwordPolicy: 'good' as const, password_no_personal_info: { enable: true } } },
    ],
    settings: { breached_passwords: ['Breached-Pass-1'] },
  },
});

async function trySignup(connection: string, password: string, extra: Record<string, unknown> = {}): Promise<Response> {
  return postJson(`${emulator.current.url}/dbconnections/signup`, { client_id: 'app', connection, email: uniqueEmail(), password, ...extra });
}

/** [level, accepted password, refused password] pairs that sit on each rule's boundary. */
const CASES: [PasswordPolicyLevel, string, string][] = [
  ['low', 'abcdef', 'abcde'],
  ['fair', 'abcdEF12', 'abcdefg1'], // refused: no upper case (fair needs lower, upper AND digits)
  ['good', 'abcdef1!', 'abcdefgh1'], // accepted: 3 of 4 (lower, digit, special); refused: only 2 of 4
  ['excellent', 'abcdeF1!xy', 'aaabcdE1!x'], // refused: three identical characters in a row
];

describe('password policy levels (Auth0 rules)', () => {
  test('none: accepts a one-character password', async () => {
    assert.equal((await trySignup('policy-none', 'a')).status, 200);
  });

  test('none: an empty password is a missing parameter', async () => {
    const response = await trySignup('policy-none', '');
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { error: 'invalid_request', error_description: 'Missing required parameter: password' });
  });

  for (const [level, accepted, refused] of CASES) {
    test(`${level}: accepts ${JSON.stringify(accepted)}`, async () => {
      const response = await trySignup(`policy-${level}`, accepted);
      assert.equal(response.status, 200, await response.clone().text());
    });
    test(`${level}: refuses ${JSON.stringify(refused)} with PasswordStrengthError`, async () => {
      const response = await trySignup(`policy-${level}`, refused);
      assert.equal(response.status, 400);
      const body = (await response.json()) as Record<string, unknown>;
      assert.equal(body.name, 'PasswordStrengthError');
      assert.equal(body.code, 'invalid_password');
      assert.equal(body.message, 'Password is too weak');
      assert.equal(body.statusCode, 400);
      assert.equal((body.description as { verified: boolean }).verified, false);
    });
  }

  test('excellent refuses a 9-character password even with all four character types', async () => {
    const response = await trySignup('policy-excellent', 'abcD1!xyz');
    assert.equal(response.status, 400);
  });

  test('the good policy error carries the rules list and the policy text exactly as Auth0 sends them', async () => {
    const response = await trySignup('policy-good', 'abcdefgh');
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(body, {
      name: 'PasswordStrengthError',
      code: 'invalid_password',
      description: {
        rules: [
          { message: 'At least %d characters in length', format: [8], code: 'lengthAtLeast', verified: true },
          {
            message: 'Contain at least %d of the following %d types of characters:',
            code: 'containsAtLeast',
            format: [3, 4],
            items: [
              { message: 'lower case letters (a-z)', code: 'lowerCase', verified: true },
              { message: 'upper case letters (A-Z)', code: 'upperCase', verified: false },
              { message: 'numbers (i.e. 0-9)', code: 'numbers', verified: false },
              { message: 'special characters (e.g. !@#$%^&*)', code: 'specialCharacters', verified: false },
            ],
            verified: false,
          },
        ],
        verified: false,
      },
      message: 'Password is too weak',
      policy:
        '* At least 8 characters in length\n* Contain at least 3 of the following 4 types of characters:\n * lower case letters (a-z)\n * upper case letters (A-Z)\n * numbers (i.e. 0-9)\n * special characters (e.g. !@#$%^&*)',
      statusCode: 400,
    });
  });

  test('the excellent policy text lists the identical-characters rule', async () => {
    const body = (await (await trySignup('policy-excellent', 'aaa')).json()) as { policy: string; description: { rules: { code: string; format?: unknown[] }[] } };
    assert.match(body.policy, /\* No more than 2 identical characters in a row \(e\.g\., "aaa" not allowed\)$/);
    assert.deepEqual(body.description.rules.find((rule) => rule.code === 'identicalChars')?.format, [2, 'aaa']);
  });

  test('password_complexity_options.min_length raises the minimum length', async () => {
    const short = await trySignup('min-length-12', 'abcdefghijk');
    assert.equal(short.status, 400);
    assert.deepEqual(((await short.json()) as { description: { rules: { format: number[] }[] } }).description.rules[0]?.format, [12]);
    assert.equal((await trySignup('min-length-12', 'abcdefghijkl')).status, 200);
  });
});

describe('dictionary, personal information and breached passwords', () => {
  test('refuses a common password with PasswordDictionaryError', async () => {
    const response = await trySignup('dictionary', 'P@ssw0rd1');
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), {
      name: 'PasswordDictionaryError',
      code: 'invalid_password',
      description: 'Password is too common',
      message: 'Password is too common',
      statusCode: 400,
    });
  });

  test("refuses a word of the connection's own dictionary", async () => {
    const response = await trySignup('dictionary', 'assent-rocks-1'.replace('a', 'A').replace('r', 'R'));
    assert.equal(((await response.json()) as { name: string }).name, 'PasswordDictionaryError');
  });

  test('refuses a password containing the email local part with PasswordNoUserInfoError', async () => {
    const response = await trySignup('no-personal-info', 'Xmarie.curie9!', { email: 'marie.curie@example.com' });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), {
      name: 'PasswordNoUserInfoError',
      code: 'invalid_password',
      description: 'Password contains user information',
      message: 'Password contains user information',
      statusCode: 400,
    });
  });

  test('refuses a password containing the given name', async () => {
    const response = await trySignup('no-personal-info', 'Rosalind-1953', { given_name: 'Rosalind' });
    assert.equal(((await response.json()) as { name: string }).name, 'PasswordNoUserInfoError');
  });

  test('refuses a known-breached password with password_leaked', async () => {
    const response = await trySignup('policy-good', 'Breached-Pass-1');
    assert.equal(response.status, 400);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.code, 'password_leaked');
    assert.equal(body.statusCode, 400);
  });

  test('dictionary checks are off unless the connection enables them', async () => {
    assert.equal((await trySignup('policy-good', 'P@ssw0rd1')).status, 200);
  });
});
