'use client';
// React components for the Assent elements. Each module defines its element when imported; with
// `sideEffects: false`, a bundler keeps only the components (and elements) an app uses.
export { AssentTerms } from './assent-terms.js';
export { AssentSignupForm } from './assent-signup-form.js';
export { AssentWithdrawButton } from './assent-withdraw-button.js';
export { AssentConsentStatus } from './assent-consent-status.js';
export { AssentReconsent } from './assent-reconsent.js';
