/**
 * Development build of the policy diagnostics (package.json `imports` "#policy-checks", chosen by
 * the `development` export condition, as Lit picks its dev build): one sentence per issue code,
 * naming the rule that was broken. The production build (policy-checks.prod.ts) runs the very same
 * checks in policy.ts and only words the issues shorter.
 */
const MESSAGES = {
  object: 'must be an object',
  field: 'is not a known field',
  preticked: 'is not allowed: consent is never pre-ticked (GDPR Art. 7(2))',
  array: 'must be an array',
  pattern: 'must match $',
  url: 'must be an http(s) URL or a /path',
  nonEmpty: 'must be a non-empty string',
  locale: 'is not a language tag',
  string: 'must be a string',
  noText: 'has no English text: add messages.en["$"]',
  duplicate: 'is a duplicate',
  tooMany: 'has more than $ entries',
  boolean: 'must be true or false',
  basis: 'must be one of $',
  requiredConsent: 'a required purpose cannot rest on consent (GDPR Art. 7(4))',
  optionalNotConsent: 'an optional purpose rests on consent: use "consent"',
  documentRef: 'is not a document id, or a repeated one',
  noDocuments: 'must name what a required purpose accepts',
  documentsPlaceholder: 'is empty but the text links {documents}',
  noRequired: 'needs a required purpose',
  idsTooLong: 'ids joined by commas exceed 500 characters (Auth0 limit)',
  bidi: 'contains the bidirectional control $, which can show a text in another order than it is stored and hashed',
  directionMark: 'contains the direction mark $, allowed only in the messages of right-to-left languages',
  tooLong: 'is longer than $ characters',
} as const;

/** What a policy issue is about; production builds report this code instead of the sentence. */
export type PolicyIssueCode = keyof typeof MESSAGES;

/** The message of a `PolicyIssue`: the sentence of `code`, with `detail` in place of its `$`. */
export function describeIssue(code: PolicyIssueCode, detail?: unknown): string {
  return MESSAGES[code].replace('$', () => String(detail));
}
