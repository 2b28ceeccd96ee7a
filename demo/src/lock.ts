// The Lock demo page: <assent-lock> on the embedded emulator (address from /assent-env.json), with a
// language switch and the decision of the last signup. Lock itself is downloaded only by this page.
import '@assent/lock/define/assent-lock.js';
import { SUPPORTED_LOCALES } from '@assent/core';
import type { LockOptions } from '@assent/lock';
import { mountInspector } from './inspector/inspector.js';

interface DemoEnv {
  /** The demo server's recording proxy in front of the emulator, so the inspector sees the request. */
  readonly auth0Url: string;
  readonly clientId: string;
}

/** An element of lock.html; the page and this script ship together. */
function find<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`lock.html has no ${selector}`);
  return found;
}
const lock = find<HTMLElementTagNameMap['assent-lock']>('assent-lock');
const lastEvent = find<HTMLPreElement>('#last-event');
const status = find<HTMLParagraphElement>('#lock-status');
const langSelect = find<HTMLSelectElement>('#lang-select');

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
for (const locale of SUPPORTED_LOCALES) langSelect.append(new Option(`${languageNames.of(locale) ?? locale} (${locale})`, locale));
langSelect.value = new URLSearchParams(location.search).get('lang') ?? 'en';
lock.lang = langSelect.value;
langSelect.addEventListener('change', () => {
  // Changing lang mounts a new Lock in that language.
  lock.lang = langSelect.value;
  const url = new URL(location.href);
  url.searchParams.set('lang', langSelect.value);
  history.replaceState(null, '', url);
});

const show = (title: string, value: unknown): void => {
  lastEvent.textContent = `${title}\n${JSON.stringify(value, (key, entry: unknown) => (key === 'original' ? undefined : entry), 2)}`;
};
const inspector = mountInspector();
lock.addEventListener('assent-signup-success', (event) => {
  show('assent-signup-success: decision', event.detail.decision);
  void inspector.refresh();
});
lock.addEventListener('assent-signup-error', (event) => {
  show('assent-signup-error', event.detail.error);
  void inspector.refresh();
});
lock.addEventListener('assent-lock-error', (event) => {
  status.textContent = `Lock could not be shown: ${String(event.detail.error)}`;
});

const env = (await (await fetch('/assent-env.json')).json()) as DemoEnv;
lock.options = {
  // Lock's client script and dictionaries come from the emulator: nothing leaves the machine.
  configurationBaseUrl: env.auth0Url,
  languageBaseUrl: env.auth0Url,
  avatar: null,
  rememberLastLogin: false,
  theme: { logo: 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" width="58" height="58"/%3E', primaryColor: '#0b6e4f' },
  initialScreen: 'signUp',
  loginAfterSignUp: false,
} as LockOptions;
lock.setAttribute('client-id', env.clientId);
lock.setAttribute('domain', env.auth0Url);
status.textContent = '';
