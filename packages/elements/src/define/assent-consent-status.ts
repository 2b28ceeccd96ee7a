// Registers <assent-consent-status>. Importing this module defines the tag (a side effect, listed in
// package.json `sideEffects`); importing the class from '@assent/elements' does not.
import { AssentConsentStatus } from '../assent-consent-status/assent-consent-status.js';

if (!customElements.get('assent-consent-status')) customElements.define('assent-consent-status', AssentConsentStatus);

export { AssentConsentStatus };

declare global {
  interface HTMLElementTagNameMap {
    'assent-consent-status': AssentConsentStatus;
  }
}
