// The first demo page: <assent-terms> inside a plain native form, with a live view of the FormData
// it contributes and of the last assent-change event.
import '@assent/elements/define/assent-terms.js';
import { SUPPORTED_LOCALES } from '@assent/core';

/** The page's element matching `selector`; the page is broken without it, so say which one. */
function required<T extends Element>(selector: string): T {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`demo page: ${selector} is missing`);
  return element;
}

const form = required<HTMLFormElement>('#signup');
const terms = required<HTMLElementTagNameMap['assent-terms']>('assent-terms');
const formDataView = required<HTMLPreElement>('#formdata');
const lastEvent = required<HTMLPreElement>('#last-event');
const status = required<HTMLParagraphElement>('#submit-status');
const langSelect = required<HTMLSelectElement>('#lang-select');

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
for (const locale of SUPPORTED_LOCALES) {
  langSelect.append(new Option(`${languageNames.of(locale) ?? locale} (${locale})`, locale));
}
const initialLang = new URLSearchParams(location.search).get('lang') ?? 'en';
langSelect.value = initialLang;
terms.lang = initialLang;

langSelect.addEventListener('change', () => {
  terms.lang = langSelect.value;
  const url = new URL(location.href);
  url.searchParams.set('lang', langSelect.value);
  history.replaceState(null, '', url);
});

function showFormData(): void {
  const entries = [...new FormData(form).entries()].map(([name, value]) => [name, String(value)]);
  formDataView.textContent = JSON.stringify(Object.fromEntries(entries), null, 2);
}

form.addEventListener('input', showFormData);
form.addEventListener('reset', () => setTimeout(showFormData));
terms.addEventListener('assent-change', (event) => {
  lastEvent.textContent = JSON.stringify(event.detail, null, 2);
  // The decision (and so the FormData) is ready once the event fires.
  showFormData();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!form.reportValidity()) {
    status.textContent = 'The form is not valid yet: see the highlighted fields.';
    return;
  }
  showFormData();
  status.textContent = 'Valid: these fields would go to POST /dbconnections/signup.';
});
customElements.whenDefined('assent-terms').then(() => terms.updateComplete).then(showFormData);
