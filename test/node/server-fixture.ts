/**
 * The shared set-up of the @assent/server tests: an HTTPS emulator (so the official `auth0` SDK can
 * reach it) running the project's Action modules from packages/server/actions/ through its tenant
 * file extension point, with a simulated Google connection; the consent handler on a loopback Node
 * server pointed at it (JWKS and Management API through a fetch that trusts the emulator's CA); and
 * helpers to sign users up with real consent fields, get their access tokens, log in through the
 * login page and mint tokens with the tenant's own signing key (read from the emulator's state file).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDecision, encodeLockSignupFields, encodeSignupFields, en, parsePolicy, type ConsentDecision, type ConsentPolicy } from '@assent/core';
import { defaultTenantConfig, startEmulator, type RunningEmulator, type TenantConfig } from '@assent/auth0-emulator';
import { actionSecrets as deriveActionSecrets, createConsentHandler, type ConsentHandler, type ConsentHandlerHooks, type ConsentHandlerOptions, type WithdrawalLog } from '@assent/server';
import { consentPageAssets, jsonLinesWithdrawalLog, serveConsentHandler, type RunningConsentServer } from '@assent/server/node';
import type { ManagementClient } from 'auth0';
import { SignJWT, importJWK, type JWK, type JWTPayload } from 'jose';
import { trustingFetch, type TrustingFetch } from '@assent/testkit/https-trust';
import { DEFAULT_MACHINE_CLIENT, managementClient } from '../support/management.js';
import { strongPassword, uniqueEmail } from '../support/unique.js';

export const SPA = 'assent-demo-spa';
export const { clientId: M2M, clientSecret: M2M_SECRET } = DEFAULT_MACHINE_CLIENT;
export const CONNECTION = 'Username-Password-Authentication';
export const SOCIAL = 'google-oauth2';
export const API_AUDIENCE = 'https://api.assent.test/';
export const SESSION_SECRET = 'assent-test-session-secret-0123456789-abcdef';
export const APP_ORIGIN = 'http://localhost:5173';

/** The example policy of docs/policy.md: required terms (contract) with two documents, optional marketing. */
export const POLICY: ConsentPolicy = parsePolicy({
  id: 'acme-signup',
  version: '2026-11-01',
  controller: { name: 'Acme GmbH', contact: 'privacy@acme.example' },
  documents: [
    { id: 'terms', url: 'https://acme.example/terms', version: '3.1' },
    { id: 'privacy', url: 'https://acme.example/privacy', version: '2.0' },
  ],
  purposes: [
    { id: 'terms', required: true, basis: 'contract', documents: ['terms', 'privacy'] },
    { id: 'marketing', required: false, basis: 'consent' },
  ],
  withdrawal: { url: 'https://acme.example/account/privacy' },
});

const ACTIONS_DIR = fileURLToPath(new URL('../../packages/server/actions/', import.meta.url));
export const POST_LOGIN_ACTION = join(ACTIONS_DIR, 'post-login.js');
export const PRE_REGISTRATION_ACTION = join(ACTIONS_DIR, 'pre-user-registration.js');

/** The Action secrets for POLICY, as `actionSecrets()` of @assent/server derives them. */
export function actionSecrets(consentUrl: string): Record<string, string> {
  return { ...deriveActionSecrets({ policy: POLICY, consentUrl, sessionSecret: SESSION_SECRET }) };
}

/** A user made by `signup`. */
export interface TestUser {
  readonly email: string;
  readonly password: string;
  readonly userId: string;
  readonly decision: ConsentDecision;
}

/** Options of `startServerFixture`. */
export interface FixtureOptions {
  /** Where delete mode records withdrawals: a JSON Lines file in the fixture's directory (default), none, or a log of the test's own. */
  readonly withdrawalLog?: 'file' | 'none' | WithdrawalLog;
  /** Extra handler options. */
  readonly handler?: Partial<ConsentHandlerOptions & ConsentHandlerHooks>;
  /** The emulator's clock. */
  readonly now?: () => number;
}

