/**
 * Browser side of the @assent/lock end-to-end tests: `mountLock` with its DEFAULT loader, so the
 * bundler splits auth0-lock into its own chunk exactly as in an app. Every `assent-*` event is
 * recorded in `window.assentEvents` for Node to wait on.
 *
 *   /?defer=1   mounts nothing until `window.showLock()` is called (lazy-loading check)
 *   /?login=1   Lock logs in after signup (cross-origin authentication, redirect to /callback)
 *   /callback   mounts Lock again, which parses the tokens and emits `authenticated`
 */
import { mountLock, type LockOptions } from '@assent/lock';
import { OFFLINE_LOGO } from '../../support/lock-loader.js';

/** What the page server answers at /config.json. */
export interface ConsentPageConfig {
  readonly domain: string;
  readonly clientId: string;
  /** Where Lock loads its client script and dictionary (the emulator). */
  readonly assetsBaseUrl: string;
  /** The consent policy (JSON). */
  readonly policy: unknown;
}

/** One recorded `assent-*` event, its detail reduced to JSON. */
export interface RecordedEvent {
  readonly type: string;
  readonly detail: unknown;
}

declare global {
  interface Window {
    assentEvents: RecordedEvent[];
    showLock: () => Promise<void>;
  }
}

window.assentEvents = [];
const config = (await (await fetch('/config.json')).json()) as ConsentPageConfig;
const params = new URLSearchParams(location.search);
const loginAfterSignUp = params.get('login') === '1' || location.pathname === '/callback';
const root = document.querySelector<HTMLElement>('#signup')!;
for (const type of ['assent-lock-signup-success', 'assent-lock-signup-error', 'assent-lock-authenticated', 'assent-lock-error']) {
  root.addEventListener(type, (event) => {
    const detail = JSON.parse(JSON.stringify((event as CustomEvent).detail, (key, value: unknown) => (key === 'original' ? undefined : value))) as unknown;
    window.assentEvents.push({ type, detail });
  });
}

const options = {
  configurationBaseUrl: config.assetsBaseUrl,
  languageBaseUrl: config.assetsBaseUrl,
  avatar: null,
  rememberLastLogin: false,
  theme: { logo: OFFLINE_LOGO },
  initialScreen: 'signUp',
  allowSignUp: true,
  loginAfterSignUp,
  auth: { redirectUrl: `${location.origin}/callback`, responseType: 'token id_token', params: { scope: 'openid profile email' } },
} as LockOptions;

window.showLock = async () => {
  await mountLock(root, { clientId: config.clientId, domain: config.domain, policy: config.policy, options, lang: params.get('lang') ?? undefined });
};
if (params.get('defer') !== '1') await window.showLock();
