// Registers <assent-reconsent>, and <assent-terms> which its dialog shows. Importing this module
// defines the tags (a side effect, listed in package.json `sideEffects`); importing the class from
// '@assent/elements' does not.
import './assent-terms.js';
import { AssentReconsent, type AssentReconsentAcceptedDetail, type AssentReconsentDeclinedDetail } from '../assent-reconsent/assent-reconsent.js';

if (!customElements.get('assent-reconsent')) customElements.define('assent-reconsent', AssentReconsent);

export { AssentReconsent };

declare global {
  interface HTMLElementTagNameMap {
    'assent-reconsent': AssentReconsent;
  }
  interface GlobalEventHandlersEventMap {
    'assent-reconsent-accepted': CustomEvent<AssentReconsentAcceptedDetail>;
    'assent-reconsent-declined': CustomEvent<AssentReconsentDeclinedDetail>;
  }
}
