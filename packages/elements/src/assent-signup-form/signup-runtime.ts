/**
 * What only a configured `<assent-signup-form>` needs: core's signup client, the submit itself
 * (the request, the error-to-message code with the English texts only a submit shows, the events),
 * the form's own validation and the reading of the app's controls into the request. The form loads
 * this module with `import()` as soon as it is configured, so a page's first download does without
 * it; it is code, not a request to Auth0.
 */
export { AssentConfigError, createAssent } from '@assent/core';
export { extraValues } from './extra-values.js';
export { invalidFields } from './validation.js';
export { submitSignup } from './submit.js';
export { withSubmitTexts } from './submit-messages.js';
