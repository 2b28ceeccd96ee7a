/**
 * The DOM of one signup screen: a heading, the Auth0 errors of the last post, the inputs, optionally
 * `<assent-terms>`, and the button. Built with DOM calls: the texts that come from the server (the
 * Action's refusal, the email) are set as text, never parsed as HTML.
 */
import type { AssentTerms } from '@assent/elements';
import type { ConsentPolicy } from '@assent/core';

/** One input of the form. */
export interface Field {
  readonly name: 'email' | 'password';
  readonly label: string;
  readonly value?: string | undefined;
}

export interface ViewOptions {
  readonly heading: string;
  readonly locale: string;
  readonly fields: readonly Field[];
  /** Show `<assent-terms>` with this policy. */
  readonly policy?: ConsentPolicy;
  /** Messages of the refused last post (`screen.getErrors()`). */
  readonly errors: readonly { readonly message: string }[];
  /** Text above the button (signup-password: who signs up). */
  readonly note?: string;
  readonly button: string;
}

export interface View {
  readonly form: HTMLFormElement;
  readonly terms: AssentTerms | null;
  /** Says why nothing was sent; role=alert. */
  readonly problem: HTMLElement;
  value(name: Field['name']): string;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), properties);
}

export function renderView(root: HTMLElement, options: ViewOptions): View {
  document.documentElement.lang = options.locale;
  const main = element('main', { className: 'acul-signup' });
  main.append(element('h1', { textContent: options.heading }));
  const problem = element('p', { className: 'problem', id: 'problem', textContent: options.errors.map((error) => error.message).join(' ') });
  problem.setAttribute('role', 'alert');
  const form = element('form', { noValidate: true });
  for (const field of options.fields) {
    const input = element('input', { id: field.name, name: field.name, type: field.name, required: true, autocomplete: field.name === 'email' ? 'email' : 'new-password', value: field.value ?? '' });
    form.append(element('label', { htmlFor: field.name, textContent: field.label }), input);
  }
  let terms: AssentTerms | null = null;
  if (options.policy) {
    terms = document.createElement('assent-terms');
    terms.policy = options.policy;
    form.append(terms);
  }
  if (options.note) form.append(element('p', { className: 'note', textContent: options.note }));
  form.append(element('button', { type: 'submit', textContent: options.button }));
  main.append(problem, form);
  root.replaceChildren(main);
  const value = (name: Field['name']) => {
    const input = form.elements.namedItem(name);
    return input instanceof HTMLInputElement ? input.value : '';
  };
  return { form, terms, problem, value };
}
