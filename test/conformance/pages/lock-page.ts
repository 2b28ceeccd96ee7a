/**
 * Browser side of the Lock conformance tests: the real auth0-lock 14.3 (pre-bundled, served at
 * /__assent/auth0-lock.js) inline in `#lock` on its sign-up screen. Every Lock event is recorded
 * in `window.lockEvents` with a serialisable payload, for Node to wait on.
 *
 * `/?login=1` keeps Lock's default login after signup (cross-origin authentication, then a redirect
 * to /callback with tokens); `/callback` builds Lock again, which parses the tokens from the hash
 * and emits `authenticated`.
 */
import { OFFLINE_LOGO, loadAuth0Lock, lockOfflineOptions } from '../../support/lock-loader.js';

/** What the page server answers at /config.json. */
export interface LockPageConfig {
  /** `host[:port]`, Lock's `domain`. */
  readonly domain: string;
  readonly clientId: string;
  /** Where Lock loads its client script and dictionary (the emulator); undefined: Auth0's CDN. */
  readonly assetsBaseUrl?: string;
  /** The hidden extra field sent with every signup (as an app would send consent). */
  readonly hiddenField: { readonly name: string; readonly value: string };
}

/** One recorded Lock event. */
export interface LockEvent {
  readonly name: string;
  readonly payload: unknown;
}

declare global {
  interface Window {
    lockEvents: LockEvent[];
  }
}

const EVENTS = ['show', 'signup submit', 'signup success', 'signup error', 'authenticated', 'authorization_error', 'unrecoverable_error', 'hash_parsed'];

/** Event payloads can hold functions or cycles (auth0-js errors): keep the JSON part. */
function serialisable(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value, (key, entry: unknown) => (key === 'original' ? undefined : entry))) as unknown;
  } catch {
    return String(value);
  }
}

window.lockEvents = [];
const config = (await (await fetch('/config.json')).json()) as LockPageConfig;
const Auth0Lock = await loadAuth0Lock();
const loginAfterSignUp = new URLSearchParams(location.search).get('login') === '1' || location.pathname === '/callback';

const lock = new Auth0Lock(config.clientId, config.domain, {
  ...(config.assetsBaseUrl ? lockOfflineOptions(config.assetsBaseUrl) : { avatar: null, rememberLastLogin: false, theme: { logo: OFFLINE_LOGO } }),
  container: 'lock',
  initialScreen: 'signUp',
  allowSignUp: true,
  loginAfterSignUp,
  additionalSignUpFields: [{ type: 'hidden', name: config.hiddenField.name, value: config.hiddenField.value }],
  auth: { redirectUrl: `${location.origin}/callback`, responseType: 'token id_token', params: { scope: 'openid profile email' } },
});
for (const name of EVENTS) {
  lock.on(name as 'show', (payload?: unknown) => window.lockEvents.push({ name, payload: serialisable(payload) }));
}
if (location.pathname !== '/callback') lock.show();
