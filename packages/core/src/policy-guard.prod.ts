/**
 * `validatePolicy` of production builds (package.json `imports` "#policy-guard", without the
 * `development` condition): `guardPolicy`, the checks that protect users, in fewer bytes.
 */
export { guardPolicy as validatePolicy } from './policy-guard.js';
