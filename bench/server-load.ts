/**
 * Load benchmark of @assent/server against the emulator (`node --conditions=source --import tsx
 * bench/server-load.ts`). Bounded, loopback only, stops by itself. Three processes: the emulator
 * (HTTPS, running the project's post-login Action), the consent handler (Node adapter, Management
 * API through the official `auth0` SDK), and this load generator.
 *
 * N clients (default 100), each with its own user and access token, each waiting for its previous
 * answer, for T seconds (default 10), mixing:
 *   60 % GET /consent, 20 % POST /consent (a decision, core-verified, written to app_metadata and
 *   read back), 10 % POST /consent/withdraw { purposes: ["marketing"] }, 10 % GET /consent/export.
 * Checks (exit code 1 if one fails): zero error answers and zero transport errors without injected
 * faults; every user's app_metadata.consent decodes with core and its newest entry is the last
 * write the server acknowledged for that user.
 * Prints a Markdown table and writes bench/out/server-load.{md,json}.
 *
 * Before the measured window the same load runs for a warm-up (BENCH_WARMUP_SECONDS, default 2):
 * TLS connections to the emulator, the JWKS, the Management API token and the JIT settle there.
 * Its answers count for the error checks, not for throughput and latency.
 *
 * Environment: BENCH_CLIENTS (default 100), BENCH_SECONDS (default 10), BENCH_WARMUP_SECONDS (default 2).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createDecision, decodeConsentObject, en, encodeSignupFields, parsePolicy, type ConsentDecision } from '@assent/core';
import { defaultTenantConfig, type TenantConfig } from '@assent/auth0-emulator';
import { actionSecrets } from '@assent/server';
import { Agent, request } from 'undici';
import { startEmulatorProcess } from '@assent/testkit/emulator-process';
import { trustingFetch } from '@assent/testkit/https-trust';
import { summarize, type LatencySummary } from '@assent/testkit/load';
import { BENCH_POLICY_ON_SITE } from './parts/policy.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const WARMUP_MS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2) * 1000;
const OUT_DIR = fileURLToPath(new URL('./out/', import.meta.url));
const AUDIENCE = 'https://api.assent.bench/';
const SPA = 'assent-demo-spa';
const CONNECTION = 'Username-Password-Authentication';
const M2M = 'assent-demo-m2m';
const M2M_SECRET = 'assent-dev-m2m-secret-not-for-production';
const PASSWORD = 'Bench-Tq7!Vx9#';
const POLICY = parsePolicy(BENCH_POLICY_ON_SITE);

type Operation = 'read' | 'give' | 'withdraw' | 'export';

interface BenchUser {
  readonly userId: string;
  readonly token: string;
}

/** Starts the handler process and resolves with its URL. */
function startHandler(settings: Record<string, unknown>): Promise<{ url: string; child: ChildProcess }> {
  const entry = fileURLToPath(new URL('./server-load.handler.ts', import.meta.url));
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', entry], {
    env: { ...process.env, ASSENT_BENCH_HANDLER: JSON.stringify(settings) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ASSENT_HANDLER_READY (.+)\n/.exec(output)?.[1];
      if (ready) resolve({ url: (JSON.parse(ready) as { url: string }).url, child });
    });
    child.once('exit', (code) => reject(new Error(`the handler process exited (${code}) before it was ready`)));
  });
}

