// The Lock demo page: <assent-lock> on the embedded emulator (address from /assent-env.json), with a
// language switch and the decision of the last signup. Lock itself is downloaded only by this page.
import '@assent/lock/define/assent-lock.js';
import type { LockOptions } from '@assent/lock';
import { mountInspector } from './inspector/inspector.js';
import { find, languageSelect, loadDemoEnv } from './page.js';
const lock = find<HTMLElementTagNameMap['assent-lock']>('assent-lock');
const lastEvent = find<HTMLPreElement>('#last-event');
const status = find<HTMLParagraphElement>('#lock-status');
// Changing lang mounts a new Lock in that language.
languageSelect(find<HTMLSelectElement>('#lang-select'), (lang) => (lock.lang = lang));

const show = (title: string, value: unknown): void => {
  lastEvent.textContent = `${title}\n${JSON.stringify(value, (key, entry: unknown) => (key === 'original' ? undefined : entry), 2)}`;
};
const inspector = mountInspector();
lock.addEventListener('assent-lock-signup-success', (event) => {
  show('assent-lock-signup-success: decision', event.detail.decision);
  void inspector.refresh();
});
lock.addEventListener('assent-lock-signup-error', (event) => {
  show('assent-lock-signup-error', event.detail.error);
  void inspector.refresh();
});
lock.addEventListener('assent-lock-error', (event) => {
  status.textContent = `Lock could not be shown: ${String(event.detail.error)}`;
});

const env = await loadDemoEnv();
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