export interface ServerFixture {
  readonly emulator: RunningEmulator;
  readonly server: RunningConsentServer;
  readonly handler: ConsentHandler;
  /** The consent API base URL, `http://127.0.0.1:PORT`. */
  readonly api: string;
  /** Where the SPA's logins end (a 404 of the consent server, which is fine for a browser). */
  readonly callback: string;
  /** A fetch that trusts the emulator's CA. */
  readonly fetch: typeof globalThis.fetch;
  /** URLs the handler requested from the emulator (JWKS, token, Management API), in order. */
  readonly upstream: string[];
  /** The JSON Lines withdrawal log, when `withdrawalLog` is `file`. */
  readonly withdrawalLogPath: string;
  /** The official SDK as a test's own view of the tenant. */
  readonly management: ManagementClient;
  signup(options?: { accepted?: readonly string[]; variant?: 'list' | 'lock'; metadata?: Record<string, string> }): Promise<TestUser>;
  /** A user access token for the consent API (password-realm grant: the post-login Action runs). */
  userToken(user: { email: string; password: string }, audience?: string): Promise<string>;
  /** Logs in through the emulator's login page (authorization code flow); returns the final redirect (not followed). */
  loginThroughPage(user: { email: string; password: string }): Promise<Response>;
  /** A JWT signed with the tenant's own RS256 key (or `key`), with the header and claims given. */
  mintToken(claims: JWTPayload, header?: Record<string, unknown>): Promise<string>;
  /** Calls the consent API. */
  call(path: string, init?: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

/** Starts emulator + handler; close() stops both and removes the temporary directory. */
export async function startServerFixture(options: FixtureOptions = {}): Promise<ServerFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'assent-server-'));
  const dataFile = join(dir, 'emulator-state.json');
  const withdrawalLogPath = join(dir, 'withdrawals.jsonl');
  // The server starts first: its URL goes into the Action secrets and the SPA's callbacks.
  const holder: { handler?: ConsentHandler } = {};
  const server = await serveConsentHandler({ fetch: (request) => holder.handler!.fetch(request) });
  const callback = `${server.url}/app/callback`;
  const base = defaultTenantConfig();
  const tenant: TenantConfig = {
    ...base,
    clients: (base.clients ?? []).map((client) => (client.client_id === SPA ? { ...client, callbacks: [...(client.callbacks ?? []), callback] } : client)),
    connections: [...(base.connections ?? []), { name: SOCIAL, strategy: 'google-oauth2' }],
    resource_servers: [{ identifier: API_AUDIENCE, name: 'Assent test API' }],
    actions: [
      { module: POST_LOGIN_ACTION, name: 'assent-post-login', secrets: actionSecrets(`${server.url}/consent/page`) },
      { module: PRE_REGISTRATION_ACTION, name: 'assent-pre-user-registration', secrets: actionSecrets(`${server.url}/consent/page`) },
    ],
  };
  const emulator = await startEmulator({ port: 0, https: true, dataFile, tenant, ...(options.now ? { now: options.now } : {}) });
  const trust: TrustingFetch = trustingFetch(emulator.caCert!);
  const upstream: string[] = [];
  const countingFetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    upstream.push(input instanceof Request ? input.url : String(input));
    return trust.fetch(input, init);
  }) as typeof fetch;

  const log = options.withdrawalLog ?? 'file';
  holder.handler = createConsentHandler({
    auth0: { domain: emulator.tenant.domain, clientId: M2M, clientSecret: M2M_SECRET },
    audience: API_AUDIENCE,
    policy: POLICY,
    allowedOrigins: [APP_ORIGIN],
    consentPage: { sessionSecret: SESSION_SECRET, publicOrigin: server.url, assets: consentPageAssets },
    fetch: countingFetch,
    ...(log === 'file' ? { withdrawalLog: jsonLinesWithdrawalLog(withdrawalLogPath) } : log === 'none' ? {} : { withdrawalLog: log }),
    onError: (error) => console.error('handler error', error),
    ...options.handler,
  });
  const management = managementClient({ domain: emulator.tenant.domain, fetch: trust.fetch });

  let signingKey: Promise<{ key: CryptoKey | Uint8Array; kid: string }> | undefined;
  const tenantKey = () =>
    (signingKey ??= readFile(dataFile, 'utf8').then(async (text) => {
      const state = JSON.parse(text) as { key: { kid: string; privateJwk: JWK } };
      return { key: await importJWK(state.key.privateJwk, 'RS256'), kid: state.key.kid };
    }));

  const fixture: ServerFixture = {
    emulator,
    server,
    handler: holder.handler,
    api: server.url,
    callback,
    fetch: trust.fetch,
    upstream,
    withdrawalLogPath,
    management,
    async signup({ accepted = ['terms'], variant = 'list', metadata = {} } = {}) {
      const email = uniqueEmail('server');
      const password = strongPassword();
      const decision = await createDecision(POLICY, { accepted, locale: 'en', messages: en });
      let fields: Record<string, string>;
      if (variant === 'list') {
        fields = encodeSignupFields(decision);
      } else {
        const lock = await encodeLockSignupFields(POLICY, { locale: 'en', messages: en });
        fields = { ...lock.hidden };
        for (const choice of lock.choices) fields[choice.name] = accepted.includes(choice.purpose) ? 'true' : 'false';
      }
      const response = await trust.fetch(`${emulator.url}/dbconnections/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_id: SPA, connection: CONNECTION, email, password, user_metadata: { ...metadata, ...fields } }),
      });
      if (response.status !== 200) throw new Error(`signup failed: ${response.status} ${await response.text()}`);
      const body = (await response.json()) as { _id: string };
      return { email, password, userId: `auth0|${body._id}`, decision };
    },
    async userToken(user, audience = API_AUDIENCE) {
      const response = await trust.fetch(`${emulator.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
          client_id: SPA,
          username: user.email,
          password: user.password,
          realm: CONNECTION,
          audience,
          scope: 'openid',
        }),
      });
      if (response.status !== 200) throw new Error(`password-realm failed: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { access_token: string }).access_token;
    },
    async loginThroughPage(user) {
      const params = new URLSearchParams({ client_id: SPA, response_type: 'code', redirect_uri: callback, scope: 'openid', state: 'app-state', connection: CONNECTION });
      const page = await trust.fetch(`${emulator.url}/authorize?${params}`, { redirect: 'manual' });
      const transaction = /name="state" value="([^"]+)"/.exec(await page.text())?.[1];
      if (!transaction) throw new Error(`no login page (status ${page.status})`);
      return trust.fetch(`${emulator.url}/u/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ state: transaction, username: user.email, password: user.password }).toString(),
      });
    },
    async mintToken(claims, header = {}) {
      const { key, kid } = await tenantKey();
      return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT', ...header }).sign(key);
    },
    call(path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.token) headers.authorization = `Bearer ${init.token}`;
      if (init.body !== undefined) headers['content-type'] ??= 'application/json';
      return fetch(`${server.url}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers,
        ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
      });
    },
    async close() {
      await server.close();
      await holder.handler?.close();
      await emulator.stop();
      await trust.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}

/** The parameters of a redirect (query or fragment). */
export function redirectParams(response: Response): URLSearchParams {
  const location = response.headers.get('location');
  if (!location) throw new Error(`expected a redirect, got ${response.status}`);
  const url = new URL(location);
  return new URLSearchParams(url.hash ? url.hash.slice(1) : url.search);
}
