import type { Messages } from '../../types.js';

/**
 * The English texts `<assent-signup-form>` renders itself: labels, buttons, status texts and the
 * messages it shows while the user types. With `passwordEn` (the password rules, en-password.ts) they
 * are the English the element downloads up front; the texts only a submit needs (the validation
 * summary's field messages, `error.<code>`) are in en-submit.ts, which loads with the signup code.
 * Every other language has all three in one module (signup-form/<tag>.ts). `{time}` is a duration formatted by `Intl.NumberFormat` ("30 seconds"), `{name}` the given
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
