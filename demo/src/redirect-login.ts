// A login through Auth0's hosted pages as an SPA SDK does it (authorization code with PKCE), for the
// flow pages that leave for the emulator and come back (social.html, universal-login.html): the
// page is its own callback, what it needs after the round trip waits in this tab's sessionStorage.
import { decodeConsentObject, type ConsentObject } from '@assent/core';
import { decodeJwt, type JWTPayload } from 'jose';
import type { DemoEnv } from './page.js';

/** What a page keeps across the round trip: the login's state and verifier, and its own `data`. */
interface Pending<T> {
  readonly state: string;
  readonly verifier: string;
  readonly data: T;
}

/** How a login came back. */
export type LoginAnswer<T> =
  /** The answer belongs to no login started in this tab (its state does not match). */
  | { readonly kind: 'foreign' }
  /** Auth0 answered with an error (a declined consent, a denied login). */
  | { readonly kind: 'error'; readonly data: T; readonly error: string; readonly description: string }
  /** Signed in: the ID token's claims (decoded for display; an app verifies it with its SDK). */
  | { readonly kind: 'signed-in'; readonly data: T; readonly claims: JWTPayload; readonly email: string };

const base64url = (bytes: ArrayBuffer | Uint8Array): string =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const random = (size: number): string => base64url(crypto.getRandomValues(new Uint8Array(size)));

/** This page without its query: registered as a callback of the demo client (demo/server/demo-tenant.ts). */
const callbackUrl = (): string => `${location.origin}${location.pathname}`;

/** A redirect login of one page; `key` names what it keeps in sessionStorage. */
export interface RedirectLogin<T> {
  /** Leaves for `/authorize` with `params` (connection, screen_hint, ui_locales…); `data` comes back with the answer. */
  start(env: DemoEnv, params: Readonly<Record<string, string>>, data: T): Promise<void>;
  /** Whether this page load is Auth0's answer (a code or an error in the query). */
  readonly returned: boolean;
  /**
   * Reads the answer, exchanges the code for tokens, and leaves only `keep(data)` in the address
   * (the code is single-use, and the address may be shared or reloaded).
   */
  finish(env: DemoEnv, keep: (data: T | undefined) => Record<string, string>): Promise<LoginAnswer<T>>;
}

export function redirectLogin<T>(key: string): RedirectLogin<T> {
  const params = new URLSearchParams(location.search);
  return {
    returned: params.has('code') || params.has('error'),
    async start(env, extra, data) {
      const pending: Pending<T> = { state: random(16), verifier: random(32), data };
      sessionStorage.setItem(key, JSON.stringify(pending));
      const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier)));
      const query = new URLSearchParams({
        client_id: env.clientId,
        response_type: 'code',
        redirect_uri: callbackUrl(),
        scope: 'openid profile email',
        state: pending.state,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        ...extra,
      });
      location.assign(`${env.auth0Url}/authorize?${query}`);
    },
    async finish(env, keep) {
      const pending = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Pending<T> | null;
      sessionStorage.removeItem(key);
      history.replaceState(null, '', `${location.pathname}?${new URLSearchParams(keep(pending?.data))}`);
      if (!pending || pending.state !== params.get('state')) return { kind: 'foreign' };
      const error = params.get('error');
      if (error) return { kind: 'error', data: pending.data, error, description: params.get('error_description') ?? error };
      const claims = decodeJwt(await exchange(env, params.get('code') ?? '', pending.verifier));
      return { kind: 'signed-in', data: pending.data, claims, email: typeof claims.email === 'string' ? claims.email : '' };
    },
  };
}

/** Exchanges the code for tokens, as an SPA SDK does after the redirect; resolves to the ID token. */
async function exchange(env: DemoEnv, code: string, verifier: string): Promise<string> {
  const response = await fetch(`${env.auth0Url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'authorization_code', client_id: env.clientId, code, code_verifier: verifier, redirect_uri: callbackUrl() }),
  });
  const body = (await response.json().catch(() => ({}))) as { id_token?: string; error_description?: string };
  if (!response.ok || !body.id_token) throw new Error(`the code exchange failed (${response.status}): ${body.error_description ?? 'no ID token'}`);
  return body.id_token;
}

/** The consent of a stored user record (the inspector's), decoded with core's `decodeConsentObject`. */
export function storedConsent(user: unknown): ConsentObject | string {
  const consent = (user as { app_metadata?: { consent?: unknown } } | null | undefined)?.app_metadata?.consent;
  if (!consent) return 'no consent stored';
  try {
    return decodeConsentObject(consent);
  } catch (error) {
    return `unreadable consent: ${String(error)}`;
  }
}

/** What the result panes show of a stored consent. */
export function consentSummary(consent: ConsentObject | string): unknown {
  return typeof consent === 'string'
    ? consent
    : { given: consent.given, policy: `${consent.policy}@${consent.version}`, purposes: consent.purposes, locale: consent.locale, date: consent.date, source: consent.history.at(-1)?.source };
}
