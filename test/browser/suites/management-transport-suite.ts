// The contract every ManagementTransport keeps (packages/core/src/state/types.ts), run against the
// Auth0 emulator for each transport: the answer handed over as Auth0 sent it, whatever its status,
// and through `createConsentClient` every failure coming out as the same ManagementError, whichever
// transport carried it. The Management-API sibling of transport-contract-suite.ts (signup), with the
// same runner-agnostic shape (mocha in Chromium, node:test in Node; chai assertions).
//
// Faults are scoped to the user of the case (consent-support.ts `injectUserFaults`), so a fault
// never hits another test file sharing the emulator.
import { expect } from '@esm-bundle/chai';
import { ManagementError, createConsentClient, userFromResponse, type ConsentClient, type ManagementResponse, type ManagementTransport } from '@assent/core';
import type { SuiteRunner } from './transport-contract-suite.js';
import { asBackend, injectUserFaults, signUp, testPolicy, userToken, type ConsentTestTenant, type TestUser } from '../consent-support.js';

/** The transport under test. */
export interface ManagementTransportUnderTest {
  readonly name: string;
  create(): ManagementTransport;
}

const policy = testPolicy();

/** A transport that counts the requests it passes on to `inner` (the real transport). */
function counting(inner: ManagementTransport): ManagementTransport & { readonly calls: number } {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    getUser: (request) => (calls++, inner.getUser(request)),
    patchUserMetadata: (request, metadata) => (calls++, inner.patchUserMetadata(request, metadata)),
  };
}

