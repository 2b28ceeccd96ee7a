/**
 * Helpers of the consent-after-signup tests, for the browser (wtr, against the run's emulator) and
 * Node (against an emulator of the test file) alike: plain `fetch`, nothing else. A user signs up
 * with the consent fields, gets a user-scoped Management API token through the password-realm
 * grant, and the tests read the user back with the machine client. Fault rules are scoped to one
 * user's path, so tests that share an emulator do not hit each other's faults.
 */
import { createDecision, en, encodeSignupFields, parsePolicy, type ConsentPolicy } from '@assent/core';
import { strongPassword, uniqueEmail } from '../support/unique.js';

/** What the helpers need to know of an emulator (the browser's `EmulatorInfo` has it all). */
export interface ConsentTestTenant {
  readonly url: string;
  readonly clientId: string;
  readonly connection: string;
  readonly managementAudience: string;
  readonly m2m: { readonly clientId: string; readonly clientSecret: string };
}

/** The example policy of docs/policy.md, at `version` with the terms at `termsVersion`. */
export function testPolicy({ version = '2026-11-01', termsVersion = '3.1', extraPurposes = [] as { id: string; required: boolean; basis: string }[] } = {}): ConsentPolicy {
  return parsePolicy({
    id: 'acme-signup',
    version,
    controller: { name: 'Acme GmbH', contact: 'privacy@acme.example' },
    documents: [
      { id: 'terms', url: 'https://acme.example/terms', version: termsVersion },
      { id: 'privacy', url: 'https://acme.example/privacy', version: '2.0' },
    ],
    purposes: [{ id: 'terms', required: true, basis: 'contract', documents: ['terms', 'privacy'] }, { id: 'marketing', required: false, basis: 'consent' }, ...extraPurposes],
    withdrawal: { url: 'https://acme.example/account/privacy' },
  });
}

/** A decision on `policy` accepting `accepted`, made now. */
export function decide(policy: ConsentPolicy, accepted: string[]) {
  return createDecision(policy, { accepted, locale: 'en', messages: en });
}

async function json(response: Response, what: string): Promise<Record<string, unknown>> {
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${what} failed with ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

/** A signed-up test user and how to get its tokens. */
export interface TestUser {
  readonly userId: string;
  readonly email: string;
  readonly password: string;
}

/** Signs a user up through POST /dbconnections/signup, with the consent fields of `accepted` on `policy` unless `accepted` is null. */
export async function signUp(tenant: ConsentTestTenant, policy: ConsentPolicy, accepted: string[] | null = ['terms'], appMetadata: Record<string, string> = { plan: 'pro' }): Promise<TestUser> {
  const email = uniqueEmail('consent');
  const password = strongPassword();
  const consent = accepted ? encodeSignupFields(await decide(policy, accepted), { appMetadata }) : {};
  const body = await json(
    await fetch(`${tenant.url}/dbconnections/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: tenant.clientId, connection: tenant.connection, email, password, user_metadata: { ...appMetadata, ...consent } }),
    }),
    'signup',
  );
  return { userId: `auth0|${String(body._id)}`, email, password };
}

/** The scopes a consent client needs. */
export const CONSENT_SCOPES = 'read:current_user update:current_user_metadata create:current_user_metadata';

/** A user-scoped Management API token (password-realm grant), as a SPA gets one from auth0-spa-js. */
export async function userToken(tenant: ConsentTestTenant, user: TestUser, scope = CONSENT_SCOPES): Promise<string> {
  const body = await json(
    await fetch(`${tenant.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
        client_id: tenant.clientId,
        username: user.email,
        password: user.password,
        realm: tenant.connection,
        audience: tenant.managementAudience,
        scope,
      }),
    }),
    'password-realm token',
  );
  return String(body.access_token);
}

const machineTokens = new Map<string, Promise<string>>();

/** A Management API request with the machine client's token (read back, act as a backend or a stale writer). */
export async function asBackend(tenant: ConsentTestTenant, userId: string, method: 'GET' | 'PATCH' | 'DELETE' = 'GET', body?: unknown): Promise<Record<string, unknown>> {
  if (!machineTokens.has(tenant.url)) {
    const request = fetch(`${tenant.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: tenant.m2m.clientId, client_secret: tenant.m2m.clientSecret, audience: tenant.managementAudience }),
    });
    machineTokens.set(
      tenant.url,
      request.then((response) => json(response, 'client_credentials')).then((answer) => String(answer.access_token)),
    );
  }
  const machine = machineTokens.get(tenant.url) as Promise<string>;
  const response = await fetch(`${tenant.url}/api/v2/users/${encodeURIComponent(userId)}`, {
    method,
    headers: { authorization: `Bearer ${await machine}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return json(response, `${method} user as the backend`);
}

/** The user as the emulator stores it, through its admin API (never faulted, unlike the Management API path). */
export async function storedUser(tenant: ConsentTestTenant, userId: string): Promise<{ user_metadata: Record<string, unknown>; app_metadata: Record<string, unknown> }> {
  const users = (await (await fetch(`${tenant.url}/__emulator/users`)).json()) as { user_id: string; user_metadata: Record<string, unknown>; app_metadata: Record<string, unknown> }[];
  const user = users.find((candidate) => candidate.user_id === userId);
  if (!user) throw new Error(`the emulator has no user ${userId}`);
  return user;
}

/** Fault rules of the emulator (its `FaultRule`), restricted here to one user's Management API path. */
export interface UserFaultRule {
  readonly method?: string;
  readonly kind?: 'status' | 'hang' | 'reset';
  readonly status?: number;
  readonly rate?: number;
  readonly times?: number;
  readonly retryAfterSeconds?: number;
  readonly latencyMs?: number;
}

/**
 * Adds fault rules for `userId`'s Management API path to the emulator's rules (read, append,
 * replace: the admin API has no per-rule calls) with `seed`, and returns a function that removes
 * them again, leaving rules of other tests in place.
 */
export async function injectUserFaults(tenant: ConsentTestTenant, userId: string, rules: readonly UserFaultRule[], seed = 1): Promise<() => Promise<void>> {
  // fetch sends the id encoded (auth0%7C…); auth0-js joins it raw, and browsers leave `|` as it is.
  const paths = [...new Set([`/api/v2/users/${encodeURIComponent(userId)}`, `/api/v2/users/${userId}`])];
  const faults = `${tenant.url}/__emulator/faults`;
  const others = async (): Promise<{ path: string }[]> => ((await (await fetch(faults)).json()) as { rules: { path: string }[] }).rules.filter((rule) => !paths.includes(rule.path));
  const put = async (config: unknown): Promise<void> =>
    void (await json(await fetch(faults, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) }), 'PUT faults'));
  await put({ seed, rules: [...paths.flatMap((path) => rules.map((rule) => ({ ...rule, path }))), ...(await others())] });
  return async () => put({ seed, rules: await others() });
}
