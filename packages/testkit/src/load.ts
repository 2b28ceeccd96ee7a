/**
 * A bounded load generator for the emulator and the durability checks that go with it. Used by the
 * benchmark (bench/emulator-load.ts) and by test/node/conformance-durability.test.ts.
 *
 * N virtual clients loop for a fixed time, each waiting for its previous answer, mixing:
 * - signups (POST /dbconnections/signup, unique emails),
 * - user reads (GET /api/v2/users/{id}) of a few shared users,
 * - user_metadata PATCHes on the same shared users, each client writing its own root key with an
 *   increasing sequence number (so concurrent writers must all survive Auth0's root merge).
 * Every acknowledged write (200) is remembered, then {@link verifyStateFile} checks the state file.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';

/** Where and as whom the load runs. */
export interface LoadTarget {
  /** Emulator URL, `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** A public client allowed to sign up on `connection`. */
  readonly clientId: string;
  readonly connection: string;
  /** A machine client with read:users and update:users on the Management API. */
  readonly m2m: { readonly clientId: string; readonly clientSecret: string };
  /** The Management API audience (`{url}/api/v2/`). */
  readonly audience: string;
}

/** How much load, for how long. */
export interface LoadOptions {
  /** Concurrent virtual clients. */
  readonly clients: number;
  readonly durationMs: number;
  /** Users that every client reads and patches. Default 10. */
  readonly sharedUsers?: number;
  /** Share of signups among operations, 0..1. Default 0.2; the rest is split between reads and PATCHes. */
  readonly signupShare?: number;
  /** Stops the load early (e.g. the server was killed); in-flight requests are left to fail. */
  readonly signal?: AbortSignal;
  /** Called when the timed part starts (after the set-up: token, shared users). */
  readonly onStart?: () => void;
  /** Called after each write the server acknowledged, with every write acknowledged so far. */
  readonly onAcknowledged?: (acknowledged: AcknowledgedWrites) => void;
}

export type OperationKind = 'signup' | 'read' | 'patch';

/** Latency percentiles in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** Writes the server acknowledged with a 200. */
export interface AcknowledgedWrites {
  /** Emails of acknowledged signups. */
  readonly signups: string[];
  /** user_id -> user_metadata key -> the highest sequence number acknowledged for it. */
  readonly patches: Map<string, Map<string, number>>;
}

/** What a load run did and saw. */
export interface LoadResult {
  readonly clients: number;
  readonly durationMs: number;
  /** Requests answered (any status). */
  readonly requests: number;
  readonly requestsPerSecond: number;
  /** Count per HTTP status. */
  readonly statuses: Record<number, number>;
  /** Requests that got no HTTP answer (refused, reset): expected only after a kill. */
  readonly transportErrors: number;
  readonly latency: LatencySummary;
  readonly latencyByKind: Record<OperationKind, LatencySummary>;
  readonly acknowledged: AcknowledgedWrites;
}

const STRONG_PASSWORD = 'Load-Tq7!Vx9#';

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** Percentiles by nearest rank. */
export function summarize(samples: number[]): LatencySummary {
  if (samples.length === 0) return { count: 0, p50: 0, p99: 0, max: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { count: sorted.length, p50: rank(0.5), p99: rank(0.99), max: sorted[sorted.length - 1]! };
}

class HttpClient {
  readonly agent: Agent;
  constructor(
    private readonly base: string,
    connections: number,
  ) {
    this.agent = new Agent({ connections, keepAliveTimeout: 10_000 });
  }

  async send(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown, token?: string): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await request(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      dispatcher: this.agent,
    });
    const text = await response.body.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: keep the text for the error message.
    }
    return { status: response.statusCode, body: parsed };
  }
}

function expectOk(answer: Answer, what: string): Record<string, unknown> {
  if (answer.status !== 200) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body as Record<string, unknown>;
}

/** Signs up `count` users and returns their user ids (set-up, not measured). */
async function createSharedUsers(http: HttpClient, target: LoadTarget, token: string, runId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const email = `shared-${runId}-${index}@assent.test`;
    expectOk(await http.send('POST', '/dbconnections/signup', { client_id: target.clientId, connection: target.connection, email, password: STRONG_PASSWORD }), `signup of ${email}`);
    const found = expectOk(await http.send('GET', `/api/v2/users-by-email?email=${encodeURIComponent(email)}`, undefined, token), `users-by-email ${email}`);
    const user = (found as unknown as { user_id: string }[])[0];
    if (!user) throw new Error(`users-by-email found no user for ${email}`);
    ids.push(user.user_id);
  }
  return ids;
}

/** A client-credentials token for the Management API. */
async function managementToken(http: HttpClient, target: LoadTarget): Promise<string> {
  const body = expectOk(
    await http.send('POST', '/oauth/token', {
      grant_type: 'client_credentials',
      client_id: target.m2m.clientId,
      client_secret: target.m2m.clientSecret,
      audience: target.audience,
    }),
    'client_credentials',
  );
  return String(body.access_token);
}

/** A small deterministic PRNG (mulberry32), so the mix of operations is repeatable per client. */
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

