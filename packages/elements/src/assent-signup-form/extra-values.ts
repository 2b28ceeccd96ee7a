import { ROOT_FIELDS } from '@assent/core';
import type { ExtraControl } from './extra-fields.js';

/** What the app's own controls contribute to the signup. */
export interface ExtraValues {
  /** Controls named like one of Auth0's root profile fields (`nickname`, `picture`...). */
  readonly rootFields: Record<string, string>;
  /** Every other named control, for `user_metadata`. */
  readonly metadata: Record<string, string>;
}

const isRoot = (name: string) => (ROOT_FIELDS as readonly string[]).includes(name);

/**
 * The values of `controls`, as Auth0 takes them (strings only): a checkbox gives `"true"` or
 * `"false"` (as Lock sends its checkboxes), a radio group its checked value, a `<select multiple>`
 * its selected values joined by commas; an empty text is left out. With `template`, every name
 * maps to `''`: the shape the form checks against Auth0's limits before anyone types.
 */
export function extraValues(controls: readonly ExtraControl[], template = false): ExtraValues {
  const rootFields: Record<string, string> = {};
  const metadata: Record<string, string> = {};
  for (const control of controls) {
    const { name, type } = control;
    let value: string;
    if (template) value = '';
    else if (type === 'checkbox') value = String((control as HTMLInputElement).checked);
    else if (type === 'radio' && !(control as HTMLInputElement).checked) continue;
    else if (control instanceof HTMLSelectElement && control.multiple) value = [...control.selectedOptions].map((option) => option.value).join(',');
    else value = control.value;
    if (!template && value === '') continue;
    (isRoot(name) ? rootFields : metadata)[name] = value;
  }
  return { rootFields, metadata };
}
