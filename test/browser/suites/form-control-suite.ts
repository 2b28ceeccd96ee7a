// The contract every Assent form element keeps with <form>, run against each of them from
// test/browser/form-controls.test.ts: it behaves like a native control in FormData, reset,
// state restoration, constraint validation, disabling and the `form` attribute.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';

/** The native-like API a form-associated Assent element exposes. */
export interface FormControlElement extends HTMLElement {
  name: string;
  disabled: boolean;
  readonly form: HTMLFormElement | null;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  readonly willValidate: boolean;
  checkValidity(): boolean;
  reportValidity(): boolean;
  setCustomValidity(message: string): void;
  formResetCallback?(): void;
  formStateRestoreCallback?(state: unknown, reason: 'restore' | 'autocomplete'): void;
}

export interface FormControlSuiteOptions<T extends FormControlElement> {
  /** Tag name, for the test titles. */
  readonly tag: string;
  /** A new element, not yet connected, that is invalid until `makeValid` runs (as a required control is). */
  create(): Promise<T> | T;
  /** Resolves once the connected element is rendered and settled (e.g. its policy has loaded). */
  settle(element: T): Promise<void>;
  /** Does what a user does to make the element valid, and resolves once it is. */
  makeValid(element: T): Promise<void>;
  /** The names of the form entries the valid element contributes, in order. */
  expectedEntries(element: T): string[];
}

/** Entry names of `form`'s data that `element`'s name prefix owns. */
function entriesOf(form: HTMLFormElement): string[] {
  return [...new FormData(form).keys()];
}

/**
 * Captures the state an element hands the browser with `ElementInternals#setFormValue` (what the
 * browser would later give back to `formStateRestoreCallback`), by wrapping the native method for
 * the duration of `run`.
 */
async function capturingSavedState(run: () => Promise<void>): Promise<unknown[]> {
  const states: unknown[] = [];
  const native = ElementInternals.prototype.setFormValue;
  ElementInternals.prototype.setFormValue = function (this: ElementInternals, value, state) {
    states.push(state);
    return native.call(this, value, state);
  };
  try {
    await run();
  } finally {
    ElementInternals.prototype.setFormValue = native;
  }
  return states;
}

