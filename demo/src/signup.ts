// The custom signup demo page: <assent-signup-form> on the embedded emulator (address from
// /assent-env.json), with a language switch and the last signup event.
import '@assent/elements/define/assent-signup-form.js';
import { mountInspector } from './inspector/inspector.js';
import { find, languageSelect, loadDemoEnv } from './page.js';
const form = find<HTMLElementTagNameMap['assent-signup-form']>('assent-signup-form');
const lastEvent = find<HTMLPreElement>('#last-event');
languageSelect(find<HTMLSelectElement>('#lang-select'), (lang) => (form.lang = lang));

const inspector = mountInspector();
form.addEventListener('assent-signup-success', (event) => {
  lastEvent.textContent = `assent-signup-success\n${JSON.stringify(event.detail, null, 2)}`;
  void inspector.refresh();
});
form.addEventListener('assent-signup-error', (event) => {
  const { error } = event.detail;
  lastEvent.textContent = `assent-signup-error\n${JSON.stringify({ ...error, name: error.name, message: error.message }, null, 2)}`;
  void inspector.refresh();
});

const env = await loadDemoEnv();
form.domain = env.auth0Url;
form.clientId = env.clientId;
form.connection = env.connection;
