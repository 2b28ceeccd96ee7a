// The state cards of the gallery: each element in each state a designer needs, built with the
// elements' public API only (attributes, properties, reportValidity).
import '@assent/elements/define/assent-terms.js';
import '@assent/elements/define/assent-signup-form.js';
import { longText, termsOnly } from './policies.js';

/** The policy file the dev server (and the static build) serves from demo/public. */
const POLICY_SRC = '/policies/acme-signup.json';

/** Elements that follow the language control carry this attribute; the RTL card keeps its own. */
export const FOLLOWS_LANG = 'data-follows-lang';

interface Card {
  readonly id: string;
  readonly title: string;
  readonly note: string;
  readonly content: HTMLElement;
  /** Runs once the card is in the page (e.g. reportValidity, which needs a connected element). */
  readonly afterConnect?: () => Promise<void> | void;
}

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

function cards(): Card[] {
  const checked = terms((el) => (el.policy = termsOnly));
  const invalid = terms((el) => (el.policy = termsOnly));
  const rtl = terms((el) => {
    el.policySrc = POLICY_SRC;
    el.lang = 'ar';
    el.removeAttribute(FOLLOWS_LANG);
  });
  const invalidForm = signupForm();
  return [
    { id: 'terms-default', title: '<assent-terms>: default', note: 'One required purpose, inline policy.', content: terms((el) => (el.policy = termsOnly)) },
    {
      id: 'terms-checked',
      title: '<assent-terms>: checked',
      note: 'checked = true.',
      content: checked,
      afterConnect: async () => {
        await checked.updateComplete;
        checked.checked = true;
      },
    },
    {
      id: 'terms-invalid',
      title: '<assent-terms>: invalid',
      note: 'After reportValidity(), as after a failed submit.',
      content: invalid,
      afterConnect: async () => {
        await invalid.updateComplete;
        invalid.reportValidity();
      },
    },
    { id: 'terms-disabled', title: '<assent-terms>: disabled', note: 'The disabled attribute.', content: terms((el) => { el.policy = termsOnly; el.disabled = true; }) },
    { id: 'terms-purposes', title: '<assent-terms>: several purposes', note: `policy-src="${POLICY_SRC}": terms plus two optional purposes.`, content: terms((el) => (el.policySrc = POLICY_SRC)) },
    { id: 'terms-loading', title: '<assent-terms>: loading', note: 'No policy yet: the space is reserved and the element is invalid until one arrives.', content: terms() },
    { id: 'terms-error', title: '<assent-terms>: error', note: 'policy-src points at a file that does not exist.', content: terms((el) => (el.policySrc = '/policies/gallery-missing-policy.json')) },
    { id: 'terms-rtl', title: '<assent-terms>: right to left (ar)', note: 'lang="ar", whatever the language control says.', content: rtl },
    { id: 'terms-long', title: '<assent-terms>: long-text stress', note: 'A very long company name, six documents, seven optional purposes.', content: terms((el) => (el.policy = longText)) },
    { id: 'signup-idle', title: '<assent-signup-form>: idle', note: 'Name, email, password and the consent, before any input.', content: signupForm() },
    { id: 'signup-invalid', title: '<assent-signup-form>: invalid', note: 'Submitted empty: every problem is shown.', content: invalidForm, afterConnect: () => submitEmpty(invalidForm) },
  ];
}

function accountNote(): HTMLElement {
  const note = document.createElement('p');
  note.className = 'gallery-note';
  note.append('<assent-consent-status>, <assent-withdraw-button> and <assent-reconsent> read a signed-in user’s consent, so they are shown on ');
  const link = document.createElement('a');
  link.href = '/account.html';
  link.textContent = 'the account page';
  note.append(link, ' (it signs a demo user up on the local emulator).');
  return note;
}

function frame(card: Pick<Card, 'id' | 'title' | 'note' | 'content'>): HTMLElement {
  const section = document.createElement('section');
  section.className = 'gallery-card';
  section.id = card.id;
  section.setAttribute('aria-labelledby', `${card.id}-title`);
  const heading = document.createElement('h3');
  heading.id = `${card.id}-title`;
  heading.textContent = card.title;
  const note = document.createElement('p');
  note.className = 'gallery-note';
  note.textContent = card.note;
  section.append(heading, note, card.content);
  return section;
}

/** Fills `stage` with every state card; resolves once the states that need a connected element are set. */
export async function renderStates(stage: HTMLElement): Promise<void> {
  const all = cards();
  stage.append(...all.map(frame));
  stage.append(frame({ id: 'account-elements', title: 'Account elements', note: 'Signed-in user needed.', content: accountNote() }));
  await Promise.all(all.map((card) => card.afterConnect?.()));
}

/** Sets the language of every element that follows the language control. */
export function setLanguage(stage: HTMLElement, lang: string): void {
  for (const element of stage.querySelectorAll(`[${FOLLOWS_LANG}]`)) element.setAttribute('lang', lang);
}
