/**
 * What a Form answered, as `event.prompt.fields` gives it to `onContinuePostLogin`: read from the
 * /continue post of the emulator's Form page. Legal and Boolean fields are booleans (a checkbox
 * posts `true`; an unticked one posts nothing), a custom field is the JSON its `getValue()`
 * returned (null when it gave none), hidden fields keep the values the Form and the Action set
 * (the browser cannot change them).
 */
import type { StoredForm } from './store.js';
import { firstStep } from './store.js';

/** The rendered Form's state kept with the suspended login. */
export interface RenderedForm {
  readonly formId: string;
  readonly vars: Record<string, unknown>;
  readonly fields: Record<string, unknown>;
}

/** The fields, or what is wrong with the post (shown on the Form again). */
export type FormAnswer = { readonly fields: Record<string, unknown> } | { readonly error: string };

/** The hidden fields' values: what the Action passed in `fields`, else the Form's own value. */
export function hiddenValues(form: StoredForm, rendered: RenderedForm): Record<string, unknown> {
  return Object.fromEntries((form.start?.hidden_fields ?? []).map((field) => [field.key, rendered.fields[field.key] ?? field.value ?? null]));
}

/** Reads the posted fields of the Form's step. */
export function readFormAnswer(form: StoredForm, rendered: RenderedForm, posted: Readonly<Record<string, string>>): FormAnswer {
  const fields: Record<string, unknown> = hiddenValues(form, rendered);
  for (const component of firstStep(form)?.config.components ?? []) {
    if (component.category !== 'FIELD') continue;
    const value = posted[component.id];
    const label = component.label ?? component.id;
    if (component.type === 'LEGAL' || component.type === 'BOOLEAN') {
      if (value !== undefined && value !== 'true' && value !== 'on') return { error: `${label}: expected a checkbox value, got ${JSON.stringify(value)}` };
      fields[component.id] = value !== undefined;
      if (component.required && value === undefined) return { error: `${label} is required.` };
    } else if (component.type === 'CUSTOM') {
      if (value === undefined || value === '') {
        if (component.required) return { error: `${label} is required.` };
        fields[component.id] = null;
        continue;
      }
      try {
        fields[component.id] = JSON.parse(value);
      } catch {
        return { error: `${label}: the custom field's value is not JSON` };
      }
    }
  }
  return { fields };
}
