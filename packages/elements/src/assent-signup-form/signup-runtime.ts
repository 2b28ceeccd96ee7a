/**
 * What only a configured `<assent-signup-form>` needs: its set-up (core's signup client, the check
 * of the app's fields against Auth0's limits) and the submit itself (the form's own validation, the
 * reading of the app's controls into the request, the error-to-message code with the English texts
 * only a submit shows, the events). The form loads this module with `import()` as soon as it is
 * configured, so a page's first download does without it; it is code, not a request to Auth0.
 */
export { SignupSetup } from './setup.js';
export { submitSignup } from './submit.js';
