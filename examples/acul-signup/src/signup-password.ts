/**
 * The `signup-password` screen: the password, posted with the consent given on signup-id (the SDK
 * carries nothing between screens; the adapter kept it for this transaction).
 */
import SignupPassword from '@auth0/auth0-acul-js/signup-password';
import { consentFields } from './consent.js';
import { renderView } from './view.js';

export function mountSignupPassword(root: HTMLElement): void {
  const screen = new SignupPassword();
  const email = screen.screen.data?.email ?? '';
  const view = renderView(root, {
    heading: 'Choose a password',
    locale: screen.transaction.locale,
    fields: [{ name: 'password', label: 'Password' }],
    errors: screen.getErrors(),
    note: `Signing up as ${email}`,
    button: 'Continue',
  });
  view.form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!view.form.reportValidity()) return;
    const consent = consentFields(view, { screen: 'signup-password', state: screen.transaction.state });
    if (consent) void screen.signup({ email, password: view.value('password'), ...consent });
  });
}
