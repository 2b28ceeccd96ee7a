// The contract every SignupTransport keeps (packages/core/src/signup/transport.ts), run against the
// Auth0 emulator for each transport: through `createAssent`, every answer and every failure must
// come out as the same typed result or SignupError, whichever transport carried it.
//
// Runner-agnostic (mocha in Chromium, node:test in Node): the runner's functions come in as
// `SuiteRunner`, assertions are chai's. Cases that need a tenant feature (409 user_exists, the
// dictionary and personal-information checks, breached passwords) run where the tenant has it:
// test/browser/transport-contract.test.ts (shared wtr emulator, both transports) and
// test/node/transport-contract.test.ts (a private emulator with every feature, fetch).
//
// Faults are injected on a path prefix of this suite's own (`{emulator}/__contract-<id>`, passed as
// the `domain`), so a fault never hits another test file sharing the emulator: the emulator applies
// faults before routing, and only requests through that prefix match the rule.
import { expect } from '@esm-bundle/chai';
import {
  SignupError,
  createAssent,
  createDecision,
  en,
  parsePolicy,
  passwordRules,
  signupErrorFromResponse,
  type AssentClient,
  type ConsentDecision,
  type PasswordPolicyLevel,
  type SignupTransport,
} from '@assent/core';
import type { FaultRule, FaultsConfig, Tenant } from '@assent/auth0-emulator';
import { strongPassword, uniqueEmail } from '../../support/unique.js';

type TestBody = () => Promise<void>;

/** The test runner's functions (mocha's globals, or node:test's exports). */
export interface SuiteRunner {
  describe(name: string, body: () => void): unknown;
  it: { (name: string, body: TestBody): unknown; skip(name: string, body: TestBody): unknown };
  before(body: () => Promise<void>): unknown;
}

