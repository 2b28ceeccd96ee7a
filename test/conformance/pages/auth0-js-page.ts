/**
 * Browser side of the auth0-js conformance tests: the real auth0-js 10 (bundled by esbuild) behind
 * promise-returning functions on `window.auth0Conformance`, so Node can drive it with
 * `page.evaluate` and receive plain data: either the camelCased result or the serialisable part of
 * auth0-js's error object.
 */
import { Management, WebAuth, type Auth0UserProfile } from 'auth0-js';
import type { Auth0JsError } from '../error-shapes.js';

/** What the Node side passes to `configure`. */
export interface Auth0JsPageConfig {
  /** `host[:port]`: auth0-js builds `https://{domain}` (its Management client allows nothing else). */
  readonly domain: string;
  readonly clientId: string;
  readonly connection: string;
  readonly managementAudience: string;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Auth0JsError };

/** The functions the page exposes. */
export interface Auth0ConformancePage {
  configure(config: Auth0JsPageConfig): void;
  signup(options: { email: string; password: string; connection?: string; userMetadata?: unknown }): Promise<Outcome<Record<string, unknown>>>;
  /** Password-realm grant with a Management API audience and current_user scopes. */
  login(options: { email: string; password: string; scope: string }): Promise<Outcome<Record<string, unknown>>>;
  getUser(token: string, userId: string): Promise<Outcome<Record<string, unknown>>>;
  patchUserMetadata(token: string, userId: string, metadata: Record<string, unknown>): Promise<Outcome<Record<string, unknown>>>;
  /** PATCH of root attributes (e.g. app_metadata, which a user token must not write). */
  patchUserAttributes(token: string, userId: string, attributes: Record<string, unknown>): Promise<Outcome<Record<string, unknown>>>;
}

declare global {
  interface Window {
    auth0Conformance: Auth0ConformancePage;
  }
}

interface RawAuth0JsError {
  statusCode?: number;
  code?: string | null;
  description?: unknown;
  name?: string;
  policy?: string;
  original?: { response?: { body?: unknown } };
}

function plainError(error: RawAuth0JsError): Auth0JsError {
  return {
    ...(error.statusCode === undefined ? {} : { statusCode: error.statusCode }),
    code: error.code ?? null,
    description: error.description,
    ...(error.name === undefined ? {} : { name: error.name }),
    ...(error.policy === undefined ? {} : { policy: error.policy }),
    body: error.original?.response?.body,
  };
}

/** Turns an auth0-js callback API into a promise of an {@link Outcome}. */
function outcome(call: (callback: (error: unknown, value: unknown) => void) => void): Promise<Outcome<Record<string, unknown>>> {
  return new Promise((resolve) => {
    call((error, value) => resolve(error ? { ok: false, error: plainError(error as RawAuth0JsError) } : { ok: true, value: value as Record<string, unknown> }));
  });
}

let config: Auth0JsPageConfig | undefined;
function current(): Auth0JsPageConfig {
  if (!config) throw new Error('auth0Conformance.configure() was not called');
  return config;
}

function webAuth(): WebAuth {
  const { domain, clientId } = current();
  return new WebAuth({ domain, clientID: clientId, responseType: 'token id_token', redirectUri: `${location.origin}/callback` });
}

window.auth0Conformance = {
  configure(next) {
    config = next;
  },
  signup({ email, password, connection, userMetadata }) {
    const options = { connection: connection ?? current().connection, email, password, ...(userMetadata === undefined ? {} : { userMetadata }) };
    return outcome((done) => webAuth().signup(options, done));
  },
  login({ email, password, scope }) {
    const { connection, managementAudience } = current();
    return outcome((done) => webAuth().client.login({ realm: connection, username: email, password, audience: managementAudience, scope }, done));
  },
  getUser(token, userId) {
    return outcome((done) => new Management({ domain: current().domain, token }).getUser(userId, done));
  },
  patchUserMetadata(token, userId, metadata) {
    return outcome((done) => new Management({ domain: current().domain, token }).patchUserMetadata(userId, metadata, done));
  },
  patchUserAttributes(token, userId, attributes) {
    return outcome((done) => new Management({ domain: current().domain, token }).patchUserAttributes(userId, attributes as unknown as Auth0UserProfile, done));
  },
};
