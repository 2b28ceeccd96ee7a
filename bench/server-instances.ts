/**
 * Two consent handlers on one PostgreSQL against one (`node --conditions=source --import tsx
 * bench/server-instances.ts`). Bounded, loopback only, stops by itself. Processes: the emulator
 * (HTTPS, running the project's post-login Action), a PostgreSQL server started for the run
 * (durable: fsync on), one or two handler processes with `withdrawalLog: postgres://…` (so every
 * request takes the user's lock in the database), and this load generator.
 *
 * Per mode (one instance, then two on a fresh database): N clients (default 100) for T seconds
 * (default 10) after a warm-up, each waiting for its previous answer, giving (2/3) and withdrawing
 * marketing (1/3) on a small set of shared users (default 6), round-robin over the instances.
 * Reports requests/s of acknowledged writes, p50/p99 latency, answers by status (503 `user_busy` is
 * back-pressure: the user's lock stayed busy for 10 s), and checks that every acknowledged event
 * newer than the history cap's trim mark is in the user's record once (exit code 1 if not).
 * Prints a Markdown table and writes bench/out/server-instances.{md,json}.
 *
 * Environment: BENCH_CLIENTS (100), BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (2), BENCH_USERS (6).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { compareHistoryEntries, createDecision, decodeConsentObject, en, encodeSignupFields, parsePolicy } from '@assent/core';
import { defaultTenantConfig, type TenantConfig } from '@assent/auth0-emulator';
import { actionSecrets } from '@assent/server';
import { Agent, request } from 'undici';
import { startEmulatorProcess } from '@assent/testkit/emulator-process';
import { startHandlerProcess, type HandlerProcess } from '@assent/testkit/handler-process';
import { trustingFetch } from '@assent/testkit/https-trust';
import { summarize, type LatencySummary } from '@assent/testkit/load';
import { startPostgres } from '@assent/testkit/postgres';
import { BENCH_POLICY_ON_SITE } from './parts/policy.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const WARMUP_MS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2) * 1000;
const USERS = Number(process.env.BENCH_USERS ?? 6);
const OUT_DIR = fileURLToPath(new URL('./out/', import.meta.url));
const AUDIENCE = 'https://api.assent.bench/';
const SPA = 'assent-demo-spa';
const CONNECTION = 'Username-Password-Authentication';
const M2M = 'assent-demo-m2m';
const M2M_SECRET = 'assent-dev-m2m-secret-not-for-production';
const PASSWORD = 'Bench-Tq7!Vx9#';
const POLICY = parsePolicy(BENCH_POLICY_ON_SITE);

interface ModeResult {
  readonly instances: number;
  readonly acknowledged: number;
  readonly perSecond: number;
  readonly latency: LatencySummary;
  readonly statuses: Record<number, number>;
  readonly transportErrors: number;
  readonly lost: number;
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
  const postgres = await startPostgres({ durable: true });
  const results: ModeResult[] = [];
  try {
    const signupDecision = await createDecision(POLICY, { accepted: ['terms', 'marketing'], locale: 'en', messages: en });
    const runId = Date.now().toString(36);
    const machineToken = async () => {
      const response = await trust.fetch(`${emulator.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: M2M, client_secret: M2M_SECRET, audience: emulator.tenant.managementAudience }),
      });
      return ((await response.json()) as { access_token: string }).access_token;
    };

    for (const count of [1, 2]) {
      const url = await postgres.createDatabase(`bench_${count}`);
      const instances: HandlerProcess[] = [];
      for (let i = 0; i < count; i += 1) {
        instances.push(
          await startHandlerProcess({ domain: emulator.tenant.domain, caCert: emulator.caCert, clientId: M2M, clientSecret: M2M_SECRET, audience: AUDIENCE, policy: POLICY, withdrawalLog: url }),
        );
      }
      try {
        const users = await Promise.all(
          Array.from({ length: USERS }, async (_, index) => {
            const email = `bench-${runId}-${count}-${index}@assent.test`;
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
        const agent = new Agent({ connections: CLIENTS + 2, keepAliveTimeout: 10_000 });
        const latencies: number[] = [];
        const statuses: Record<number, number> = {};
        const acks = new Map<string, { id: string; at: string }[]>(users.map((user) => [user.userId, []]));
        let transportErrors = 0;
        const started = performance.now() + WARMUP_MS;
        const deadline = started + DURATION_MS;
        await Promise.all(
          Array.from({ length: CLIENTS }, async (_, index) => {
            let sequence = 0;
            while (performance.now() < deadline) {
              sequence += 1;
              const user = users[(index + sequence) % users.length];
              const base = instances[(index + sequence) % instances.length]?.url;
              if (!user || !base) return;
              const eventId = `bench-${index}-${sequence}`;
              const give = sequence % 3 !== 0;
              const t0 = performance.now();
              try {
                const response = await request(`${base}${give ? '/consent' : '/consent/withdraw'}`, {
                  method: 'POST',
                  dispatcher: agent,
                  headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
                  body: JSON.stringify(give ? { decision: signupDecision, eventId } : { purposes: ['marketing'], eventId }),
                });
                const body = (await response.body.json()) as { app_metadata?: { consent: unknown } };
                statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
                if (response.statusCode !== 200) continue;
                const own = decodeConsentObject(body.app_metadata?.consent).history.find((entry) => entry.id === eventId);
                if (own) acks.get(user.userId)?.push({ id: eventId, at: own.at });
                if (t0 >= started) latencies.push(performance.now() - t0);
              } catch {
                transportErrors += 1;
              }
            }
          }),
        );
        const elapsed = performance.now() - started;
        await agent.close();
        const machine = await machineToken();
        let lost = 0;
        for (const user of users) {
          const response = await trust.fetch(`${emulator.url}/api/v2/users/${encodeURIComponent(user.userId)}`, { headers: { authorization: `Bearer ${machine}` } });
          const copy = decodeConsentObject(((await response.json()) as { app_metadata?: { consent?: unknown } }).app_metadata?.consent);
          for (const ack of acks.get(user.userId) ?? []) {
            const newer = !copy.trimmed || compareHistoryEntries(ack, copy.trimmed) > 0;
            const times = copy.history.filter((entry) => entry.id === ack.id).length;
            if ((newer && times !== 1) || times > 1) lost += 1;
          }
        }
        results.push({ instances: count, acknowledged: latencies.length, perSecond: latencies.length / (elapsed / 1000), latency: summarize(latencies), statuses, transportErrors, lost });
      } finally {
        await Promise.all(instances.map((instance) => instance.stop()));
      }
    }
  } finally {
    await postgres.stop();
    await trust.close();
    await emulator.stop();
  }

  const lines = [
    `Two handler instances vs one on PostgreSQL: ${CLIENTS} clients, ${USERS} shared users, ${DURATION_MS / 1000} s after ${WARMUP_MS / 1000} s warm-up; ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)}, Node ${process.versions.node}`,
    '',
    '| instances | acknowledged writes | writes/s | p50 ms | p99 ms | max ms | answers | transport errors | lost or doubled |',
    '|---:|---:|---:|---:|---:|---:|---|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.instances} | ${r.acknowledged} | ${r.perSecond.toFixed(1)} | ${r.latency.p50.toFixed(1)} | ${r.latency.p99.toFixed(1)} | ${r.latency.max.toFixed(1)} | ${Object.entries(r.statuses)
          .map(([status, n]) => `${status}: ${n}`)
          .join(', ')} | ${r.transportErrors} | ${r.lost} |`,
    ),
  ];
  const markdown = `${lines.join('\n')}\n`;
  process.stdout.write(markdown);
  await mkdir(OUT_DIR, { recursive: true });
  await writeFile(`${OUT_DIR}server-instances.md`, markdown);
  await writeFile(`${OUT_DIR}server-instances.json`, `${JSON.stringify(results, null, 2)}\n`);
  return results.every((r) => r.lost === 0 && r.transportErrors === 0) ? 0 : 1;
}

process.exitCode = await main();
