// The state cards of the gallery: each element in each state a designer needs, built with the
// elements' public API only (attributes, properties, reportValidity, a client with a stand-in transport).
import '@assent/elements/define/assent-terms.js';
import '@assent/elements/define/assent-signup-form.js';
import { ACCOUNT_CARDS } from './account-states.js';
import { FOLLOWS_LANG, type BuiltCard, type CardSpec } from './card.js';
import { longText, termsOnly } from './policies.js';
import { signupBusy, signupSuccess } from './signup-states.js';

export { FOLLOWS_LANG } from './card.js';

/** The policy file the dev server (and the static build) serves from demo/public. */
const POLICY_SRC = '/policies/acme-signup.json';

/** The widths the all-widths mode shows side by side. */
export const SIDE_BY_SIDE = [
  { width: 'phone', label: 'Phone (360 px)' },
  { width: 'tablet', label: 'Tablet (768 px)' },
  { width: 'desktop', label: 'Desktop (1200 px)' },
] as const;

function terms(setup: (element: HTMLElementTagNameMap['assent-terms']) => void = () => {}): HTMLElementTagNameMap['assent-terms'] {
  const element = document.createElement('assent-terms');
  element.setAttribute(FOLLOWS_LANG, '');
  setup(element);
  return element;
}

function signupForm(): HTMLElementTagNameMap['assent-signup-form'] {
  const element = document.createElement('assent-signup-form');
  element.setAttribute(FOLLOWS_LANG, '');
  // A loopback placeholder: the gallery shows the form, it never submits a complete one.
  element.domain = 'http://127.0.0.1:4400';
  element.clientId = 'gallery';
  element.connection = 'Username-Password-Authentication';
  element.policySrc = POLICY_SRC;
  element.askName = true;
  return element;
}

/** Shows the signup form's "invalid" look the way a user gets it: submitting it empty. */
async function submitEmpty(form: HTMLElementTagNameMap['assent-signup-form']): Promise<void> {
  await customElements.whenDefined('assent-signup-form');
  await form.updateComplete;
  const root = form.shadowRoot ?? form;
  root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
}

/** Every state card, in the order of the page. */
export const STATE_CARDS: readonly CardSpec[] = [
  { id: 'terms-default', title: '<assent-terms>: default', note: 'One required purpose, inline policy.', build: () => ({ content: terms((el) => (el.policy = termsOnly)) }) },
  {
    id: 'terms-checked',
    title: '<assent-terms>: checked',
    note: 'checked = true.',
    build: () => {
      const checked = terms((el) => (el.policy = termsOnly));
      return {
        content: checked,
        afterConnect: async () => {
          await checked.updateComplete;
          checked.checked = true;
        },
      };
    },
  },
  {
    id: 'terms-invalid',
    title: '<assent-terms>: invalid',
    note: 'After reportValidity(), as after a failed submit.',
    build: () => {
      const invalid = terms((el) => (el.policy = termsOnly));
      return {
        content: invalid,
        afterConnect: async () => {
          await invalid.updateComplete;
          invalid.reportValidity();
        },
      };
    },
  },
  {
    id: 'terms-disabled',
    title: '<assent-terms>: disabled',
    note: 'The disabled attribute.',
    build: () => ({
      content: terms((el) => {
        el.policy = termsOnly;
        el.disabled = true;
      }),
    }),
  },
  {
    id: 'terms-purposes',
    title: '<assent-terms>: several purposes',
    note: `policy-src="${POLICY_SRC}": terms plus two optional purposes.`,
    build: () => ({ content: terms((el) => (el.policySrc = POLICY_SRC)) }),
  },
  { id: 'terms-loading', title: '<assent-terms>: loading', note: 'No policy yet: the space is reserved and the element is invalid until one arrives.', build: () => ({ content: terms() }) },
  {
    id: 'terms-error',
    title: '<assent-terms>: error',
    note: 'policy-src points at a file that does not exist.',
    build: () => ({ content: terms((el) => (el.policySrc = '/policies/gallery-missing-policy.json')) }),
  },
  {
    id: 'terms-rtl',
    title: '<assent-terms>: right to left (ar)',
    note: 'lang="ar", whatever the language control says.',
    build: () => ({
      content: terms((el) => {
        el.policySrc = POLICY_SRC;
        el.lang = 'ar';
        el.removeAttribute(FOLLOWS_LANG);
      }),
    }),
  },
  {
    id: 'terms-long',
    title: '<assent-terms>: long-text stress',
    note: 'A very long company name, six documents, seven optional purposes.',
    build: () => ({ content: terms((el) => (el.policy = longText)) }),
  },
  { id: 'signup-idle', title: '<assent-signup-form>: idle', note: 'Name, email, password and the consent, before any input.', build: () => ({ content: signupForm() }) },
  {
    id: 'signup-invalid',
    title: '<assent-signup-form>: invalid',
    note: 'Submitted empty: every problem is shown.',
    build: () => {
      const form = signupForm();
      return { content: form, afterConnect: () => submitEmpty(form) };
    },
  },
  { id: 'signup-busy', title: '<assent-signup-form>: busy', note: 'Filled in and submitted; the answer never comes (a stand-in transport that never answers).', build: signupBusy },
  { id: 'signup-success', title: '<assent-signup-form>: success', note: 'Filled in and submitted; the stand-in transport answers as Auth0 does when the user is created.', build: signupSuccess },
  ...ACCOUNT_CARDS,
];

