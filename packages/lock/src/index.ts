/**
 * @assent/lock: Auth0 Lock with the consent of an Assent policy. `withConsent` turns a policy into
 * Lock options; `mountLock` and `<assent-lock>` load Lock lazily and mount it in light DOM. Importing
 * this module defines no element: import `@assent/lock/define/assent-lock.js` for the tag.
 */
export * from './errors.js';
export * from './events.js';
export * from './lock-types.js';
export * from './signup-terms.js';
export * from './with-consent.js';
export * from './load-lock.js';
export * from './mount-lock.js';
export * from './assent-lock/assent-lock.js';
export type * from './assent-lock/options.js';
