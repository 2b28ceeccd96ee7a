// The first demo page: <assent-terms> inside a plain native form, with a live view of the FormData
// it contributes and of the last assent-change event.
import '@assent/elements/define/assent-terms.js';
import { find, languageSelect } from './page.js';

const form = find<HTMLFormElement>('#signup');
const terms = find<HTMLElementTagNameMap['assent-terms']>('assent-terms');
const formDataView = find<HTMLPreElement>('#formdata');
const lastEvent = find<HTMLPreElement>('#last-event');
const status = find<HTMLParagraphElement>('#submit-status');
languageSelect(find<HTMLSelectElement>('#lang-select'), (lang) => (terms.lang = lang));

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
