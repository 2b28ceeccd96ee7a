/**
 * Auth0's password checks at signup, in the order Auth0 applies them: strength (the connection's
 * policy level, evaluated with password-sheriff, Auth0's own library, so the `rules` list and the
 * `policy` text are Auth0's), dictionary, personal information, breached passwords.
 */
import sheriff, { type PasswordPolicyInstance } from 'password-sheriff';
import { signupError, type HttpError } from '../errors.js';
import type { Connection, PasswordPolicyLevel } from '../tenant/types.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

const { PasswordPolicy, charsets } = sheriff;
const { lowerCase, upperCase, numbers, specialCharacters } = charsets;

/** The rules of each level (as password-sheriff and auth0-password-policies define them). */
function levelRules(level: PasswordPolicyLevel): Record<string, unknown> {
  switch (level) {
    case 'none':
      return { length: { minLength: 1 } };
    case 'low':
      return { length: { minLength: 6 } };
    case 'fair':
      return { length: { minLength: 8 }, contains: { expressions: [lowerCase, upperCase, numbers] } };
    case 'good':
      return { length: { minLength: 8 }, containsAtLeast: { atLeast: 3, expressions: [lowerCase, upperCase, numbers, specialCharacters] } };
    case 'excellent':
      return {
        length: { minLength: 10 },
        containsAtLeast: { atLeast: 3, expressions: [lowerCase, upperCase, numbers, specialCharacters] },
        identicalChars: { max: 2 },
      };
  }
}

const policies = new Map<string, PasswordPolicyInstance>();

/** The password-sheriff policy of a level, with the connection's minimum length override. */
export function passwordPolicy(level: PasswordPolicyLevel, minLength?: number): PasswordPolicyInstance {
  const key = `${level}:${minLength ?? ''}`;
  let policy = policies.get(key);
  if (!policy) {
    const rules = levelRules(level);
    if (minLength !== undefined) rules.length = { minLength };
    policy = new PasswordPolicy(rules);
    policies.set(key, policy);
  }
  return policy;
}

/** What the personal-information check compares against. */
export interface PasswordOwner {
  email: string;
  username?: string | undefined;
  name?: string | undefined;
  given_name?: string | undefined;
  family_name?: string | undefined;
  nickname?: string | undefined;
}

/** Parts shorter than this are ignored: a one-letter name must not forbid every password with that letter. */
const MIN_PERSONAL_PART = 3;

function personalParts(owner: PasswordOwner): string[] {
  const parts = [owner.email.split('@')[0], owner.username, owner.name, owner.given_name, owner.family_name, owner.nickname];
  return parts.filter((part): part is string => typeof part === 'string' && part.length >= MIN_PERSONAL_PART).map((part) => part.toLowerCase());
}

/**
 * Checks a signup password against the connection and tenant settings.
 * @returns the Auth0 error to answer with, or undefined when the password is accepted.
 */
export function checkSignupPassword(password: string, connection: Connection, owner: PasswordOwner, breached: readonly string[]): HttpError | undefined {
  const options = connection.options;
  const policy = passwordPolicy(options.passwordPolicy, options.password_complexity_options?.min_length);
  if (!policy.check(password)) {
    return signupError(400, 'PasswordStrengthError', 'invalid_password', policy.missing(password), {
      message: 'Password is too weak',
      policy: policy.toString(),
    });
  }
  if (options.password_dictionary?.enable) {
    const lowered = password.toLowerCase();
    const words = [...COMMON_PASSWORDS, ...(options.password_dictionary.dictionary ?? [])];
    if (words.some((word) => word.toLowerCase() === lowered)) {
      return signupError(400, 'PasswordDictionaryError', 'invalid_password', 'Password is too common', { message: 'Password is too common' });
    }
  }
  if (options.password_no_personal_info?.enable) {
    const lowered = password.toLowerCase();
    if (personalParts(owner).some((part) => lowered.includes(part))) {
      return signupError(400, 'PasswordNoUserInfoError', 'invalid_password', 'Password contains user information', {
        message: 'Password contains user information',
      });
    }
  }
  if (breached.includes(password)) {
    return signupError(400, 'BadRequestError', 'password_leaked', 'This password was found in a data breach on another website. Choose a different password.');
  }
  return undefined;
}