/** The emulator the suite runs against. */
export interface ContractTarget {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** A client allowed to sign up (and, in a browser, allowed for the page's origin). */
  readonly clientId: string;
  readonly tenant: Tenant;
}

/** The transport under test. */
export interface TransportUnderTest {
  readonly name: string;
  /** A transport that sends to `baseUrl` as the application `clientId` (the same as createAssent's). */
  create(baseUrl: string, clientId: string): SignupTransport;
}

const policy = parsePolicy({
  id: 'contract-suite',
  version: '2026-11-01',
  controller: { name: 'Acme GmbH' },
  documents: [{ id: 'terms', url: 'https://acme.example/terms', version: '3.1' }],
  purposes: [
    { id: 'terms', required: true, basis: 'contract', documents: ['terms'] },
    { id: 'marketing', required: false, basis: 'consent' },
  ],
});

/** Runs `call`, which must fail with a SignupError; returns it. */
async function signupError(call: () => Promise<unknown>): Promise<SignupError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof SignupError) return error;
    throw new Error(`expected a SignupError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the signup to fail, it succeeded');
}

async function admin(target: ContractTarget, path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(`${target.url}/__emulator/${path}`, { ...init, headers: { 'content-type': 'application/json' } });
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} /__emulator/${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

/** The emulator's stored user with `email`, or undefined. */
async function storedUser(target: ContractTarget, email: string): Promise<{ user_id: string; user_metadata: Record<string, unknown>; given_name?: string } | undefined> {
  const users = (await admin(target, 'users')) as { email: string; user_id: string; user_metadata: Record<string, unknown> }[];
  return users.find((user) => user.email === email);
}

let sequence = 0;

/**
 * Adds `rules` (their paths relative to a fresh prefix) to the emulator's faults, keeping other
 * files' rules, and returns the prefixed base URL to pass as `domain`.
 */
async function withFaults(target: ContractTarget, rules: readonly Omit<FaultRule, 'path'>[]): Promise<string> {
  const prefix = `/__contract-${Date.now().toString(36)}-${(sequence += 1)}-${Math.random().toString(36).slice(2, 8)}`;
  const current = (await admin(target, 'faults')) as FaultsConfig;
  const mine = rules.map((rule) => ({ ...rule, path: `${prefix}/dbconnections/signup` }));
  await admin(target, 'faults', { method: 'PUT', body: JSON.stringify({ ...current, rules: [...mine, ...current.rules] }) });
  return `${target.url}${prefix}`;
}

/** Removes the rules of `baseUrl`'s prefix (others' rules stay). */
async function removeFaults(target: ContractTarget, baseUrl: string): Promise<void> {
  const prefix = baseUrl.slice(target.url.length);
  const current = (await admin(target, 'faults')) as FaultsConfig;
  await admin(target, 'faults', { method: 'PUT', body: JSON.stringify({ ...current, rules: current.rules.filter((rule) => !rule.path.startsWith(`${prefix}/`)) }) });
}

/** Makes `navigator.onLine` false until the returned function is called. */
function simulateOffline(): () => void {
  const holder = globalThis as { navigator?: object };
  if (holder.navigator) {
    const navigator = holder.navigator;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    return () => void delete (navigator as { onLine?: boolean }).onLine;
  }
  Object.defineProperty(holder, 'navigator', { configurable: true, value: { onLine: false } });
  return () => void delete holder.navigator;
}

/** A transport that counts the requests it passes on to `inner` (the real transport). */
function counting(inner: SignupTransport): SignupTransport & { readonly calls: number } {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    signup(url, body, signal) {
      calls += 1;
      return inner.signup(url, body, signal);
    },
  };
}

/**
 * Registers the suite for `transport` against `target`. Cases whose tenant feature `target` lacks
 * are registered as skipped, their titles saying what is missing.
 */
export function runTransportContract(runner: SuiteRunner, target: ContractTarget, transport: TransportUnderTest): void {
  const { describe, it, before } = runner;
  const { connections, settings } = target.tenant;
  const connection = connections.find((candidate) => !candidate.options.requires_username && !candidate.options.disable_signup)!;
  const withUsername = settings.existing_user_error === 'user_exists' ? connections.find((candidate) => candidate.options.requires_username) : undefined;
  const dictionary = connections.find((candidate) => candidate.options.password_dictionary?.enable && candidate.options.password_dictionary.dictionary?.length);
  const personalInfo = connections.find((candidate) => candidate.options.password_no_personal_info?.enable);
  const breached = settings.breached_passwords[0];
  /** `it`, or `it.skip` with the missing feature in the title. */
  const given = (feature: unknown, missing: string) => (name: string, body: TestBody) => (feature ? it(name, body) : it.skip(`${name} (tenant without ${missing})`, body));
  let decision: ConsentDecision;

  /** A client of `connection` on `baseUrl` (the emulator, or a fault prefix of it) through the transport under test. */
  function client(baseUrl = target.url, options: { connection?: string; timeoutMs?: number; transport?: SignupTransport } = {}): AssentClient {
    return createAssent({
      domain: baseUrl,
      clientId: target.clientId,
      connection: options.connection ?? connection.name,
      policy,
      transport: options.transport ?? transport.create(baseUrl, target.clientId),
      timeoutMs: options.timeoutMs ?? 8000,
    });
  }

  /** A signup through a fresh fault prefix; the rules are removed afterwards. */
  async function faulted(rules: readonly Omit<FaultRule, 'path'>[], options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<SignupError> {
    const baseUrl = await withFaults(target, rules);
    try {
      return await signupError(() => client(baseUrl, options).signup({ email: uniqueEmail('fault'), password: strongPassword() }, decision, { signal: options.signal }));
    } finally {
      await removeFaults(target, baseUrl);
    }
  }

  describe(`${transport.name}: signup transport contract`, () => {
    before(async () => {
      decision = await createDecision(policy, { accepted: ['terms', 'marketing'], locale: 'en', messages: en });
    });

    describe('answers', () => {
      it('creates the user with the consent fields and the app fields in user_metadata, in one request', async () => {
        const email = uniqueEmail('contract-ok');
        const sent = counting(transport.create(target.url, target.clientId));
        const result = await client(target.url, { transport: sent }).signup({ email, password: strongPassword(), rootFields: { given_name: '<b>Ann</b>' }, metadata: { plan: 'pro' } }, decision);
        const stored = await storedUser(target, email);
        expect(sent.calls).to.equal(1);
        expect(result).to.deep.equal({ userId: stored?.user_id, email, emailVerified: false, decision });
        expect(stored?.given_name).to.equal('<b>Ann</b>');
        expect(stored?.user_metadata).to.deep.equal({
          plan: 'pro',
          consent_policy: 'contract-suite@2026-11-01',
          consent_purposes: 'terms,marketing',
          consent_at: decision.at,
          consent_locale: 'en',
          consent_hash: decision.hash,
        });
      });

      it(`reports an email already signed up as user_exists (HTTP ${settings.existing_user_error === 'user_exists' ? '409 user_exists' : '400 invalid_signup'})`, async () => {
        const email = uniqueEmail('contract-exists');
        await client().signup({ email, password: strongPassword() }, decision);
        const error = await signupError(() => client().signup({ email, password: strongPassword() }, decision));
        expect([error.code, error.field, error.mayAlreadyExist, error.ambiguous]).to.deep.equal(['user_exists', 'email', false, false]);
        expect(error.status).to.equal(target.tenant.settings.existing_user_error === 'user_exists' ? 409 : 400);
      });

      it("reports a weak password as invalid_password with each rule of the connection's policy, as passwordRules computes them", async () => {
        const error = await signupError(() => client().signup({ email: uniqueEmail('contract-weak'), password: 'abc' }, decision));
        expect([error.code, error.status, error.field]).to.deep.equal(['invalid_password', 400, 'password']);
        expect(error.rules).to.deep.equal(passwordRules(connection.options.passwordPolicy as PasswordPolicyLevel, 'abc'));
        expect(error.policy).to.match(/^\* At least \d+ characters in length/);
      });

      it('reports an email address the server refuses as invalid_email', async () => {
        const error = await signupError(() => client().signup({ email: 'ann@localhost', password: strongPassword() }, decision));
        expect([error.code, error.status, error.field]).to.deep.equal(['invalid_email', 400, 'email']);
      });

      it('reports an unknown connection as bad_request naming it', async () => {
        const error = await signupError(() => client(target.url, { connection: 'No-Such-Connection' }).signup({ email: uniqueEmail('contract-conn'), password: strongPassword() }, decision));
        expect([error.code, error.status]).to.deep.equal(['bad_request', 400]);
        expect(error.description).to.include('No-Such-Connection');
      });

      it("hands over Auth0's refusal of non-string metadata, which normalises to bad_request naming the field", async () => {
        // The client refuses such metadata before sending: only the transport itself can send it.
        const body = {
          client_id: target.clientId,
          connection: connection.name,
          email: uniqueEmail('contract-meta'),
          password: strongPassword(),
          user_metadata: { newsletter: true as unknown as string },
        };
        const response = await transport.create(target.url, target.clientId).signup(`${target.url}/dbconnections/signup`, body, AbortSignal.timeout(8000));
        const error = signupErrorFromResponse(response);
        expect([error.code, error.status]).to.deep.equal(['bad_request', 400]);
        expect(error.description).to.include('user_metadata.newsletter');
      });
    });

    describe('answers that need a tenant feature', () => {
      given(withUsername, 'a requires_username connection answering 409')('reports a taken username as username_exists', async () => {
        const username = `u${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
        const viaUsername = client(target.url, { connection: withUsername!.name });
        await viaUsername.signup({ email: uniqueEmail('contract-u1'), password: strongPassword(), username }, decision);
        const error = await signupError(() => viaUsername.signup({ email: uniqueEmail('contract-u2'), password: strongPassword(), username }, decision));
        expect([error.code, error.status, error.field]).to.deep.equal(['username_exists', 409, 'username']);
      });

      given(dictionary, 'a dictionary connection listing its own words')('reports a common password as password_dictionary', async () => {
        const word = dictionary!.options.password_dictionary!.dictionary![0]!;
        const error = await signupError(() => client(target.url, { connection: dictionary!.name }).signup({ email: uniqueEmail('contract-dict'), password: word }, decision));
        expect([error.code, error.status, error.field]).to.deep.equal(['password_dictionary', 400, 'password']);
      });

      given(personalInfo, 'a personal-information connection')('reports a password holding the email as password_no_user_info', async () => {
        const email = uniqueEmail('contract-info');
        const error = await signupError(() => client(target.url, { connection: personalInfo!.name }).signup({ email, password: `${email.split('@')[0]}-X9!` }, decision));
        expect([error.code, error.status, error.field]).to.deep.equal(['password_no_user_info', 400, 'password']);
      });

      given(breached, 'breached_passwords')('reports a breached password as password_leaked', async () => {
        const error = await signupError(() => client().signup({ email: uniqueEmail('contract-leak'), password: breached! }, decision));
        expect([error.code, error.status, error.field]).to.deep.equal(['password_leaked', 400, 'password']);
      });
    });

    describe('failures', () => {
      it('reports 429 as rate_limited with the wait from Retry-After', async () => {
        const error = await faulted([{ kind: 'status', status: 429, retryAfterSeconds: 7, times: 1 }]);
        expect([error.code, error.status, error.retryAfterMs, error.ambiguous]).to.deep.equal(['rate_limited', 429, 7000, false]);
      });

      it('reports 500 as server, ambiguous, and does not retry', async () => {
        // Were the request retried, the second answer (503) would be the one reported.
        const error = await faulted([
          { kind: 'status', status: 500, times: 1 },
          { kind: 'status', status: 503, times: 1 },
        ]);
        expect([error.code, error.status, error.ambiguous]).to.deep.equal(['server', 500, true]);
      });

      it('reports a request that never gets an answer as timeout, ambiguous', async () => {
        const error = await faulted([{ kind: 'hang', times: 1 }], { timeoutMs: 300 });
        expect([error.code, error.status, error.ambiguous]).to.deep.equal(['timeout', undefined, true]);
      });

      it('reports a reset connection as network, ambiguous', async () => {
        // No `times`: Chromium itself sends a request again, once, when a reused keep-alive
        // connection is reset before any answer; every connection through the prefix is reset.
        const error = await faulted([{ kind: 'reset' }]);
        expect([error.code, error.status, error.ambiguous]).to.deep.equal(['network', undefined, true]);
      });

      it('reports a server that cannot be reached as network', async () => {
        // Port 1: nothing listens there, and Chromium refuses it outright; either way no answer comes.
        const unreachable = 'http://127.0.0.1:1';
        const error = await signupError(() => client(unreachable).signup({ email: uniqueEmail('contract-unreachable'), password: strongPassword() }, decision));
        expect([error.code, error.status]).to.deep.equal(['network', undefined]);
      });

      it('refuses to send while offline: network, not ambiguous, no request', async () => {
        const sent = counting(transport.create(target.url, target.clientId));
        const restore = simulateOffline();
        let error: SignupError;
        try {
          error = await signupError(() => client(target.url, { transport: sent }).signup({ email: uniqueEmail('contract-offline'), password: strongPassword() }, decision));
        } finally {
          restore();
        }
        expect([error.code, error.ambiguous, sent.calls]).to.deep.equal(['network', false, 0]);
      });

      it('cancels a request in flight when the caller aborts: aborted, ambiguous', async () => {
        const controller = new AbortController();
        const baseUrl = await withFaults(target, [{ kind: 'hang', times: 1 }]);
        try {
          const pending = signupError(() => client(baseUrl).signup({ email: uniqueEmail('contract-cancel'), password: strongPassword() }, decision, { signal: controller.signal }));
          controller.abort();
          const error = await pending;
          expect([error.code, error.ambiguous]).to.deep.equal(['aborted', true]);
        } finally {
          await removeFaults(target, baseUrl);
        }
      });

      it('sends nothing when the signal is aborted before the call: aborted, not ambiguous', async () => {
        const sent = counting(transport.create(target.url, target.clientId));
        const email = uniqueEmail('contract-preabort');
        const error = await signupError(() => client(target.url, { transport: sent }).signup({ email, password: strongPassword() }, decision, { signal: AbortSignal.abort() }));
        expect([error.code, error.ambiguous, sent.calls]).to.deep.equal(['aborted', false, 0]);
        expect(await storedUser(target, email)).to.equal(undefined);
      });
    });
  });
}