function frame(spec: CardSpec, id: string, content: HTMLElement, title = spec.title): HTMLElement {
  const section = document.createElement('section');
  section.className = 'gallery-card';
  section.id = id;
  section.setAttribute('aria-labelledby', `${id}-title`);
  const heading = document.createElement('h3');
  heading.id = `${id}-title`;
  heading.textContent = title;
  const note = document.createElement('p');
  note.className = 'gallery-note';
  note.textContent = spec.note;
  section.append(heading, note, content);
  return section;
}

/** A column of the all-widths mode: the width, then the card at that width. */
function column(spec: CardSpec, width: (typeof SIDE_BY_SIDE)[number], built: BuiltCard): HTMLElement {
  const columnElement = document.createElement('div');
  columnElement.className = 'gallery-column';
  columnElement.dataset['width'] = width.width;
  const label = document.createElement('p');
  label.className = 'gallery-column-width';
  label.textContent = width.label;
  columnElement.append(label, frame(spec, `${spec.id}-${width.width}`, built.content, `${spec.title} (${width.label})`));
  return columnElement;
}

let shown: BuiltCard[] = [];

/**
 * Fills `stage` with every state card, or with the card `sideBySide` (an id of STATE_CARDS) at
 * the three widths; resolves once the states that need a connected element are set.
 */
export async function renderStates(stage: HTMLElement, sideBySide: string | null): Promise<void> {
  for (const built of shown) built.dispose?.();
  stage.replaceChildren();
  const spec = sideBySide === null ? undefined : STATE_CARDS.find((card) => card.id === sideBySide);
  if (spec) {
    const columns = SIDE_BY_SIDE.map((width) => ({ width, built: spec.build() }));
    shown = columns.map(({ built }) => built);
    stage.append(...columns.map(({ width, built }) => column(spec, width, built)));
  } else {
    const cards = STATE_CARDS.map((card) => ({ card, built: card.build() }));
    shown = cards.map(({ built }) => built);
    stage.append(...cards.map(({ card, built }) => frame(card, card.id, built.content)));
  }
  await Promise.all(shown.map((built) => built.afterConnect?.()));
}

/** Sets the language of every element that follows the language control. */
export function setLanguage(stage: HTMLElement, lang: string): void {
  for (const element of stage.querySelectorAll(`[${FOLLOWS_LANG}]`)) element.setAttribute('lang', lang);
}
