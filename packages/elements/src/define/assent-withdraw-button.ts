// Registers <assent-withdraw-button>. Importing this module defines the tag (a side effect, listed in
// package.json `sideEffects`); importing the class from '@assent/elements' does not.
import { AssentWithdrawButton, type AssentWithdrawDetail } from '../assent-withdraw-button/assent-withdraw-button.js';

if (!customElements.get('assent-withdraw-button')) customElements.define('assent-withdraw-button', AssentWithdrawButton);

export { AssentWithdrawButton };

declare global {
  interface HTMLElementTagNameMap {
    'assent-withdraw-button': AssentWithdrawButton;
  }
  interface GlobalEventHandlersEventMap {
    'assent-withdraw': CustomEvent<AssentWithdrawDetail>;
  }
}