/** Runs the load and returns what happened. Resolves when the time is up (or `signal` aborts). */
export async function runLoad(target: LoadTarget, options: LoadOptions): Promise<LoadResult> {
  const http = new HttpClient(target.url, options.clients + 2);
  try {
    const runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    const token = await managementToken(http, target);
    const shared = await createSharedUsers(http, target, token, runId, options.sharedUsers ?? 10);
    const signupShare = options.signupShare ?? 0.2;

    const samples: number[] = [];
    const samplesByKind: Record<OperationKind, number[]> = { signup: [], read: [], patch: [] };
    const statuses: Record<number, number> = {};
    const acknowledged: AcknowledgedWrites = { signups: [], patches: new Map() };
    let transportErrors = 0;

    options.onStart?.();
    const started = performance.now();
    const deadline = started + options.durationMs;
    const running = (): boolean => performance.now() < deadline && !options.signal?.aborted;

    async function client(index: number): Promise<void> {
      const random = prng(index + 1);
      const key = `load_c${index}`;
      let sequence = 0;
      let signups = 0;
      while (running()) {
        const roll = random();
        const kind: OperationKind = roll < signupShare ? 'signup' : roll < signupShare + (1 - signupShare) / 2 ? 'read' : 'patch';
        const userId = shared[Math.floor(random() * shared.length)]!;
        const begin = performance.now();
        let answer: Answer;
        try {
          if (kind === 'signup') {
            const email = `load-${runId}-${index}-${signups++}@assent.test`;
            answer = await http.send('POST', '/dbconnections/signup', { client_id: target.clientId, connection: target.connection, email, password: STRONG_PASSWORD });
            if (answer.status === 200) {
              acknowledged.signups.push(email);
              options.onAcknowledged?.(acknowledged);
            }
          } else if (kind === 'read') {
            answer = await http.send('GET', `/api/v2/users/${encodeURIComponent(userId)}`, undefined, token);
          } else {
            sequence += 1;
            const written = sequence;
            answer = await http.send('PATCH', `/api/v2/users/${encodeURIComponent(userId)}`, { user_metadata: { [key]: written } }, token);
            if (answer.status === 200) {
              const perUser = acknowledged.patches.get(userId) ?? new Map<string, number>();
              perUser.set(key, Math.max(perUser.get(key) ?? 0, written));
              acknowledged.patches.set(userId, perUser);
              options.onAcknowledged?.(acknowledged);
            }
          }
        } catch {
          transportErrors += 1;
          continue;
        }
        const elapsed = performance.now() - begin;
        samples.push(elapsed);
        samplesByKind[kind].push(elapsed);
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      }
    }

    await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)));
    const durationMs = performance.now() - started;
    return {
      clients: options.clients,
      durationMs,
      requests: samples.length,
      requestsPerSecond: samples.length / (durationMs / 1000),
      statuses,
      transportErrors,
      latency: summarize(samples),
      latencyByKind: { signup: summarize(samplesByKind.signup), read: summarize(samplesByKind.read), patch: summarize(samplesByKind.patch) },
      acknowledged,
    };
  } finally {
    // destroy, not close: after a kill, in-flight requests would never settle.
    await http.agent.destroy();
  }
}

/** Requests answered with a 5xx status. */
export function serverErrors(result: LoadResult): number {
  return Object.entries(result.statuses)
    .filter(([status]) => Number(status) >= 500)
    .reduce((sum, [, count]) => sum + count, 0);
}

/** What {@link verifyStateFile} found. */
export interface StateCheck {
  /** Parse error, if the file is not valid JSON. */
  readonly invalidJson?: string;
  readonly users: number;
  readonly checkedSignups: number;
  readonly checkedPatches: number;
  /** One line per acknowledged write that is not in the file. */
  readonly missing: string[];
}

interface StateUser {
  user_id: string;
  email: string;
  user_metadata?: Record<string, unknown>;
}

/**
 * Reads the emulator's state file (format `assent-auth0-emulator-state`, `users[]`) and checks that
 * every acknowledged write is there. `exact`: a patched key must hold the LAST acknowledged value
 * (true when every request got its answer); otherwise at least that value (a write sent before a
 * kill may have landed without being acknowledged).
 */
export async function verifyStateFile(path: string, acknowledged: AcknowledgedWrites, options: { exact: boolean }): Promise<StateCheck> {
  const text = await readFile(path, 'utf8');
  let state: { users?: StateUser[] };
  try {
    state = JSON.parse(text) as { users?: StateUser[] };
  } catch (error) {
    return { invalidJson: (error as Error).message, users: 0, checkedSignups: 0, checkedPatches: 0, missing: [] };
  }
  const users = state.users ?? [];
  const byEmail = new Set(users.map((user) => user.email.toLowerCase()));
  const byId = new Map(users.map((user) => [user.user_id, user]));
  const missing: string[] = [];

  for (const email of acknowledged.signups) {
    if (!byEmail.has(email.toLowerCase())) missing.push(`signup ${email}`);
  }
  let checkedPatches = 0;
  for (const [userId, keys] of acknowledged.patches) {
    const stored = byId.get(userId)?.user_metadata ?? {};
    for (const [key, sequence] of keys) {
      checkedPatches += 1;
      const value = stored[key];
      const ok = typeof value === 'number' && (options.exact ? value === sequence : value >= sequence);
      if (!ok) missing.push(`PATCH ${userId} user_metadata.${key}: acknowledged ${sequence}, file has ${JSON.stringify(value)}`);
    }
  }
  return { users: users.length, checkedSignups: acknowledged.signups.length, checkedPatches, missing };
}
