import { AssentLock } from '../assent-lock/assent-lock.js';

if (!customElements.get('assent-lock')) customElements.define('assent-lock', AssentLock);

declare global {
  interface HTMLElementTagNameMap {
    'assent-lock': AssentLock;
  }
}
