/**
 * @assent/universal-login: consent on Auth0 Universal Login, the hosted signup pages Auth0
 * recommends. Generates the signup prompt partials and their custom texts from one consent policy,
 * and deploys them, the page template and the pre-user-registration Action's secrets to a tenant
 * with the official `auth0` SDK.
 */
export * from './errors.js';
export * from './escape.js';
export * from './texts.js';
export * from './partials.js';
export * from './action-secrets.js';
export * from './deploy.js';
export * from './form.js';
export * from './form-labels.js';
export * from './deploy-form.js';
export * from './diff.js';
export * from './cli.js';
