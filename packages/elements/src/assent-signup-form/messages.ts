import { passwordEn, resolveLocale, type Messages, type PasswordMessageKey } from '@assent/core';

/**
 * English texts of `<assent-signup-form>`, apart from core's `en` so that `<assent-terms>` alone
 * never downloads them. With core's `passwordEn` (the password rules, `password.<code>`) they make
 * the form's English set, `formMessagesEn`; every other language is one module loaded on demand.
 *
 * - `signup.*`: labels, buttons, status texts and the messages of the form's own validation.
 * - `error.<code>`: one per `SignupError` code the user can meet, plus `error.may_already_exist`
 *   (a retry met "user exists" after an attempt that may have created the account), `error.offline`,
 *   `error.too_long` and `error.field` (input the SDK refused before sending).
 * - `{time}` is a duration formatted by `Intl.NumberFormat` ("30 seconds"), `{name}` the given name
 *   the user typed (rendered as text).
 */
export const formEn = {
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
  'signup.emailMissing': 'Enter your email address.',
  'signup.emailInvalid': 'Enter an email address in the correct format, like name@example.com.',
  'signup.passwordMissing': 'Enter a password.',
  'signup.passwordWeak': 'Enter a password that meets every requirement.',
  'signup.usernameMissing': 'Enter a username.',
  'signup.retryIn': 'You can try again in {time}.',
  'signup.retryNow': 'You can try again now.',
  'signup.config': 'This signup form is not set up correctly, so it cannot be sent. Please contact the site owner.',
  'error.user_exists': 'An account with this email address already exists. Log in instead, or use another email address.',
  'error.may_already_exist': 'An account with this email address already exists: your previous attempt may have created it. Try logging in.',
  'error.username_exists': 'This username is taken. Choose another one.',
  'error.invalid_password': 'The password does not meet every requirement:',
  'error.password_leaked': 'This password has appeared in a data breach on another website. Choose a different password.',
  'error.password_dictionary': 'This password is too common. Choose a less predictable password.',
  'error.password_no_user_info': 'The password must not contain your name, username or email address.',
  'error.invalid_email': 'This email address cannot be used. Check it, or use another one.',
  'error.invalid_signup': 'Your account could not be created. Check your details and try again.',
  'error.bad_request': 'Your account could not be created because of a problem with this form. Please contact the site owner.',
  'error.rate_limited': 'Too many attempts. Please wait before trying again.',
  'error.offline': 'You are offline. Nothing was sent: connect to the internet and try again.',
  'error.network': 'The server could not be reached. Check your connection and try again.',
  'error.timeout': 'The server did not answer in time. Please try again.',
  'error.server': 'Something went wrong on our side. Please try again in a moment.',
  'error.aborted': 'The signup was cancelled.',
  'error.too_long': 'This value is too long.',
  'error.field': 'This value cannot be accepted. Check it and try again.',
} satisfies Messages;

/** A key of the form's texts: its own and the password rules. */
export type FormMessageKey = keyof typeof formEn | PasswordMessageKey;

/** A language module of the form: every key, translated. */
export type FormLocaleMessages = Readonly<Record<FormMessageKey, string>>;

/** The form's complete English set, always bundled: the fallback of every other language. */
export const formMessagesEn: FormLocaleMessages = { ...formEn, ...passwordEn };

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
 * The form's texts in `locale` (resolved with core's `resolveLocale`, so the languages are core's
 * `SUPPORTED_LOCALES`): English at once, any other language through a dynamic import.
 *
 * @example const texts = await loadFormMessages('de-AT'); // German
 */
export async function loadFormMessages(locale: string): Promise<FormLocaleMessages> {
  const load = LOADERS[resolveLocale(locale)];
  return load ? (await load()).default : formMessagesEn;
}
