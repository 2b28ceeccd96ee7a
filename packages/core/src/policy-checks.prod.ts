import type { describeIssue as describeInDevelopment } from './policy-checks.dev.js';

/**
 * Production build of the policy diagnostics (package.json `imports` "#policy-checks", without the
 * `development` condition): every check of policy.ts still runs and every issue keeps its field
 * path, but its message is only `is invalid (<code>)`, which keeps the sentences out of the
 * browser bundle. Resolve with the `development` condition for the full sentence.
 */
export const describeIssue: typeof describeInDevelopment = (code) => `is invalid (${code})`;
