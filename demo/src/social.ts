// The social login demo page: "Sign in with Google" on the embedded emulator (its provider page
// stands in for Google), the Assent post-login Action sending users without a current consent to
// @assent/server's consent page, and, back here, the login finished (authorization code + PKCE)
// with the stored consent decoded. The inspector shows what the consent page posted to /continue.
import { decodeConsentObject, type ConsentObject } from '@assent/core';
import { decodeJwt } from 'jose';
import { mountInspector } from './inspector/inspector.js';
import { find, languageSelect, loadDemoEnv, type DemoEnv } from './page.js';
import { mountPublishPanel } from './publish-panel.js';

/** What the page keeps across the round trip to Auth0 (this tab only). */
interface PendingLogin {
  readonly state: string;
  readonly verifier: string;
  readonly lang: string;
}

const PENDING_KEY = 'assent-demo-social-login';
const signIn = find<HTMLButtonElement>('#sign-in');
const status = find<HTMLParagraphElement>('#social-status');
const alert = find<HTMLParagraphElement>('#social-error');
const result = find<HTMLPreElement>('#social-result');
const inspector = mountInspector();
let lang = 'en';
languageSelect(find<HTMLSelectElement>('#lang-select'), (chosen) => (lang = chosen));

const base64url = (bytes: ArrayBuffer | Uint8Array): string =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const random = (size: number): string => base64url(crypto.getRandomValues(new Uint8Array(size)));
/** Registered as a callback of the demo client (demo/server/demo-tenant.ts): no query string. */
const callbackUrl = `${location.origin}/social.html`;

/** Starts the login: authorization code with PKCE, the social connection, always its provider page. */
async function startLogin(env: DemoEnv): Promise<void> {
  const pending: PendingLogin = { state: random(16), verifier: random(32), lang };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier)));
  const query = new URLSearchParams({
    client_id: env.clientId,
    response_type: 'code',
    redirect_uri: callbackUrl,
    scope: 'openid profile email',
    connection: env.socialConnection,
    state: pending.state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ui_locales: lang,
    // Show the provider page even when the emulator remembers a session, so any address can be tried.
    prompt: 'login',
  });
  location.assign(`${env.auth0Url}/authorize?${query}`);
}

/** Exchanges the code for tokens, as an SPA SDK does after the redirect. */
async function exchange(env: DemoEnv, code: string, verifier: string): Promise<string> {
  const response = await fetch(`${env.auth0Url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'authorization_code', client_id: env.clientId, code, code_verifier: verifier, redirect_uri: callbackUrl }),
  });
  const body = (await response.json().catch(() => ({}))) as { id_token?: string; error_description?: string };
  if (!response.ok || !body.id_token) throw new Error(`the code exchange failed (${response.status}): ${body.error_description ?? 'no ID token'}`);
  return body.id_token;
}

/** The consent stored in a user record as the inspector read it. */
function storedConsent(user: unknown): ConsentObject | string {
  const consent = (user as { app_metadata?: { consent?: unknown } } | null | undefined)?.app_metadata?.consent;
  if (!consent) return 'no consent stored';
  try {
    return decodeConsentObject(consent);
  } catch (error) {
    return `unreadable consent: ${String(error)}`;
  }
}

/** Finishes a login Auth0 sent back here (with a code, or with an error such as a declined consent). */
async function finishLogin(env: DemoEnv, params: URLSearchParams): Promise<void> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as PendingLogin | null;
  sessionStorage.removeItem(PENDING_KEY);
  // The code is single-use and the URL would be shared or reloaded: keep only the language.
  history.replaceState(null, '', `${location.pathname}?${new URLSearchParams({ lang: pending?.lang ?? lang })}`);
  if (!pending || pending.state !== params.get('state')) {
    alert.textContent = 'This answer belongs to no login started in this tab (the state does not match). Sign in again.';
    return;
  }
  const error = params.get('error');
  if (error) {
    alert.textContent = `Login denied: ${params.get('error_description') ?? error}.`;
    await inspector.refresh(undefined, { path: '/continue' });
    return;
  }
  status.textContent = 'Finishing the login…';
  const claims = decodeJwt(await exchange(env, params.get('code') ?? '', pending.verifier));
  const email = typeof claims.email === 'string' ? claims.email : '';
  // The inspector reads the stored user (with the demo server's machine client) and shows it too.
  const consent = storedConsent(await inspector.refresh(email, { path: '/continue' }));
  status.textContent = `Signed in as ${email}.`;
  result.textContent = JSON.stringify(
    {
      id_token: { sub: claims.sub, email, name: claims.name },
      consent:
        typeof consent === 'string'
          ? consent
          : { given: consent.given, policy: `${consent.policy}@${consent.version}`, purposes: consent.purposes, locale: consent.locale, date: consent.date, source: consent.history.at(-1)?.source },
    },
    null,
    2,
  );
}

mountPublishPanel(find('#publish')).catch((error: unknown) => console.error('the publish panel could not read the demo server', error));

const env = await loadDemoEnv();
signIn.addEventListener('click', () => {
  signIn.disabled = true;
  startLogin(env).catch((error: unknown) => {
    signIn.disabled = false;
    alert.textContent = `The login could not start: ${String(error)}`;
  });
});
const params = new URLSearchParams(location.search);
if (params.has('code') || params.has('error')) {
  finishLogin(env, params).catch((error: unknown) => {
    status.textContent = '';
    alert.textContent = String(error instanceof Error ? error.message : error);
  });
}