/** Runs `call`, which must fail with a ManagementError; returns it. */
async function managementError(call: () => Promise<unknown>): Promise<ManagementError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof ManagementError) return error;
    throw new Error(`expected a ManagementError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the request to fail, it succeeded');
}

const errorOf = (response: ManagementResponse): Promise<ManagementError> => managementError(async () => userFromResponse(response));

/** Registers the suite for `transport` against `tenant`. */
export function runManagementTransportContract(runner: SuiteRunner, tenant: ConsentTestTenant, transport: ManagementTransportUnderTest): void {
  const { describe, it, before } = runner;
  const baseUrl = `${tenant.url}/api/v2`;
  let user: TestUser;
  let token: string;
  const request = (signal = AbortSignal.timeout(8000), who = user, bearer = token) => ({ baseUrl, userId: who.userId, token: bearer, signal });

  /** A consent client of `who` through the transport under test, without background retries. */
  function client(who: TestUser, bearer: string, options: { timeoutMs?: number; transport?: ManagementTransport } = {}): ConsentClient {
    return createConsentClient({
      domain: tenant.url,
      userId: who.userId,
      getAccessToken: () => bearer,
      policy,
      transport: options.transport ?? transport.create(),
      autoFlush: false,
      timeoutMs: options.timeoutMs ?? 8000,
    });
  }

  /** getConsent of a fresh user while `rules` apply to that user's path. */
  async function faulted(rules: Parameters<typeof injectUserFaults>[2], options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<ManagementError> {
    const victim = await signUp(tenant, policy);
    const bearer = await userToken(tenant, victim);
    const clear = await injectUserFaults(tenant, victim.userId, rules);
    try {
      return await managementError(() => client(victim, bearer, options).getConsent({ ...(options.signal && { signal: options.signal }) }));
    } finally {
      await clear();
    }
  }

  describe(`${transport.name}: Management API transport contract`, () => {
    before(async () => {
      user = await signUp(tenant, policy, ['terms'], { plan_type: 'pro', billingCycle: 'monthly' });
      token = await userToken(tenant, user);
    });

    describe('answers', () => {
      it('reads the user with its metadata as Auth0 stored it: nothing renamed', async () => {
        const answer = await transport.create().getUser(request());
        expect(answer.status).to.equal(200);
        const read = userFromResponse(answer);
        expect(read.user_id).to.equal(user.userId);
        expect(read.user_metadata).to.include({ plan_type: 'pro', billingCycle: 'monthly', consent_policy: 'acme-signup@2026-11-01' });
      });

      it('writes user_metadata with root keys merged: the app keys stay, the written key is replaced whole', async () => {
        const sent = transport.create();
        await sent.patchUserMetadata(request(), { note: { a: 1, b: 2 } });
        const answer = await sent.patchUserMetadata(request(), { note: { c: 3 } });
        expect(answer.status).to.equal(200);
        expect((await asBackend(tenant, user.userId)).user_metadata).to.deep.include({ plan_type: 'pro', note: { c: 3 } });
        await sent.patchUserMetadata(request(), { note: null });
      });

      it('hands over 401 for a token that is not valid, which normalises to unauthorized', async () => {
        const error = await errorOf(await transport.create().getUser(request(undefined, user, `${token.slice(0, -4)}AAAA`)));
        expect([error.code, error.status, error.transient]).to.deep.equal(['unauthorized', 401, false]);
      });

      it("hands over 403 for another user's id, which normalises to forbidden (unowned_resource)", async () => {
        const other = await signUp(tenant, policy);
        const error = await errorOf(await transport.create().getUser(request(undefined, other, token)));
        expect([error.code, error.status, error.auth0Code]).to.deep.equal(['forbidden', 403, 'unowned_resource']);
      });

      it('hands over 403 for a token without the update scope, which normalises to forbidden (insufficient_scope)', async () => {
        const readOnly = await userToken(tenant, user, 'read:current_user');
        const error = await errorOf(await transport.create().patchUserMetadata(request(undefined, user, readOnly), { note: 'x' }));
        expect([error.code, error.status, error.auth0Code]).to.deep.equal(['forbidden', 403, 'insufficient_scope']);
      });

      it('hands over 404 for a deleted user, which normalises to not_found', async () => {
        const gone = await signUp(tenant, policy);
        const goneToken = await userToken(tenant, gone);
        await asBackend(tenant, gone.userId, 'DELETE');
        const error = await errorOf(await transport.create().getUser(request(undefined, gone, goneToken)));
        expect([error.code, error.status]).to.deep.equal(['not_found', 404]);
      });

      it('hands over 400 for metadata over the size limit, which normalises to bad_request', async () => {
        const error = await errorOf(await transport.create().patchUserMetadata(request(), { blob: 'x'.repeat(11_000) }));
        expect([error.code, error.status]).to.deep.equal(['bad_request', 400]);
      });
    });

    describe('failures, through the consent client', () => {
      it('reports 429 as rate_limited with the wait from Retry-After', async () => {
        const error = await faulted([{ kind: 'status', status: 429, retryAfterSeconds: 7 }]);
        expect([error.code, error.status, error.retryAfterMs, error.transient]).to.deep.equal(['rate_limited', 429, 7000, true]);
      });

      it('reports 500 as server, transient', async () => {
        const error = await faulted([{ kind: 'status', status: 500 }]);
        expect([error.code, error.status, error.transient]).to.deep.equal(['server', 500, true]);
      });

      it('reports a request that never gets an answer as timeout', async () => {
        const error = await faulted([{ kind: 'hang' }], { timeoutMs: 300 });
        expect([error.code, error.status, error.transient]).to.deep.equal(['timeout', undefined, true]);
      });

      it('reports a reset connection as network', async () => {
        const error = await faulted([{ kind: 'reset' }]);
        expect([error.code, error.status, error.transient]).to.deep.equal(['network', undefined, true]);
      });

      it('reports a server that cannot be reached as network', async () => {
        const unreachable = createConsentClient({ domain: 'http://127.0.0.1:1', userId: user.userId, getAccessToken: () => token, policy, transport: transport.create(), autoFlush: false });
        const error = await managementError(() => unreachable.getConsent());
        expect([error.code, error.status]).to.deep.equal(['network', undefined]);
      });

      it('cancels a request in flight when the caller aborts: aborted, not transient', async () => {
        const victim = await signUp(tenant, policy);
        const bearer = await userToken(tenant, victim);
        const clear = await injectUserFaults(tenant, victim.userId, [{ kind: 'hang' }]);
        try {
          const inner = transport.create();
          let started!: () => void;
          const inFlight = new Promise<void>((resolve) => (started = resolve));
          const watched: ManagementTransport = { getUser: (sent) => (started(), inner.getUser(sent)), patchUserMetadata: inner.patchUserMetadata };
          const controller = new AbortController();
          const pending = managementError(() => client(victim, bearer, { transport: watched }).getConsent({ signal: controller.signal }));
          await inFlight;
          controller.abort();
          const error = await pending;
          expect([error.code, error.transient]).to.deep.equal(['aborted', false]);
        } finally {
          await clear();
        }
      });

      it('sends nothing when the signal is aborted before the call', async () => {
        const sent = counting(transport.create());
        const error = await managementError(() => client(user, token, { transport: sent }).getConsent({ signal: AbortSignal.abort() }));
        expect([error.code, sent.calls]).to.deep.equal(['aborted', 0]);
      });
    });
  });
}
