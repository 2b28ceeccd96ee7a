import type { PropertyDeclarations } from '@lit/reactive-element';
import { RenderingElement } from './rendering-element.js';

/**
 * Base of Assent's form-associated elements: ElementInternals wiring and the native
 * constraint-validation API (`form`, `validity`, `validationMessage`, `willValidate`,
 * `checkValidity()`, `reportValidity()`, `setCustomValidity()`), plus `userInvalid`: whether the
 * user was told the control is invalid (a failed submit or `reportValidity()`), which is when an
 * element shows its inline error. `checkValidity()` stays silent, as it does on native controls.
 *
 * Subclasses set the value through `internals` and their own validity through `setValidity()`
 * (never `internals.setValidity`, which would hide the page's custom message), and clear
 * `userInvalid` when the user fixes the problem or the form is reset.
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
  declare protected userInvalid: boolean;

  #checking = false;
  /** The page's message from `setCustomValidity()`; '' for none. */
  #customMessage = '';
  /** The element's own validity as the subclass last set it, applied again when the page's message changes. */
  #ownValidity: Parameters<ElementInternals['setValidity']> = [];

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.userInvalid = false;
    // Capture runs first at the target; the listener added then runs after the page's own
    // listeners, so a page that cancels `invalid` (to show its own message) keeps ours hidden.
    this.addEventListener(
      'invalid',
      (event) => {
        if (this.#checking) return;
        this.addEventListener(
          'invalid',
          () => {
            if (!event.defaultPrevented) this.userInvalid = true;
          },
          { once: true },
        );
      },
      { capture: true },
    );
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

  /**
   * Makes the element invalid with `message` (`validity.customError`), whatever its own state, as on
   * native inputs: the form does not submit and the message is shown like the element's own. `''`
   * gives the element its own validity back.
   */
  setCustomValidity(message: string): void {
    this.#customMessage = message;
    this.setValidity(...this.#ownValidity);
    // The inline error shows the message: a new one is rendered at once.
    this.requestUpdate();
  }

  /**
   * Sets the element's own validity, as `ElementInternals#setValidity` takes it; a message from
   * `setCustomValidity()` wins over it. A valid element hides its inline error.
   */
  protected setValidity(flags?: ValidityStateFlags, message?: string, anchor?: HTMLElement): void {
    this.#ownValidity = [flags, message, anchor];
    const custom = this.#customMessage;
    this.internals.setValidity(custom ? { ...flags, customError: true } : flags, custom || message, anchor);
    if (this.internals.validity.valid) this.userInvalid = false;
  }
}
