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

/** After the first "Sign up", the status follows every change, so it never describes an older form. */
let submitted = false;
function showValidity(): void {
  if (!submitted) return;
  status.textContent = form.checkValidity() ? 'Valid: these fields would go to POST /dbconnections/signup.' : 'The form is not valid yet: see the highlighted fields.';
}

form.addEventListener('input', () => {
  showFormData();
  showValidity();
});
form.addEventListener('reset', () =>
  setTimeout(() => {
    submitted = false;
    status.textContent = '';
    showFormData();
  }),
);
terms.addEventListener('assent-change', (event) => {
  lastEvent.textContent = JSON.stringify(event.detail, null, 2);
  // The decision (and so the FormData and the validity) is ready once the event fires.
  showFormData();
  showValidity();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  submitted = true;
  form.reportValidity();
  showFormData();
  showValidity();
});
customElements
  .whenDefined('assent-terms')
  .then(() => terms.updateComplete)
  .then(showFormData);
