/**
 * The demo site served for people (scripts/start-demo.ts) and for tests (test/e2e/demo-*.test.ts):
 * the embedded Auth0 emulator with its demo tenant and Vite's dev server for demo/, which answers
 * /assent-env.json with the emulator's address and the demo client's id. The flow pages reach the
 * emulator through a recording proxy (the inspector's `/assent-inspector/*` routes show what went to
 * Auth0 and the stored user), and @assent/server's consent handler answers under /assent-server.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { defaultTenantConfig, startEmulator } from '@assent/auth0-emulator';
import { createConsentHandler } from '@assent/server';
import { jsonLinesWithdrawalLog, toNodeListener } from '@assent/server/node';

/** The demo app's API in the demo tenant: the audience of the users' tokens for the consent server. */
export const DEMO_API_AUDIENCE = 'https://api.assent-demo.test/';
/** Where the consent server (@assent/server's handler) answers on the demo's origin. */
export const DEMO_SERVER_PATH = '/assent-server';

/** Options of {@link startDemoServer}; port 0 picks free ports. */
export interface DemoServerOptions {
  readonly emulatorPort?: number;
  readonly demoPort?: number;
}

/** The running demo: its address, the emulator's, and one way to stop both. */
export interface DemoServer {
  /** The demo's base URL, ending in `/`. */
  readonly url: string;
  readonly emulatorUrl: string;
  /** The recording proxy in front of the emulator that the flow pages use as their Auth0 domain. */
  readonly auth0Url: string;
  /** The consent server's withdrawal log (JSON Lines, in a temporary directory removed by `stop()`). */
  readonly withdrawalLogPath: string;
  readonly vite: ViteDevServer;
  stop(): Promise<void>;
}

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** One request that went to Auth0 through the recording proxy, as the inspector shows it. */
export interface RecordedRequest {
  readonly at: string;
  readonly method: string;
  /** The emulator's URL of the request (the proxy forwards path and query unchanged). */
  readonly url: string;
  /** The JSON body with every `password` masked; `null` for no or non-JSON body. */
  readonly body: unknown;
}

const RECORDED_LIMIT = 20;
const MASK = '********';

/** `value` with every property named `password` (at any depth) replaced by a mask. */
function maskPasswords(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPasswords);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, key === 'password' ? MASK : maskPasswords(entry)]));
}

function parseBody(raw: Buffer): unknown {
  if (raw.length === 0) return null;
  try {
    return maskPasswords(JSON.parse(raw.toString('utf8')));
  } catch {
    // A form-encoded body may hold a password too: never show it.
    return null;
  }
}

/**
 * A loopback HTTP proxy to the emulator that remembers the last requests that change something
 * (every method but GET, HEAD, OPTIONS), so the inspector shows exactly what the browser sent
 * without patching the SDK or Lock. CORS stays the emulator's: the Origin header is forwarded.
 */
