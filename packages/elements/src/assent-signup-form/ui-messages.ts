import { passwordEn, resolveLocale, type Messages, type PasswordMessageKey } from '@assent/core';
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

// One module per language, loaded only when asked for (static specifiers, so bundlers split them).
const LOADERS: Readonly<Record<string, () => Promise<{ default: FormLocaleMessages }>>> = {
  ar: () => import('./locales/ar.js'),
  bg: () => import('./locales/bg.js'),
  cs: () => import('./locales/cs.js'),
  da: () => import('./locales/da.js'),
  de: () => import('./locales/de.js'),
  el: () => import('./locales/el.js'),
  es: () => import('./locales/es.js'),
  et: () => import('./locales/et.js'),
  fi: () => import('./locales/fi.js'),
  fr: () => import('./locales/fr.js'),
  ga: () => import('./locales/ga.js'),
  he: () => import('./locales/he.js'),
  hr: () => import('./locales/hr.js'),
  hu: () => import('./locales/hu.js'),
  it: () => import('./locales/it.js'),
  lt: () => import('./locales/lt.js'),
  lv: () => import('./locales/lv.js'),
  mt: () => import('./locales/mt.js'),
  nl: () => import('./locales/nl.js'),
  pl: () => import('./locales/pl.js'),
  pt: () => import('./locales/pt.js'),
  ro: () => import('./locales/ro.js'),
  sk: () => import('./locales/sk.js'),
  sl: () => import('./locales/sl.js'),
  sv: () => import('./locales/sv.js'),
};

/**
 * The form's complete texts in `locale` (resolved with core's `resolveLocale`, so the languages are
 * core's `SUPPORTED_LOCALES`) through a dynamic import; null for English, which has no module.
 */
export async function loadFormTranslation(locale: string): Promise<FormLocaleMessages | null> {
  const load = LOADERS[resolveLocale(locale)];
  return load ? (await load()).default : null;
}
