/**
 * SDK overhead of one signup: the time spent in our code around the request, network excluded.
 * Each iteration runs what a custom form runs on submit (createDecision, which hashes the shown
 * statement with WebCrypto; encodeSignupFields; createAssent().signup, which checks the input and
 * builds the body) against a transport that answers at once, in process. Node, this machine.
 */
import { performance } from 'node:perf_hooks';
import { createAssent, createDecision, en, encodeSignupFields, parsePolicy, type SignupTransport } from '@assent/core';
import { summarize, type RunSummary } from './stats.js';
import { BENCH_POLICY_ON_SITE } from './policy.js';

/** Microseconds per signup over each batch of iterations. */
export interface SdkOverheadReport {
  readonly iterationsPerBatch: number;
  readonly warmupIterations: number;
  /** One signup with the client reused (as a form does), µs per signup, per batch. */
  readonly signupMicros: RunSummary;
  /** createAssent (options and policy validation), µs per call, per batch: paid once per page. */
  readonly createClientMicros: RunSummary;
}

const POLICY = parsePolicy(BENCH_POLICY_ON_SITE);

/** Answers every signup at once with a created user, as Auth0 does (200, `_id`). */
const instantTransport: SignupTransport = {
  signup: (_url, body) => Promise.resolve({ status: 200, headers: new Headers(), body: { _id: '6564b0f2a1c3d4e5f6a7b8c9', email: body.email, email_verified: false } }),
};

const OPTIONS = { domain: 'acme.eu.auth0.com', clientId: 'bench-client-id', connection: 'Username-Password-Authentication', policy: POLICY, transport: instantTransport };

async function oneSignup(client: ReturnType<typeof createAssent>, i: number): Promise<void> {
  const decision = await createDecision(POLICY, { accepted: i % 2 ? ['terms', 'marketing'] : ['terms'], locale: 'en', messages: en });
  encodeSignupFields(decision);
  const result = await client.signup({ email: `user${i}@acme.example`, password: 'Bench-Tq7!Vx9#', metadata: { plan: 'pro' } }, decision);
  if (!result.userId.startsWith('auth0|')) throw new Error(`unexpected user id ${result.userId}`);
}

/** Runs `batches` batches of `iterations` signups after a warm-up; every signup must succeed. */
export async function measureSdkOverhead(batches: number, iterations: number): Promise<SdkOverheadReport> {
  const client = createAssent(OPTIONS);
  const warmupIterations = Math.min(iterations, 2000);
  for (let i = 0; i < warmupIterations; i++) await oneSignup(client, i);
  const signup: number[] = [];
  const create: number[] = [];
  for (let batch = 0; batch < batches; batch++) {
    let start = performance.now();
    for (let i = 0; i < iterations; i++) await oneSignup(client, i);
    signup.push(((performance.now() - start) * 1000) / iterations);
    start = performance.now();
    for (let i = 0; i < iterations; i++) createAssent(OPTIONS);
    create.push(((performance.now() - start) * 1000) / iterations);
  }
  return { iterationsPerBatch: iterations, warmupIterations, signupMicros: summarize(signup), createClientMicros: summarize(create) };
}
