import type { Messages } from '../../types.js';

/**
 * The English texts of `<assent-signup-form>` that only a submit needs, in the signup code's chunk
 * rather than in the element's first download:
 *
 * - `signup.*Missing`, `signup.emailInvalid`: the messages of the form's own validation.
 * - `error.<code>`: one per `SignupError` code the user can meet, plus `error.may_already_exist`
 *   (a retry met "user exists" after an attempt that may have created the account), `error.offline`,
 *   `error.too_long` and `error.field` (input the SDK refused before sending).
 */
export const formSubmitEn = {
  'signup.emailMissing': 'Enter your email address.',
  'signup.emailInvalid': 'Enter an email address in the correct format, like name@example.com.',
  'signup.passwordMissing': 'Enter a password.',
  'signup.usernameMissing': 'Enter a username.',
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
