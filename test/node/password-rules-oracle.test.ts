/**
 * passwordRules (the browser's live checklist) against the emulator, which checks passwords with
 * password-sheriff, Auth0's own library: for random passwords at every policy level, the checklist
 * says "all met" exactly when the server accepts, and otherwise lists the same rules, verified the
 * same way, as the server's PasswordStrengthError (normalised by signupErrorFromResponse).
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { startEmulator } from '@assent/auth0-emulator';
import { passwordRules, signupErrorFromResponse, type PasswordPolicyLevel } from '@assent/core';
import { uniqueEmail } from '../support/unique.js';

const LEVELS: PasswordPolicyLevel[] = ['none', 'low', 'fair', 'good', 'excellent'];

const emulator = await startEmulator({
  port: 0,
  tenant: {
    clients: [{ client_id: 'oracle-spa', app_type: 'spa' }],
    connections: [
      ...LEVELS.map((level) => ({ name: `level-${level}`, options: { passwordPolicy: level } })),
      { name: 'good-min-12', options: { passwordPolicy: 'good' as const, password_complexity_options: { min_length: 12 } } },
    ],
  },
});
after(() => emulator.stop());

// Characters around every rule's edges: each kind, OWASP specials, non-ASCII letters and digits,
// and few enough distinct ones that runs of three identical characters happen.
const character = fc.oneof(fc.constantFrom('a', 'b', 'A', 'Z', '1', '9', '!', ' ', '~', '\\', 'é', 'Ä', '٣', '€', '😀'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary-ascii' }));
const password = fc.array(character, { minLength: 1, maxLength: 16 }).map((characters) => characters.join(''));

async function signup(connection: string, candidate: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${emulator.url}/dbconnections/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'oracle-spa', connection, email: uniqueEmail('oracle'), password: candidate }),
  });
  return { status: response.status, body: await response.json() };
}

describe('passwordRules agrees with the server', () => {
  const cases: [string, PasswordPolicyLevel, number | undefined][] = [
    ...LEVELS.map((level) => [`level-${level}`, level, undefined] as [string, PasswordPolicyLevel, undefined]),
    ['good-min-12', 'good', 12],
  ];
  for (const [connection, level, minLength] of cases) {
    test(`${connection}: accepted exactly when every rule is met, else the same rules`, async () => {
      await fc.assert(
        fc.asyncProperty(password, async (candidate) => {
          const rules = passwordRules(level, candidate, minLength === undefined ? {} : { minLength });
          const answer = await signup(connection, candidate);
          if (rules.every((rule) => rule.verified)) {
            assert.equal(answer.status, 200, `refused ${JSON.stringify(candidate)}: ${JSON.stringify(answer.body)}`);
          } else {
            const error = signupErrorFromResponse({ ...answer, headers: new Headers() });
            assert.equal(error.code, 'invalid_password', `${JSON.stringify(candidate)}: ${JSON.stringify(answer.body)}`);
            assert.deepEqual(error.rules, rules);
          }
        }),
        { numRuns: 30 },
      );
    });
  }
});
