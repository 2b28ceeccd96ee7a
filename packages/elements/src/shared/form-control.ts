import type { PropertyDeclarations } from '@lit/reactive-element';
import { RenderingElement } from './rendering-element.js';

/**
 * Base of Assent's form-associated elements: ElementInternals wiring and the native
 * constraint-validation API (`form`, `validity`, `validationMessage`, `willValidate`,
 * `checkValidity()`, `reportValidity()`), plus `userInvalid`: whether the user was told the
 * control is invalid (a failed submit or `reportValidity()`), which is when an element shows its
 * inline error. `checkValidity()` stays silent, as it does on native controls.
 *
 * Subclasses set the value and validity through `internals` and clear `userInvalid` when the
 * user fixes the problem or the form is reset.
 */
export abstract class FormControl extends RenderingElement {
  static formAssociated = true;

  static override shadowRootOptions: ShadowRootInit = { ...RenderingElement.shadowRootOptions, delegatesFocus: true };

  /** The element's ElementInternals: value, validity and form state go through it. */
  protected readonly internals: ElementInternals;

  static override properties: PropertyDeclarations = { userInvalid: { attribute: false } };

  /**
   * Whether the element's inline error is showing (after a failed submit or `reportValidity()`); a
   * reactive property without an attribute (a change re-renders), for subclasses only.
   */
  protected declare userInvalid: boolean;

  #checking = false;

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.userInvalid = false;
    // Capture runs first at the target; the listener added then runs after the page's own
    // listeners, so a page that cancels `invalid` (to show its own message) keeps ours hidden.
    this.addEventListener('invalid', (event) => {
      if (this.#checking) return;
      this.addEventListener('invalid', () => {
        if (!event.defaultPrevented) this.userInvalid = true;
      }, { once: true });
    }, { capture: true });
  }

  /** The `<form>` this element belongs to (through nesting or the `form` attribute), or null. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The validity state, as on native inputs. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The localized message explaining why the element is invalid, or `''`. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the element takes part in constraint validation (false while disabled). */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** Returns whether the element is valid; fires `invalid` when not, without showing an error. */
  checkValidity(): boolean {
    this.#checking = true;
    try {
      return this.internals.checkValidity();
    } finally {
      this.#checking = false;
    }
  }

  /** Returns whether the element is valid; when not, fires `invalid` and shows the error to the user. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }
}
