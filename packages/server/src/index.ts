/**
 * @assent/server: what a browser must not do. A Fetch-API handler for consent that only a backend
 * may write (app_metadata with server time), withdrawal with account flagging or deletion, consent
 * export, and the consent page of the post-login Action redirect. Node adapter and the withdrawal
 * log file: `@assent/server/node`. Auth0 Actions: `@assent/server/actions/*.js`.
 */
export { createConsentHandler } from './handler.js';
export type { ConsentHandler, ConsentHandlerHooks } from './handler.js';
export type { Auth0Options, ConsentHandlerOptions, ConsentPageAssets, ConsentPageOptions, ConsentPageTexts } from './config.js';
export { ApiError, ConfigError } from './errors.js';
export type { ApiErrorCode } from './errors.js';
export type { ConsentStateBody } from './consent/routes.js';
export { WithdrawalStoreError, isWithdrawalStore } from './consent/withdrawal-log.js';
export type { UserLockHandle, WithdrawalLog, WithdrawalRecord, WithdrawalStore, WithdrawalStoreErrorCode } from './consent/withdrawal-log.js';
export { parseWithdrawalStoreUrl, redactUrl } from './store/url.js';
export type { WithdrawalStoreLocation } from './store/url.js';
export type { DirectoryUser, MetadataPatch, UserDirectory } from './management/directory.js';
export { createUserDirectory } from './management/directory.js';
export { createTokenVerifier } from './auth/bearer.js';
export type { TokenSubject, TokenVerifier, TokenVerifierOptions } from './auth/bearer.js';
export { actionSecrets, formActionSecrets } from './actions/secrets.js';
export type { ActionSecrets, ActionSecretsOptions, FormActionSecretsOptions } from './actions/secrets.js';
export { consentClaim, consentClaimName, CLAIM_NAMESPACE_SECRET, DEFAULT_CLAIM_NAMESPACE } from './actions/consent-claim.js';
export type { ConsentClaim } from './actions/consent-claim.js';
export { DEFAULT_PAGE_TEXTS } from './consent-page/html.js';
export type { ConsentAnswer } from './consent-page/session.js';
