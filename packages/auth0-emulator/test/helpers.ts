/** Shared helpers for the emulator's tests: start an emulator, sign users up, get tokens. */
import { createHash, randomBytes } from 'node:crypto';
import { after, before } from 'node:test';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/index.js';

export const SPA = 'assent-demo-spa';
export const M2M = 'assent-demo-m2m';
export const M2M_SECRET = 'assent-dev-m2m-secret-not-for-production';
export const CONNECTION = 'Username-Password-Authentication';
export const APP_ORIGIN = 'http://localhost:5173';
export const CALLBACK = 'http://localhost:5173/';
export const PASSWORD = 'Correct-Horse-9';

/** Starts one emulator for the file (before) and stops it (after). Read `.current` inside tests. */
export function useEmulator(options: EmulatorOptions = {}): { current: RunningEmulator } {
  const holder = {} as { current: RunningEmulator };
  before(async () => {
    holder.current = await startEmulator({ port: 0, ...options });
  });
  after(async () => {
    await holder.current?.stop();
  });
  return holder;
}

/** Runs `compute` once, on first use, and shares its promise. */
export function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= compute());
}

let counter = 0;
/** A unique email for this test run. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${process.pid}.${counter}.${randomBytes(3).toString('hex')}@example.com`;
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** POST /dbconnections/signup with the default SPA client and connection. */
export async function signup(emulator: RunningEmulator, body: Record<string, unknown>): Promise<Response> {
  return postJson(`${emulator.url}/dbconnections/signup`, { client_id: SPA, connection: CONNECTION, ...body });
}

/** Signs a user up and returns its user id (`auth0|...`). */
export async function createUser(emulator: RunningEmulator, email = uniqueEmail(), extra: Record<string, unknown> = {}): Promise<{ email: string; userId: string }> {
  const response = await signup(emulator, { email, password: PASSWORD, ...extra });
  if (response.status !== 200) throw new Error(`signup failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { _id: string };
  return { email, userId: `auth0|${body._id}` };
}

/** A client-credentials token for the Management API. */
export async function m2mToken(emulator: RunningEmulator, scope?: string): Promise<string> {
  const response = await postJson(`${emulator.url}/oauth/token`, {
    grant_type: 'client_credentials',
    client_id: M2M,
    client_secret: M2M_SECRET,
    audience: emulator.tenant.managementAudience,
    ...(scope === undefined ? {} : { scope }),
  });
  if (response.status !== 200) throw new Error(`client_credentials failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A user-scoped Management API token through the password-realm grant. */
export async function userToken(
  emulator: RunningEmulator,
  email: string,
  scope = 'openid profile email read:current_user update:current_user_metadata create:current_user_metadata delete:current_user_metadata',
): Promise<string> {
  const response = await postJson(`${emulator.url}/oauth/token`, {
    grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
    client_id: SPA,
    username: email,
    password: PASSWORD,
    realm: CONNECTION,
    audience: emulator.tenant.managementAudience,
    scope,
  });
  if (response.status !== 200) throw new Error(`password-realm failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Calls the Management API with a bearer token. */
export async function management(emulator: RunningEmulator, method: string, path: string, token: string, body?: unknown): Promise<Response> {
  return fetch(`${emulator.url}/api/v2${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** A PKCE verifier and its S256 challenge. */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Decodes a JWT payload without verifying it. */
export function claims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

export function path(id: string): string {
  return `/users/${encodeURIComponent(id)}`;
}

/** The hidden `state` (transaction) of the emulator's login page. */
export function loginTransaction(html: string): string {
  const match = /name="state" value="([^"]+)"/.exec(html);
  if (!match) throw new Error(`no login form in: ${html.slice(0, 200)}`);
  return match[1] as string;
}

/** GET /authorize with `params`, then submits the login page; returns the final response (not followed). */
export async function authorizeWithPassword(emulator: RunningEmulator, params: Record<string, string>, login: { email: string; password?: string }): Promise<Response> {
  const page = await fetch(`${emulator.url}/authorize?${new URLSearchParams(params)}`, { redirect: 'manual' });
  if (page.status !== 200) throw new Error(`authorize answered ${page.status}: ${page.headers.get('location') ?? (await page.text())}`);
  const transaction = loginTransaction(await page.text());
  return fetch(`${emulator.url}/u/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ state: transaction, username: login.email, password: login.password ?? PASSWORD }).toString(),
  });
}

/** Parameters of a redirect's query or fragment. */
export function redirectParams(response: Response): URLSearchParams {
  const location = response.headers.get('location');
  if (!location) throw new Error(`no redirect (status ${response.status})`);
  const url = new URL(location);
  return new URLSearchParams(url.hash ? url.hash.slice(1) : url.search);
}
