import { SignupError, SignupInputError, type PasswordRule } from '@assent/core';
import type { FormLocaleMessages } from './messages.js';
import { ruleText } from './rule-text.js';

/** Something to tell the user after a failed submit: a field's message, or one about the whole form. */
export interface Problem {
  /** What the message is about: `email`, `password`, `username`, `given_name`, `family_name`, `terms`, `metadata.<name>`; absent for the whole form. */
  readonly field?: string;
  readonly text: string;
  /** The password rules the server says are not met (`invalid_password`), as localized texts. */
  readonly rules?: readonly string[];
}

/** The unmet rules, nested kinds flattened under their parent ("Contain at least 3 of…: upper case letters"). */
function unmetRules(rules: readonly PasswordRule[], m: FormLocaleMessages): string[] {
  return rules
    .filter((rule) => !rule.verified)
    .map((rule) => {
      const missing = rule.items?.filter((item) => !item.verified).map((item) => ruleText(item, m));
      return missing?.length ? `${ruleText(rule, m)} ${missing.join(', ')}` : ruleText(rule, m);
    });
}

/**
 * What the user is told about `error` (from `client.signup`), in their language. Never Auth0's own
 * description: it is English, and meant for developers.
 */
export function problemOf(error: unknown, m: FormLocaleMessages): Problem {
  if (error instanceof SignupInputError) {
    const field = error.field.replace(/^rootFields\./, '');
    return { field, text: m[/too_long/.test(error.code) ? 'error.too_long' : 'error.field'] };
  }
  if (!(error instanceof SignupError)) return { text: m['signup.config'] };
  const { code, field } = error;
  switch (code) {
    case 'user_exists':
      return { field: 'email', text: m[error.mayAlreadyExist ? 'error.may_already_exist' : 'error.user_exists'] };
    case 'invalid_password':
      return { field: 'password', text: m['error.invalid_password'], rules: unmetRules(error.rules ?? [], m) };
    case 'network':
      // Not ambiguous means the SDK saw the browser offline and sent nothing.
      return { text: m[error.ambiguous ? 'error.network' : 'error.offline'] };
    default:
      return { ...(field && { field }), text: m[`error.${code}`] };
  }
}
