/**
 * `validatePolicy` of development builds (package.json `imports` "#policy-guard", chosen by the
 * `development` export condition, as Lit picks its dev build): the full `parsePolicy`.
 */
export { parsePolicy as validatePolicy } from './policy.js';
