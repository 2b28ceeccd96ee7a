import type { Messages } from '../../types.js';

/**
 * English texts of the password rules (`passwordRules`, `SignupError#rules`), key `password.<code>`:
 * Auth0's own wording, with `{count}`, `{total}`, `{max}` and `{example}` for the rule's `params`.
 * Kept apart from `en` so pages that never show a password field do not download them. Their
 * translations are part of each language's signup form texts (signup-form/<tag>.ts).
 */
export const passwordEn = {
  'password.nonEmpty': 'Non-empty password required',
  'password.lengthAtLeast': 'At least {count} characters in length',
  'password.containsAtLeast': 'Contain at least {count} of the following {total} types of characters:',
  'password.shouldContain': 'Should contain:',
  'password.lowerCase': 'lower case letters (a-z)',
  'password.upperCase': 'upper case letters (A-Z)',
  'password.numbers': 'numbers (i.e. 0-9)',
  'password.specialCharacters': 'special characters (e.g. !@#$%^&*)',
  'password.identicalChars': 'No more than {max} identical characters in a row (e.g., "{example}" not allowed)',
  'password.noPersonalInfo': 'Does not contain your email address or username',
} satisfies Messages;
