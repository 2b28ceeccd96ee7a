// Registers <assent-terms>. Importing this module defines the tag (a side effect, listed in
// package.json `sideEffects`); importing the class from '@assent/elements' does not.
import { AssentTerms, type AssentChangeDetail } from '../assent-terms/assent-terms.js';

if (!customElements.get('assent-terms')) customElements.define('assent-terms', AssentTerms);

export { AssentTerms };

declare global {
  interface HTMLElementTagNameMap {
    'assent-terms': AssentTerms;
  }
  interface GlobalEventHandlersEventMap {
    'assent-change': CustomEvent<AssentChangeDetail>;
  }
}
