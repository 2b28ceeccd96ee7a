/**
 * The built-in texts, one tree under locales/: the one list of languages (`SUPPORTED_LOCALES`,
 * locales/supported.ts), the types of every part (locales/types.ts), and the English of each part,
 * always bundled: the consent texts (`en`), the signup form's (`formUiEn`, `formSubmitEn`,
 * `passwordEn`) and the account elements' (`accountEn`). Every other language is one module per
 * part, loaded on demand by `loadMessages`, `loadFormTranslation` and `loadAccountTranslation`
 * (messages.ts).
 *
 * Only `export *` here: a bundler then keeps each English module in the chunk that uses it (the
 * signup form's submit texts with its submit code), where a named re-export would pull every one
 * into whichever chunk holds this module's importer.
 */
export * from './locales/supported.js';
export * from './locales/consent/en.js';
export * from './locales/signup-form/en.js';
export * from './locales/signup-form/en-password.js';
export * from './locales/signup-form/en-submit.js';
export * from './locales/account/en.js';
export type * from './locales/types.js';
