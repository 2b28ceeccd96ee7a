// The custom signup demo page: <assent-signup-form> on the embedded emulator (address from
// /assent-env.json), with a language switch and the last signup event.
import '@assent/elements/define/assent-signup-form.js';
import { SUPPORTED_LOCALES } from '@assent/core';
import { mountInspector } from './inspector/inspector.js';

interface DemoEnv {
  /** The demo server's recording proxy in front of the emulator, so the inspector sees the request. */
  readonly auth0Url: string;
  readonly clientId: string;
  readonly connection: string;
}

/** An element of signup.html; the page and this script ship together. */
function find<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`signup.html has no ${selector}`);
  return found;
}
const form = find<HTMLElementTagNameMap['assent-signup-form']>('assent-signup-form');
const lastEvent = find<HTMLPreElement>('#last-event');
const langSelect = find<HTMLSelectElement>('#lang-select');

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
for (const locale of SUPPORTED_LOCALES) langSelect.append(new Option(`${languageNames.of(locale) ?? locale} (${locale})`, locale));
langSelect.value = new URLSearchParams(location.search).get('lang') ?? 'en';
form.lang = langSelect.value;
langSelect.addEventListener('change', () => {
  form.lang = langSelect.value;
  const url = new URL(location.href);
  url.searchParams.set('lang', langSelect.value);
  history.replaceState(null, '', url);
});

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

const env = (await (await fetch('/assent-env.json')).json()) as DemoEnv;
form.domain = env.auth0Url;
form.clientId = env.clientId;
form.connection = env.connection;
