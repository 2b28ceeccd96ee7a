/**
 * @assent/core: the framework-free consent model of Assent. Every module is free of side effects,
 * so a bundler keeps only what an app imports.
 */
export * from './types.js';
export * from './errors.js';
export * from './safe-url.js';
export * from './patterns.js';
export * from './policy-text-rules.js';
export * from './policy.js';
export * from './policy-guard.js';
export * from './validate-policy.js';
export * from './texts.js';
export * from './messages.js';
export * from './consent-text.js';
export * from './statement.js';
export * from './decision.js';
export * from './signup-fields.js';
export * from './wire.js';
export * from './consent-object.js';
export * from './records.js';
export * from './universal-login.js';
export * from './forms.js';
export * from './signup/errors.js';
export * from './signup/password-rules.js';
export * from './signup/transport.js';
export * from './signup/response.js';
export * from './signup/request.js';
export * from './signup/config.js';
export * from './signup/client.js';
export * from './state/types.js';
export * from './state/errors.js';
export * from './state/reconsent.js';
export * from './state/consent-state.js';
export * from './state/signup-consent.js';
export * from './state/verified-signup.js';
export * from './state/events.js';
export * from './state/backoff.js';
export * from './state/outbox.js';
export * from './state/management-response.js';
export * from './state/management-transport.js';
export * from './state/client-options.js';
export * from './state/consent-client.js';
