/**
 * @assent/universal-login/acul: consent on Auth0's custom signup screens (Advanced Customizations for
 * Universal Login). Browser code with no dependency but `@assent/core`: it turns an `<assent-terms>`
 * decision into the `ulp-` fields for `signup()` of `@auth0/auth0-acul-js` on the `signup`,
 * `signup-id` and `signup-password` screens.
 */
export * from './errors.js';
export * from './fields.js';
