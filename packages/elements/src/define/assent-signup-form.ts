// Registers <assent-signup-form> and the <assent-terms> it contains. Importing this module defines
// the tags (a side effect, listed in package.json `sideEffects`); importing the class from
// '@assent/elements' does not.
import './assent-terms.js';
import { AssentSignupForm } from '../assent-signup-form/assent-signup-form.js';
import type { AssentSignupErrorDetail, AssentSignupSuccessDetail } from '../assent-signup-form/events.js';

if (!customElements.get('assent-signup-form')) customElements.define('assent-signup-form', AssentSignupForm);

export { AssentSignupForm };

declare global {
  interface HTMLElementTagNameMap {
    'assent-signup-form': AssentSignupForm;
  }
  interface GlobalEventHandlersEventMap {
    'assent-signup-success': CustomEvent<AssentSignupSuccessDetail>;
    'assent-signup-error': CustomEvent<AssentSignupErrorDetail>;
  }
}