/** A deterministic PRNG (mulberry32): the same mix per client on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(random: () => number): Operation {
  const r = random();
  return r < 0.6 ? 'read' : r < 0.8 ? 'give' : r < 0.9 ? 'withdraw' : 'export';
}

async function main(): Promise<number> {
  const tenant: TenantConfig = {
    ...defaultTenantConfig(),
    resource_servers: [{ identifier: AUDIENCE, name: 'bench API' }],
    actions: [
      {
        module: fileURLToPath(new URL('../packages/server/actions/post-login.js', import.meta.url)),
        secrets: { ...actionSecrets({ policy: POLICY, consentUrl: 'http://127.0.0.1:9/consent/page', sessionSecret: 'bench-session-secret-0123456789-abcdef' }) },
      },
    ],
  };
  const emulator = await startEmulatorProcess({ port: 0, https: true, tenant });
  if (!emulator.caCert) throw new Error('the emulator started without its HTTPS certificate');
  const trust = trustingFetch(emulator.caCert);
  let handlerProcess: ChildProcess | undefined;
  try {
    const handler = await startHandler({ domain: emulator.tenant.domain, caCertPath: emulator.caCertPath, clientId: M2M, clientSecret: M2M_SECRET, audience: AUDIENCE, policy: POLICY });
    handlerProcess = handler.child;

    // Set-up (not measured): one user per client, signed up with consent, and its access token.
    const signupDecision = await createDecision(POLICY, { accepted: ['terms'], locale: 'en', messages: en });
    const decisions: ConsentDecision[] = [signupDecision, await createDecision(POLICY, { accepted: ['terms', 'marketing'], locale: 'en', messages: en })];
    const runId = Date.now().toString(36);
    const users: BenchUser[] = [];
    for (let start = 0; start < CLIENTS; start += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, CLIENTS - start) }, async (_, offset) => {
          const email = `bench-${runId}-${start + offset}@assent.test`;
          const signup = await trust.fetch(`${emulator.url}/dbconnections/signup`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ client_id: SPA, connection: CONNECTION, email, password: PASSWORD, user_metadata: encodeSignupFields(signupDecision) }),
          });
          if (signup.status !== 200) throw new Error(`signup failed: ${signup.status} ${await signup.text()}`);
          const userId = `auth0|${((await signup.json()) as { _id: string })._id}`;
          const tokens = await trust.fetch(`${emulator.url}/oauth/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ grant_type: 'http://auth0.com/oauth/grant-type/password-realm', client_id: SPA, username: email, password: PASSWORD, realm: CONNECTION, audience: AUDIENCE }),
          });
          if (tokens.status !== 200) throw new Error(`token failed: ${tokens.status} ${await tokens.text()}`);
          return { userId, token: ((await tokens.json()) as { access_token: string }).access_token };
        }),
      );
      users.push(...batch);
    }

    const agent = new Agent({ connections: CLIENTS + 2, keepAliveTimeout: 10_000 });
    const latencies: Record<Operation, number[]> = { read: [], give: [], withdraw: [], export: [] };
    const statuses: Record<number, number> = {};
    const failures: string[] = [];
    let transportErrors = 0;
    const lastWrite = new Map<string, string>();
    const started = performance.now() + WARMUP_MS;
    const deadline = started + DURATION_MS;
    let warmup = 0;

    await Promise.all(
      users.map(async (user, index) => {
        const random = prng(index + 1);
        let sequence = 0;
        while (performance.now() < deadline) {
          const operation = pick(random);
          sequence += 1;
          const eventId = `bench-${index}-${sequence}`;
          const [method, path, body] =
            operation === 'read'
              ? (['GET', '/consent', undefined] as const)
              : operation === 'export'
                ? (['GET', '/consent/export', undefined] as const)
                : operation === 'give'
                  ? (['POST', '/consent', { decision: decisions[Math.floor(random() * 2)], eventId }] as const)
                  : (['POST', '/consent/withdraw', { purposes: ['marketing'], eventId }] as const);
          const t0 = performance.now();
          try {
            const response = await request(`${handler.url}${path}`, {
              method,
              dispatcher: agent,
              headers: { authorization: `Bearer ${user.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
              ...(body ? { body: JSON.stringify(body) } : {}),
            });
            const text = await response.body.text();
            if (t0 >= started) latencies[operation].push(performance.now() - t0);
            else warmup += 1;
            statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
            if (response.statusCode !== 200) {
              if (failures.length < 10) failures.push(`${method} ${path}: ${response.statusCode} ${text.slice(0, 200)}`);
            } else if (operation === 'give' || operation === 'withdraw') {
              lastWrite.set(user.userId, eventId);
            }
          } catch (error) {
            transportErrors += 1;
            if (failures.length < 10) failures.push(`${method} ${path}: ${(error as Error).message}`);
          }
        }
      }),
    );
    const elapsed = performance.now() - started;
    const answered = Object.values(statuses).reduce((sum, count) => sum + count, 0);
    await agent.close();

    // Every acknowledged last write is the newest entry of the user's authoritative copy.
    const management = await trust.fetch(`${emulator.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: M2M, client_secret: M2M_SECRET, audience: emulator.tenant.managementAudience }),
    });
    const machine = ((await management.json()) as { access_token: string }).access_token;
    let checked = 0;
    const lost: string[] = [];
    for (const [userId, eventId] of lastWrite) {
      const user = (await (await trust.fetch(`${emulator.url}/api/v2/users/${encodeURIComponent(userId)}`, { headers: { authorization: `Bearer ${machine}` } })).json()) as {
        app_metadata?: { consent?: unknown };
      };
      const consent = decodeConsentObject(user.app_metadata?.consent);
      if (consent.history.at(-1)?.id !== eventId) lost.push(`${userId}: newest ${consent.history.at(-1)?.id}, acknowledged ${eventId}`);
      checked += 1;
    }

    const all = Object.values(latencies).flat();
    const summary = summarize(all);
    const byOperation = Object.fromEntries(Object.entries(latencies).map(([operation, samples]) => [operation, summarize(samples)])) as Record<Operation, LatencySummary>;
    const errors = Object.entries(statuses)
      .filter(([status]) => status !== '200')
      .reduce((sum, [, count]) => sum + count, 0);
    const report = {
      clients: CLIENTS,
      durationMs: Math.round(elapsed),
      requests: all.length,
      requestsPerSecond: all.length / (elapsed / 1000),
      warmupRequests: warmup,
      latency: summary,
      byOperation,
      statuses,
      transportErrors,
      errorAnswers: errors,
      consistency: { usersChecked: checked, lost },
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
    };
    const row = (name: string, s: LatencySummary) => `| ${name} | ${s.count} | ${s.p50.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.max.toFixed(1)} |`;
    const markdown = [
      `## @assent/server under load: ${CLIENTS} clients, ${(elapsed / 1000).toFixed(1)} s`,
      '',
      `${all.length} requests measured (after ${warmup} warm-up requests), **${report.requestsPerSecond.toFixed(0)} requests/s**, p50 ${summary.p50.toFixed(1)} ms, **p99 ${summary.p99.toFixed(1)} ms**; statuses of all ${answered} answers ${JSON.stringify(statuses)}, transport errors ${transportErrors}; ${checked} users checked, ${lost.length} lost writes.`,
      '',
      '| operation | requests | p50 ms | p99 ms | max ms |',
      '|---|---:|---:|---:|---:|',
      row('all', summary),
      ...Object.entries(byOperation).map(([operation, s]) => row(operation, s)),
      '',
      `Machine: ${report.machine.cpus} × ${report.machine.model}, Node ${report.machine.node}; emulator, handler and load generator share it.`,
    ].join('\n');
    console.log(markdown);
    await mkdir(OUT_DIR, { recursive: true });
    await writeFile(new URL('server-load.md', `file://${OUT_DIR}`), `${markdown}\n`);
    await writeFile(new URL('server-load.json', `file://${OUT_DIR}`), `${JSON.stringify(report, null, 2)}\n`);

    const problems = [
      ...(errors > 0 ? [`${errors} error answers: ${failures.join(' | ')}`] : []),
      ...(transportErrors > 0 ? [`${transportErrors} transport errors: ${failures.join(' | ')}`] : []),
      ...(lost.length > 0 ? [`${lost.length} acknowledged writes are not the newest entry: ${lost.slice(0, 3).join('; ')}`] : []),
      ...(all.length === 0 ? ['no request was answered'] : []),
    ];
    for (const problem of problems) console.error(`FAIL: ${problem}`);
    return problems.length === 0 ? 0 : 1;
  } finally {
    handlerProcess?.stdin?.end();
    await new Promise((resolve) => (handlerProcess && handlerProcess.exitCode === null ? handlerProcess.once('exit', resolve) : resolve(undefined)));
    await trust.close();
    await emulator.stop();
  }
}

process.exitCode = await main();
