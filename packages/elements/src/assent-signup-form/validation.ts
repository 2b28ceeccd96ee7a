import type { AssentTerms } from '../assent-terms/assent-terms.js';
import type { ExtraControl } from './extra-fields.js';
import type { FormLocaleMessages } from './messages.js';
import type { Problem } from './problems.js';

/**
 * Runs native constraint validation on `form` (which also makes `<assent-terms>` show its error)
 * and says what is wrong, in DOM order. Controls whose id starts with `ownPrefix` are the form's
 * own fields (told with its texts); the others are the app's (told with their label and the
 * browser's message).
 */
export function invalidFields(form: HTMLFormElement, ownPrefix: string, m: FormLocaleMessages): Problem[] {
  if (form.checkValidity()) return [];
  const problems: Problem[] = [];
  for (const control of form.elements as unknown as Iterable<ExtraControl | AssentTerms>) {
    if (!control.willValidate || control.validity.valid) continue;
    if (control.localName === 'assent-terms') {
      problems.push({ field: 'terms', text: control.validationMessage });
    } else if (!control.id.startsWith(ownPrefix)) {
      const label = (control as ExtraControl).labels?.[0]?.textContent?.trim();
      problems.push({ field: `metadata.${(control as ExtraControl).name}`, text: label ? `${label}: ${control.validationMessage}` : control.validationMessage });
    } else {
      const { name, validity } = control as ExtraControl;
      const text =
        name === 'email'
          ? m[validity.valueMissing ? 'signup.emailMissing' : 'signup.emailInvalid']
          : name === 'password'
            ? m[validity.valueMissing ? 'signup.passwordMissing' : 'signup.passwordWeak']
            : name === 'username' && validity.valueMissing
              ? m['signup.usernameMissing']
              : m['error.field'];
      problems.push({ field: name, text });
    }
  }
  return problems;
}
