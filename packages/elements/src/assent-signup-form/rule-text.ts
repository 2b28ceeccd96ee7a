import { format, type PasswordRule } from '@assent/core';
import type { FormUiMessages } from './ui-messages.js';

/** The localized text of a password rule: `password.<code>` with its params, else Auth0's own English text. */
export function ruleText(rule: PasswordRule, m: FormUiMessages): string {
  const template = (m as Readonly<Record<string, string>>)[`password.${rule.code}`];
  return template ? format(template, rule.params ?? {}) : rule.message;
}
