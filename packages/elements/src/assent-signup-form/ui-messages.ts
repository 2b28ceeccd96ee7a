import { passwordEn, resolveLocale, type Messages, type PasswordMessageKey } from '@assent/core';
import type { FormLocale } from './locales/index.js';
import type { FormLocaleMessages } from './messages.js';

/**
 * The English texts `<assent-signup-form>` renders itself: labels, buttons, status texts and the
 * messages it shows while the user types. With core's `passwordEn` (the password rules) they are
 * the English the element downloads up front; the texts only a submit needs (the validation
 * summary's field messages, `error.<code>`) are in submit-messages.ts, which loads with the signup
 * code. `{time}` is a duration formatted by `Intl.NumberFormat` ("30 seconds"), `{name}` the given
 * name the user typed (rendered as text).
 */
export const formUiEn = {
  'signup.givenName': 'First name',
  'signup.familyName': 'Last name',
  'signup.username': 'Username',
  'signup.email': 'Email address',
  'signup.password': 'Password',
  'signup.showPassword': 'Show password',
  'signup.rules': 'Your password needs:',
  'signup.ruleMet': '(done)',
  'signup.ruleUnmet': '(not yet)',
  'signup.submit': 'Create account',
  'signup.sending': 'Creating your account…',
  'signup.success': 'Your account has been created.',
  'signup.welcome': 'Welcome, {name}!',
  'signup.summary': 'There is a problem',
  'signup.passwordWeak': 'Enter a password that meets every requirement.',
  'signup.retryIn': 'You can try again in {time}.',
  'signup.retryNow': 'You can try again now.',
  'signup.config': 'This signup form is not set up correctly, so it cannot be sent. Please contact the site owner.',
} satisfies Messages;

/** The texts the element renders: its own and the password rules. Every language module has them (and the submit texts). */
export type FormUiMessages = Readonly<Record<keyof typeof formUiEn | PasswordMessageKey, string>>;

/** The element's English texts, always bundled. */
export const formUiMessagesEn: FormUiMessages = { ...formUiEn, ...passwordEn };

/**
 * The form's complete texts in `locale` (resolved with core's `resolveLocale`, so the languages are
 * core's `SUPPORTED_LOCALES`) through a dynamic import; null for English, which has no module.
 */
export async function loadFormTranslation(locale: string): Promise<FormLocaleMessages | null> {
  const resolved = resolveLocale(locale);
  // The table of language modules is itself loaded on demand: English pages never download it.
  // resolveLocale returns a key of the table for every language but English.
  return resolved == 'en' ? null : (await (await import('./locales/index.js')).FORM_LOCALES[resolved as FormLocale]()).default;
}
