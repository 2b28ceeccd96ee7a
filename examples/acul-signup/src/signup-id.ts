/** The `signup-id` screen (identifier first): the email and the consent; the consent is kept for signup-password. */
import SignupId from '@auth0/auth0-acul-js/signup-id';
import { consentFields } from './consent.js';
import { policy } from './policy.js';
import { renderView } from './view.js';

export function mountSignupId(root: HTMLElement): void {
  const screen = new SignupId();
  const view = renderView(root, {
    heading: 'Create your account',
    locale: screen.transaction.locale,
    fields: [{ name: 'email', label: 'Email address', value: String(screen.untrustedData.submittedFormData?.email ?? '') }],
    policy,
    errors: screen.getErrors(),
    button: 'Continue',
  });
  view.form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!view.form.reportValidity()) return;
    const consent = consentFields(view, { screen: 'signup-id', state: screen.transaction.state, policy });
    if (consent) void screen.signup({ email: view.value('email'), ...consent });
  });
}
