/**
 * Auth0's password strength rules per policy level, evaluated in the browser for a live checklist,
 * with the codes, structure and English texts of Auth0's PasswordStrengthError (password-sheriff,
 * the library Auth0 uses). Also turns the rules of a PasswordStrengthError answer into the same shape.
 */
import { passwordEn } from '../locales/signup-form/en-password.js';
import { format } from '../messages.js';
import type { PasswordRule } from './errors.js';

/** Auth0's password policy levels (a database connection's `options.passwordPolicy`). */
export type PasswordPolicyLevel = 'none' | 'low' | 'fair' | 'good' | 'excellent';

/** Options of `passwordRules`. */
export interface PasswordRuleOptions {
  /**
   * The user's email and username. Pass them only when the connection has Auth0's
   * personal-information check on (`password_no_personal_info`): they add a `noPersonalInfo` rule
   * (the email's local part and the username, when 3 characters or longer, must not appear).
   */
  readonly email?: string;
  readonly username?: string;
  /** The connection's `password_complexity_options.min_length`, when it overrides the level's length. */
  readonly minLength?: number;
}

// The names of the values in an Auth0 rule's `format` array, by rule code.
const PARAM_NAMES: Readonly<Record<string, readonly string[]>> = {
  lengthAtLeast: ['count'],
  containsAtLeast: ['count', 'total'],
  identicalChars: ['max', 'example'],
};

// password-sheriff's character kinds; special characters are OWASP's list (space included).
const KINDS: readonly (readonly [string, RegExp])[] = [
  ['lowerCase', /[a-z]/],
  ['upperCase', /[A-Z]/],
  ['numbers', /[0-9]/],
  ['specialCharacters', /[ !"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/],
];

function paramsOf(code: string, values: readonly unknown[] | undefined): Record<string, string> | undefined {
  const names = PARAM_NAMES[code];
  return names && values ? Object.fromEntries(names.map((name, i) => [name, String(values[i])])) : undefined;
}

/** A rule with the built-in English text of `password.<code>`. */
function rule(code: string, verified: boolean, values?: readonly unknown[], items?: PasswordRule[]): PasswordRule {
  const params = paramsOf(code, values);
  const message = format(passwordEn[`password.${code}` as keyof typeof passwordEn], params ?? {});
  return { code, message, verified, ...(params && { params }), ...(items && { items }) };
}

/**
 * The rules of Auth0's password policy `level` and whether `password` meets each, in Auth0's
 * order: length (`nonEmpty` for `none`), then `shouldContain` (fair: lower, upper, digit) or
 * `containsAtLeast` (good, excellent: 3 of lower, upper, digit, special), then `identicalChars`
 * (excellent: no character 3 times in a row). Lengths count UTF-16 code units, as Auth0 does.
 *
 * @example passwordRules('good', 'hunter2').filter((rule) => !rule.verified)
 */
export function passwordRules(level: PasswordPolicyLevel, password: string, { email, username, minLength }: PasswordRuleOptions = {}): PasswordRule[] {
  const strong = level === 'good' || level === 'excellent';
  const length = minLength ?? { none: 1, low: 6, fair: 8, good: 8, excellent: 10 }[level];
  const kinds = KINDS.slice(0, level === 'fair' ? 3 : 4).map(([code, pattern]) => rule(code, pattern.test(password)));
  const met = kinds.filter((kind) => kind.verified).length;
  const rules = [length === 1 ? rule('nonEmpty', !!password) : rule('lengthAtLeast', password.length >= length, [length])];
  if (level === 'fair') rules.push(rule('shouldContain', met === 3, undefined, kinds));
  if (strong) rules.push(rule('containsAtLeast', met >= 3, [3, 4], kinds));
  if (level === 'excellent') rules.push(rule('identicalChars', !!password && !/(.)\1\1/s.test(password), [2, 'aaa']));
  const personal = [email?.split('@')[0], username].filter((part): part is string => !!part && part.length >= 3);
  if (personal.length) rules.push(rule('noPersonalInfo', !personal.some((part) => password.toLowerCase().includes(part.toLowerCase()))));
  return rules;
}

/**
 * The rules of a PasswordStrengthError answer (`description.rules`), with each message's `%d`/`%s`
 * filled in from its `format` and the values also given as `params`.
 */
export function rulesFromAuth0(rules: unknown): PasswordRule[] {
  if (!Array.isArray(rules)) return [];
  return rules.map((raw: { code?: unknown; message?: unknown; format?: unknown; verified?: unknown; items?: unknown }) => {
    const code = String(raw?.code ?? '');
    const values = Array.isArray(raw?.format) ? raw.format : [];
    let next = 0;
    const message = String(raw?.message ?? '').replace(/%[ds]/g, () => String(values[next++]));
    const params = paramsOf(code, values.length ? values : undefined);
    const items = Array.isArray(raw?.items) ? rulesFromAuth0(raw.items) : undefined;
    return { code, message, verified: raw?.verified === true, ...(params && { params }), ...(items && { items }) };
  });
}