async function startRecordingProxy(emulatorUrl: string, recorded: RecordedRequest[]): Promise<Server> {
  const target = new URL(emulatorUrl);
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const method = req.method ?? 'GET';
      if (!['GET', 'HEAD', 'OPTIONS'].includes(method)) {
        recorded.push({ at: new Date().toISOString(), method, url: new URL(req.url ?? '/', target).href, body: parseBody(raw) });
        if (recorded.length > RECORDED_LIMIT) recorded.shift();
      }
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, path: req.url, method, headers: { ...req.headers, host: target.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'emulator_unreachable' }));
      });
      upstream.end(raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/**
 * The stored user record of `email` as the emulator's Management API returns it, read with the
 * demo's machine client (client credentials stay on this local server, never in the browser).
 */
async function storedUser(emulator: Emulator, email: string): Promise<unknown> {
  const m2m = emulator.tenant.clients.find((client) => client.app_type === 'non_interactive');
  if (!m2m?.client_secret) throw new Error('the demo tenant has no machine client');
  const grant = await fetch(`${emulator.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: m2m.client_id, client_secret: m2m.client_secret, audience: `${emulator.url}/api/v2/` }),
  });
  const { access_token: token } = (await grant.json()) as { access_token?: string };
  if (!grant.ok || !token) throw new Error(`the machine client got no token (${grant.status})`);
  const users = await fetch(`${emulator.url}/api/v2/users-by-email?email=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${token}` } });
  if (!users.ok) throw new Error(`users-by-email answered ${users.status}`);
  return ((await users.json()) as unknown[])[0] ?? null;
}

/**
 * The inspector's routes on the demo's origin: `GET /assent-inspector/requests` (the recorded
 * requests, newest last) and `GET /assent-inspector/user?email=` (the stored record or `null`).
 */
function inspectorRoutes(emulator: Emulator, recorded: readonly RecordedRequest[]): Plugin {
  return {
    name: 'assent-inspector',
    configureServer(server) {
      server.middlewares.use('/assent-inspector/requests', (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(recorded));
      });
      server.middlewares.use('/assent-inspector/user', (req, res) => {
        const email = new URL(req.url ?? '/', 'http://demo.invalid').searchParams.get('email') ?? '';
        res.setHeader('content-type', 'application/json');
        storedUser(emulator, email).then(
          (user) => res.end(JSON.stringify(user)),
          (error: unknown) => {
            res.statusCode = 502;
            res.end(JSON.stringify({ error: String(error) }));
          },
        );
      });
    },
  };
}

/**
 * `fetch` for the handler's `auth0` SDK, which always builds `https://{domain}`: the demo's emulator
 * speaks plain HTTP on loopback, so its https:// URLs are sent to its http:// address.
 */
function emulatorFetch(emulatorUrl: string): typeof fetch {
  const https = emulatorUrl.replace(/^http:/, 'https:');
  return (input, init) => {
    const request = new Request(input, init);
    return request.url.startsWith(https) ? fetch(new Request(emulatorUrl + request.url.slice(https.length), request)) : fetch(request);
  };
}

/**
 * @assent/server's consent handler on the demo's origin under {@link DEMO_SERVER_PATH}: the account
 * page's withdraw button in flag and delete mode. Deleted users' withdrawals go to a JSON Lines log
 * in a temporary directory (`withdrawalLogPath`).
 */
function consentServer(emulator: Emulator, withdrawalLogPath: string): Plugin {
  const m2m = emulator.tenant.clients.find((client) => client.app_type === 'non_interactive');
  if (!m2m?.client_secret) throw new Error('the demo tenant has no machine client');
  const policy: unknown = JSON.parse(readFileSync(new URL('../demo/public/policies/acme-signup.json', import.meta.url), 'utf8'));
  const handler = createConsentHandler({
    auth0: { domain: new URL(emulator.url).host, clientId: m2m.client_id, clientSecret: m2m.client_secret },
    issuer: emulator.tenant.issuer,
    audience: DEMO_API_AUDIENCE,
    policy,
    basePath: DEMO_SERVER_PATH,
    withdrawalLog: jsonLinesWithdrawalLog(withdrawalLogPath),
    fetch: emulatorFetch(emulator.url),
  });
  const listener = toNodeListener(handler);
  return {
    name: 'assent-consent-server',
    configureServer(server) {
      server.middlewares.use(DEMO_SERVER_PATH, (req: IncomingMessage & { originalUrl?: string }, res) => {
        // connect strips the mount path; the handler routes on the whole path (basePath).
        req.url = req.originalUrl ?? req.url;
        listener(req, res);
      });
    },
  };
}

/** Serves the emulator's address, the recording proxy's and the demo client's id to the demo pages. */
function emulatorEnv(emulator: Emulator, auth0Url: string): Plugin {
  const spa = emulator.tenant.clients.find((client) => client.app_type === 'spa');
  const body = JSON.stringify({
    emulatorUrl: emulator.url,
    auth0Url,
    apiAudience: DEMO_API_AUDIENCE,
    serverUrl: DEMO_SERVER_PATH,
    clientId: spa?.client_id,
    connection: emulator.tenant.connections[0]?.name,
  });
  return {
    name: 'assent-emulator-env',
    configureServer(server) {
      server.middlewares.use('/assent-env.json', (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(body);
      });
    },
  };
}

/** `preferred` if it is free on 127.0.0.1, else a free port (0 asks for any). */
async function freePort(preferred: number): Promise<number> {
  const probe = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = createHttpServer();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address() as AddressInfo;
        server.close(() => resolve(bound));
      });
    });
  return probe(preferred).catch(() => probe(0));
}

/**
 * The default demo tenant, with the demo app's API and the demo's origin (`port`) allowed for CORS
 * and as a callback, as its dashboard settings would say.
 */
function demoTenant(port: number) {
  const base = defaultTenantConfig();
  const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  const clients = (base.clients ?? []).map((client) =>
    (client.app_type ?? 'spa') === 'spa'
      ? {
          ...client,
          callbacks: [...new Set([...(client.callbacks ?? []), ...origins.map((origin) => `${origin}/`)])],
          web_origins: [...new Set([...(client.web_origins ?? []), ...origins])],
          allowed_origins: [...new Set([...(client.allowed_origins ?? []), ...origins])],
        }
      : client,
  );
  return { ...base, clients, resource_servers: [{ identifier: DEMO_API_AUDIENCE, name: 'Assent demo app' }] };
}

/** Starts the emulator, then the demo's dev server (both on 127.0.0.1). */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  // The demo's port is fixed before the emulator starts: the tenant must allow its origin.
  const demoPort = await freePort(options.demoPort ?? 5173);
  const emulator = await startEmulator({ port: options.emulatorPort ?? 4400, host: '127.0.0.1', tenant: demoTenant(demoPort) });
  const logDir = await mkdtemp(join(tmpdir(), 'assent-demo-'));
  const recorded: RecordedRequest[] = [];
  let proxy: Server | undefined;
  let vite: ViteDevServer;
  try {
    proxy = await startRecordingProxy(emulator.url, recorded);
    const auth0Url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    vite = await createServer({
      configFile: new URL('../vite.config.ts', import.meta.url).pathname,
      server: { port: demoPort, strictPort: true },
      plugins: [emulatorEnv(emulator, auth0Url), inspectorRoutes(emulator, recorded), consentServer(emulator, join(logDir, 'withdrawals.jsonl'))],
      logLevel: options.demoPort === 0 ? 'warn' : 'info',
    });
    await vite.listen();
  } catch (error) {
    proxy?.close();
    await emulator.stop();
    await rm(logDir, { recursive: true, force: true });
    throw error;
  }
  const runningProxy = proxy;
  const address = vite.httpServer?.address();
  const url = vite.resolvedUrls?.local[0] ?? (address && typeof address === 'object' ? `http://127.0.0.1:${address.port}/` : '');
  return {
    url,
    emulatorUrl: emulator.url,
    auth0Url: `http://127.0.0.1:${(runningProxy.address() as AddressInfo).port}`,
    withdrawalLogPath: join(logDir, 'withdrawals.jsonl'),
    vite,
    async stop() {
      runningProxy.closeAllConnections();
      await Promise.allSettled([vite.close(), emulator.stop(), new Promise((resolve) => runningProxy.close(resolve))]);
      await rm(logDir, { recursive: true, force: true });
    },
  };
}