export function runFormControlSuite<T extends FormControlElement>(options: FormControlSuiteOptions<T>): void {
  const { tag, create, settle, makeValid, expectedEntries } = options;

  /** A form holding a new element and a submit button, settled. */
  async function inForm(): Promise<{ form: HTMLFormElement; element: T }> {
    const form = await fixture<HTMLFormElement>(html`<form><button>Submit</button></form>`);
    const element = await create();
    form.prepend(element);
    await settle(element);
    return { form, element };
  }

  /** Number of `submit` events `form` lets through while `run` tries to submit it. */
  function countSubmits(form: HTMLFormElement): { readonly count: number } {
    const counter = { count: 0 };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      counter.count += 1;
    });
    return counter;
  }

  describe(`${tag}: form control contract`, () => {
    it('is form-associated and names its form', async () => {
      const { form, element } = await inForm();
      expect(element.form).to.equal(form);
    });

    it('contributes no entries to FormData while invalid', async () => {
      const { form } = await inForm();
      expect(entriesOf(form)).to.deep.equal([]);
    });

    it('contributes exactly its entries to FormData once valid', async () => {
      const { form, element } = await inForm();
      await makeValid(element);
      expect(entriesOf(form)).to.deep.equal(expectedEntries(element));
    });

    it('reports valueMissing through validity, checkValidity and validationMessage while invalid', async () => {
      const { element } = await inForm();
      expect(element.willValidate).to.equal(true);
      expect(element.validity.valid).to.equal(false);
      expect(element.validity.valueMissing).to.equal(true);
      expect(element.checkValidity()).to.equal(false);
      expect(element.validationMessage).to.be.a('string').and.not.equal('');
    });

    it('fires a cancelable invalid event from checkValidity and reportValidity', async () => {
      const { element } = await inForm();
      const events: Event[] = [];
      element.addEventListener('invalid', (event) => events.push(event));
      element.checkValidity();
      expect(element.reportValidity()).to.equal(false);
      expect(events).to.have.length(2);
      expect(events.every((event) => event.cancelable)).to.equal(true);
    });

    it('is valid with an empty validationMessage once valid', async () => {
      const { element } = await inForm();
      await makeValid(element);
      expect(element.validity.valid).to.equal(true);
      expect(element.checkValidity()).to.equal(true);
      expect(element.reportValidity()).to.equal(true);
      expect(element.validationMessage).to.equal('');
    });

    it('blocks the form from submitting while invalid', async () => {
      const { form } = await inForm();
      const submits = countSubmits(form);
      form.requestSubmit();
      expect(submits.count).to.equal(0);
    });

    it('lets the form submit once valid', async () => {
      const { form, element } = await inForm();
      await makeValid(element);
      const submits = countSubmits(form);
      form.requestSubmit();
      expect(submits.count).to.equal(1);
    });

    it('blocks the form with the message given to setCustomValidity, even once valid', async () => {
      const { form, element } = await inForm();
      await makeValid(element);
      element.setCustomValidity('Not yet.');
      expect(element.validity.valid).to.equal(false);
      expect(element.validity.customError).to.equal(true);
      expect(element.validationMessage).to.equal('Not yet.');
      expect(element.checkValidity()).to.equal(false);
      const submits = countSubmits(form);
      form.requestSubmit();
      expect(submits.count).to.equal(0);
    });

    it("keeps its own validity flags beside a custom message, and gets its own message back with setCustomValidity('')", async () => {
      const { form, element } = await inForm();
      const own = element.validationMessage;
      element.setCustomValidity('Not yet.');
      expect(element.validity.valueMissing).to.equal(true);
      expect(element.validationMessage).to.equal('Not yet.');
      element.setCustomValidity('');
      expect(element.validity.customError).to.equal(false);
      expect(element.validationMessage).to.equal(own);

      await makeValid(element);
      expect(element.validity.valid).to.equal(true);
      const submits = countSubmits(form);
      form.requestSubmit();
      expect(submits.count).to.equal(1);
    });

    it('keeps a custom message while the user makes the element valid, until the page clears it', async () => {
      const { element } = await inForm();
      element.setCustomValidity('Not yet.');
      await makeValid(element);
      expect(element.validity.customError).to.equal(true);
      expect(element.validationMessage).to.equal('Not yet.');
      element.setCustomValidity('');
      expect(element.validity.valid).to.equal(true);
    });

    it('returns to its invalid initial state on form reset', async () => {
      const { form, element } = await inForm();
      await makeValid(element);
      form.reset();
      await settle(element);
      expect(element.validity.valueMissing).to.equal(true);
      expect(entriesOf(form)).to.deep.equal([]);
    });

    it('restores its state from what it saved (formStateRestoreCallback)', async () => {
      const { element } = await inForm();
      const saved = await capturingSavedState(() => makeValid(element));
      const state = saved.at(-1);
      expect(state, 'the element saves a restorable state').to.not.equal(undefined);

      const { form, element: restored } = await inForm();
      restored.formStateRestoreCallback!(state, 'restore');
      await waitUntil(() => restored.validity.valid, 'the restored element becomes valid');
      expect(entriesOf(form)).to.deep.equal(expectedEntries(restored));
    });

    it('is left out of validation and of FormData when disabled', async () => {
      const { form, element } = await inForm();
      await makeValid(element);
      element.disabled = true;
      await settle(element);
      expect(element.willValidate).to.equal(false);
      expect(element.matches(':disabled')).to.equal(true);
      expect(entriesOf(form)).to.deep.equal([]);
    });

    it('reflects disabled to its attribute', async () => {
      const { element } = await inForm();
      element.disabled = true;
      await settle(element);
      expect(element.hasAttribute('disabled')).to.equal(true);
    });

    it('is disabled by a disabled fieldset (formDisabledCallback) and enabled again', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><fieldset></fieldset></form>`);
      const fieldset = form.querySelector('fieldset')!;
      const element = await create();
      fieldset.append(element);
      await settle(element);
      await makeValid(element);

      fieldset.disabled = true;
      await settle(element);
      expect(element.matches(':disabled')).to.equal(true);
      expect(element.willValidate).to.equal(false);
      expect(entriesOf(form)).to.deep.equal([]);

      fieldset.disabled = false;
      await settle(element);
      expect(element.matches(':disabled')).to.equal(false);
      expect(entriesOf(form)).to.deep.equal(expectedEntries(element));
    });

    it('joins a form from outside it through the form attribute', async () => {
      const container = await fixture<HTMLDivElement>(html`<div><form id="outside-form"></form></div>`);
      const form = container.querySelector('form')!;
      const element = await create();
      element.setAttribute('form', 'outside-form');
      container.append(element);
      await settle(element);
      expect(element.form).to.equal(form);
      await makeValid(element);
      expect(entriesOf(form)).to.deep.equal(expectedEntries(element));
    });
  });
}
