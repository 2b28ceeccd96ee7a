/**
 * passwordRules: Auth0's rules per policy level (password-sheriff's codes, order, nesting and
 * texts). test/node/password-rules-oracle.test.ts checks it against the emulator's answers.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { passwordRules, type PasswordPolicyLevel } from '../src/signup/password-rules.js';
import { passwordEn } from '../src/texts.js';

/** `code: verified` of each rule, items nested: a compact picture of a result. */
function summary(level: PasswordPolicyLevel, password: string, options = {}): unknown {
  const picture = (rules: ReturnType<typeof passwordRules>): unknown =>
    rules.map((rule) => (rule.items ? { [rule.code]: rule.verified, items: picture(rule.items as ReturnType<typeof passwordRules>) } : { [rule.code]: rule.verified }));
  return picture(passwordRules(level, password, options));
}

describe('the rules of each level', () => {
  test('none: a non-empty password', () => {
    assert.deepEqual(summary('none', ''), [{ nonEmpty: false }]);
    assert.deepEqual(summary('none', 'a'), [{ nonEmpty: true }]);
  });

  test('low: at least 6 characters', () => {
    assert.deepEqual(summary('low', 'abcde'), [{ lengthAtLeast: false }]);
    assert.deepEqual(summary('low', 'abcdef'), [{ lengthAtLeast: true }]);
  });

  test('fair: at least 8 characters and each of lower case, upper case and digits', () => {
    assert.deepEqual(summary('fair', 'abcdefgH'), [{ lengthAtLeast: true }, { shouldContain: false, items: [{ lowerCase: true }, { upperCase: true }, { numbers: false }] }]);
    assert.deepEqual(summary('fair', 'abcdefH1'), [{ lengthAtLeast: true }, { shouldContain: true, items: [{ lowerCase: true }, { upperCase: true }, { numbers: true }] }]);
  });

  test('good: at least 8 characters and 3 of the 4 kinds', () => {
    assert.deepEqual(summary('good', 'abcdefg!'), [
      { lengthAtLeast: true },
      { containsAtLeast: false, items: [{ lowerCase: true }, { upperCase: false }, { numbers: false }, { specialCharacters: true }] },
    ]);
    assert.deepEqual(summary('good', 'abcdef1!'), [
      { lengthAtLeast: true },
      { containsAtLeast: true, items: [{ lowerCase: true }, { upperCase: false }, { numbers: true }, { specialCharacters: true }] },
    ]);
  });

  test('excellent: at least 10 characters, 3 of the 4 kinds, no character 3 times in a row', () => {
    assert.deepEqual(summary('excellent', 'Abcdef1!xxx'), [
      { lengthAtLeast: true },
      { containsAtLeast: true, items: [{ lowerCase: true }, { upperCase: true }, { numbers: true }, { specialCharacters: true }] },
      { identicalChars: false },
    ]);
    assert.equal(
      passwordRules('excellent', 'Abcdef1!xx-').every((rule) => rule.verified),
      true,
    );
  });
});

describe('the details Auth0 gives', () => {
  test('formats the messages with their values, and gives the values as params', () => {
    const [length, kinds, identical] = passwordRules('excellent', '');
    assert.deepEqual([length!.message, length!.params], ['At least 10 characters in length', { count: '10' }]);
    assert.deepEqual([kinds!.message, kinds!.params], ['Contain at least 3 of the following 4 types of characters:', { count: '3', total: '4' }]);
    assert.deepEqual([identical!.message, identical!.params], ['No more than 2 identical characters in a row (e.g., "aaa" not allowed)', { max: '2', example: 'aaa' }]);
  });

  test('counts a space and OWASP punctuation as special characters, and nothing beyond ASCII', () => {
    const special = (password: string) => passwordRules('good', password)[1]!.items!.find((item) => item.code === 'specialCharacters')!.verified;
    for (const character of [' ', '!', '"', '\\', '`', '~', '{', '|', '_']) assert.equal(special(character), true, JSON.stringify(character));
    for (const character of ['é', '€', '§', 'a', '1']) assert.equal(special(character), false, character);
  });

  test('counts only ASCII letters and digits as letters and digits', () => {
    const items = passwordRules('good', 'éÉ٣')[1]!.items!;
    assert.deepEqual(
      items.map((item) => item.verified),
      [false, false, false, false],
    );
  });

  test('counts length in UTF-16 code units, as Auth0', () => {
    assert.equal(passwordRules('low', '😀😀😀')[0]!.verified, true); // 6 code units
  });

  test("applies the connection's own minimum length", () => {
    assert.deepEqual(passwordRules('good', 'Abc1!xyz', { minLength: 12 })[0]!.params, { count: '12' });
    assert.equal(passwordRules('good', 'Abc1!xyz', { minLength: 12 })[0]!.verified, false);
  });

  test('every rule and item has its text in passwordEn', () => {
    const codes = new Set<string>();
    const walk = (rules: ReturnType<typeof passwordRules>) => rules.forEach((rule) => (codes.add(rule.code), rule.items && walk(rule.items as ReturnType<typeof passwordRules>)));
    for (const level of ['none', 'low', 'fair', 'good', 'excellent'] as const) walk(passwordRules(level, 'x', { email: 'ann@x.example' }));
    for (const code of codes) assert.ok(`password.${code}` in passwordEn, code);
  });
});

describe('the personal-information rule', () => {
  test('is absent unless an email or username is given', () => {
    assert.equal(
      passwordRules('good', 'x').some((rule) => rule.code === 'noPersonalInfo'),
      false,
    );
  });

  test("refuses a password holding the email's local part, in any case", () => {
    const rule = passwordRules('good', 'MyANNLEE-2026', { email: 'annlee@acme.example' }).at(-1)!;
    assert.deepEqual([rule.code, rule.verified], ['noPersonalInfo', false]);
  });

  test('refuses a password holding the username', () => {
    assert.equal(passwordRules('good', 'xx-bobby-xx', { username: 'bobby' }).at(-1)!.verified, false);
  });

  test('ignores parts shorter than 3 characters', () => {
    assert.equal(
      passwordRules('good', 'al-is-here', { email: 'al@acme.example', username: 'al' }).some((rule) => rule.code === 'noPersonalInfo'),
      false,
    );
  });
});
