// The signup form's states after a submit: busy (the answer never comes) and success. Each form
// gets a signup client (core's createAssent) over a stand-in transport, and is filled and
// submitted the way a user does it: typed fields, the box ticked, the button pressed.
import '@assent/elements/define/assent-signup-form.js';
import { createAssent, type SignupTransport } from '@assent/core';
import { FOLLOWS_LANG, type BuiltCard } from './card.js';
import { termsOnly } from './policies.js';

type SignupForm = HTMLElementTagNameMap['assent-signup-form'];

/** Never answers; gives up only when the form cancels (its signal aborts). */
const silentTransport: SignupTransport = {
  signup: (_url, _body, signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true })),
};

/** Answers as Auth0 does when the user was created (200 with the new user's `_id`). */
const createdTransport: SignupTransport = {
  signup: async (_url, body) => ({ status: 200, headers: new Headers({ 'content-type': 'application/json' }), body: { _id: '6750f0c2a1b2c3d4e5f60718', email: body.email, email_verified: false } }),
};

function formWith(transport: SignupTransport): SignupForm {
  const form = document.createElement('assent-signup-form');
  form.setAttribute(FOLLOWS_LANG, '');
  // The form shows the policy it is given; the client (which wins for sending) holds the same one.
  form.policy = termsOnly;
  // The longest wait core allows, so "busy" stays busy while the gallery is open.
  form.client = createAssent({ domain: 'acme.example', clientId: 'gallery', connection: 'Username-Password-Authentication', policy: termsOnly, transport, timeoutMs: 600_000 });
  return form;
}

function type(input: HTMLInputElement | null, value: string): void {
  if (!input) throw new Error('the signup form has no such field');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Resolves with `found()` once it is truthy (checked each frame, about ten seconds at most). */
async function eventually<T>(found: () => T | null | undefined, what: string): Promise<T> {
  for (let frame = 0; frame < 600; frame++) {
    const value = found();
    if (value) return value;
    await new Promise((next) => requestAnimationFrame(next));
  }
  throw new Error(`the gallery's signup form: ${what} never happened`);
}

/** Fills the form with a valid signup, ticks the terms and presses the button. */
async function submitFilled(form: SignupForm): Promise<void> {
  await customElements.whenDefined('assent-signup-form');
  await form.updateComplete;
  type(form.querySelector<HTMLInputElement>('input[autocomplete="email"]'), 'ann@acme.example');
  type(form.querySelector<HTMLInputElement>('input[autocomplete="new-password"]'), 'correct horse battery staple');
  // The form hands its <assent-terms> the policy once its signup code loaded; the decision (with its hash) follows the tick.
  const terms = await eventually(() => (form.querySelector('assent-terms')?.policy ? form.querySelector('assent-terms') : null), 'the terms showing');
  await terms.updateComplete;
  terms.checked = true;
  await eventually(() => terms.decision, 'the decision being ready');
  await form.updateComplete;
  form.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  await form.updateComplete;
}

function submitted(transport: SignupTransport): BuiltCard {
  const form = formWith(transport);
  return { content: form, afterConnect: () => submitFilled(form) };
}

/** Busy: submitted, the answer never comes. */
export const signupBusy = (): BuiltCard => submitted(silentTransport);
/** Success: submitted, the user was created. */
export const signupSuccess = (): BuiltCard => submitted(createdTransport);
