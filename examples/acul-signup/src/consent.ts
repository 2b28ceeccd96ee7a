/**
 * The step every screen shares: ask the adapter for the consent fields, and when it refuses, say so
 * instead of submitting.
 */
import { aculSignupFields, AculConsentError, type AculSignupFieldOptions } from '@assent/universal-login/acul';
import type { View } from './view.js';

/** The `ulp-` consent fields for `signup()`, or null after showing why there are none. */
export function consentFields(view: View, options: AculSignupFieldOptions): Record<string, string> | null {
  try {
    return aculSignupFields(view.terms, options);
  } catch (error) {
    if (!(error instanceof AculConsentError)) throw error;
    view.problem.textContent = view.terms?.validationMessage || error.message;
    return null;
  }
}
