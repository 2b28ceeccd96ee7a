'use client';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { AssentSignupForm as AssentSignupFormElement, type AssentSignupErrorDetail, type AssentSignupSuccessDetail } from '@assent/elements';
import '@assent/elements/define/assent-signup-form.js';

/**
 * `<assent-signup-form>` as a React component: a complete signup for an Auth0 database connection
 * that sends the consent inside the one signup request. Children are the app's own fields and the
 * `slot="success"` content.
 *
 * @example <AssentSignupForm domain="acme.eu.auth0.com" clientId="…" connection="Username-Password-Authentication"
 *   policySrc="/consent-policy.json" onAssentSignupSuccess={(event) => navigate('/welcome')} />
 */
export const AssentSignupForm = createComponent({
  tagName: 'assent-signup-form',
  elementClass: AssentSignupFormElement,
  react: React,
  events: {
    /** The user was created with their consent: `event.detail` has `userId`, `email` and the `decision`. */
    onAssentSignupSuccess: 'assent-signup-success' as EventName<CustomEvent<AssentSignupSuccessDetail>>,
    /** The signup failed: `event.detail.error` is a `SignupError` or `SignupInputError`. */
    onAssentSignupError: 'assent-signup-error' as EventName<CustomEvent<AssentSignupErrorDetail>>,
  },
  displayName: 'AssentSignupForm',
});
