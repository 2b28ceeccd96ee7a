/** The `signup` screen: email, password and the consent in one post. */
import Signup from '@auth0/auth0-acul-js/signup';
import { consentFields } from './consent.js';
import { policy } from './policy.js';
import { renderView } from './view.js';

export function mountSignup(root: HTMLElement): void {
  const screen = new Signup();
  const view = renderView(root, {
    heading: 'Create your account',
    locale: screen.transaction.locale,
    fields: [
      { name: 'email', label: 'Email address', value: String(screen.untrustedData.submittedFormData?.email ?? '') },
      { name: 'password', label: 'Password' },
    ],
    policy,
    errors: screen.getErrors(),
    button: 'Continue',
  });
  view.form.addEventListener('submit', (event) => {
    event.preventDefault();
    // <assent-terms> is a form control: an unticked required box fails here and says which.
    if (!view.form.reportValidity()) return;
    const consent = consentFields(view, { screen: 'signup', policy });
    if (consent) void screen.signup({ email: view.value('email'), password: view.value('password'), ...consent });
  });
}
