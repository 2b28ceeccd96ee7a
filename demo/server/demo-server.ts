/**
 * The demo site served for people (demo/server/start.ts, `npm start`) and for tests (test/e2e/demo-*.test.ts):
 * the embedded Auth0 emulator with the demo tenant (demo-tenant.ts: the demo's
 * origin, a simulated Google connection, the Assent post-login Action) and Vite's dev server for
 * demo/, which answers /assent-env.json with the emulator's address and the demo client's id. The
 * flow pages reach the emulator through a recording proxy (the inspector's `/assent-inspector/*`
 * routes show what went to Auth0 and the stored user), and @assent/server's consent handler
 * (account withdrawals, the consent page of social logins) answers under /assent-server.
 * "Publish new terms" (/assent-demo/policy) changes the pages' policy, the server's and the Actions'.
 * The Universal Login page deploys its partials, texts, page template and Action secrets through
 * /assent-demo/universal-login (universal-login-deployer.ts); the Form page deploys the consent Form
 * and switches the post-login Action through /assent-demo/forms (forms-deployer.ts).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { parsePolicy } from '@assent/core';
import { startEmulator } from '@assent/auth0-emulator';
import { DEMO_SERVER_PATH, consentServer } from './consent-server.js';
import { DEMO_ACTION_NAME, DEMO_API_AUDIENCE, DEMO_APPLICATION_NAME, demoActionSecrets, demoTenant } from './demo-tenant.js';
import { emulatorFetch } from './emulator-fetch.js';
import { envRoute } from './env-route.js';
import { freePort } from './free-port.js';
import { inspectorRoutes } from './inspector-routes.js';
import { createPolicyPublisher, publishRoutes } from './policy-publisher.js';
import { startRecordingProxy, type RecordedRequest } from './recording-proxy.js';
import { createUniversalLoginDeployer, universalLoginRoutes } from './universal-login-deployer.js';
import { aculRoutes } from './acul-deployer.js';
import { createFormsDeployer, formsRoutes } from './forms-deployer.js';

export { DEMO_API_AUDIENCE, DEMO_SERVER_PATH };
export type { RecordedRequest };

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

/** This folder is inside Vite's root (demo/) but not part of the site: its sources are not served. */
function hideServerSources(): Plugin {
  return {
    name: 'assent-demo-hide-server-sources',
    configureServer(server) {
      server.middlewares.use('/server', (_req, res) => {
        res.statusCode = 404;
        res.end();
      });
    },
  };
}

/** The policy of every demo page, the consent server and the Action's secrets: one file. */
const policy = parsePolicy(JSON.parse(readFileSync(new URL('../public/policies/acme-signup.json', import.meta.url), 'utf8')));

/** Starts the emulator, the recording proxy, then the demo's dev server (all on 127.0.0.1). */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  // The demo's port is fixed before the emulator starts: the tenant must allow its origin.
  const demoPort = await freePort(options.demoPort ?? 5173);
  // A fresh secret per start, shared by the post-login Action and the consent page only.
  const sessionSecret = randomBytes(32).toString('base64url');
  // The emulator's port may move too (something else on 4400): the pages read it from /assent-env.json.
  const emulatorPort = await freePort(options.emulatorPort ?? 4400);
  const emulator = await startEmulator({ port: emulatorPort, host: '127.0.0.1', tenant: demoTenant({ port: demoPort, policy, sessionSecret }) });
  const logDir = await mkdtemp(join(tmpdir(), 'assent-demo-'));
  const withdrawalLogPath = join(logDir, 'withdrawals.jsonl');
  const recorded: RecordedRequest[] = [];
  let proxy: Server | undefined;
  let vite: ViteDevServer;
  try {
    proxy = await startRecordingProxy(emulator.url, recorded);
    const auth0Url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const universalLogin = createUniversalLoginDeployer(emulator, emulatorFetch(emulator.url));
    const forms = createFormsDeployer(emulator, { redirectActionName: DEMO_ACTION_NAME, origin: `http://127.0.0.1:${demoPort}`, workDir: logDir, fetch: emulatorFetch(emulator.url) });
    // The tenant file binds every Action it names; the demo starts with the redirect to the consent page.
    await forms.bind('redirect');
    const publisher = createPolicyPublisher(emulator, {
      original: policy,
      actionName: DEMO_ACTION_NAME,
      secretsFor: (published) => demoActionSecrets(demoPort, published, sessionSecret),
      fetch: emulatorFetch(emulator.url),
      alsoDeploy: async (published) => {
        await universalLogin.deploy(published);
        await forms.redeploy(published);
      },
    });
    vite = await createServer({
      configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
      server: { port: demoPort, strictPort: true },
      plugins: [
        hideServerSources(),
        envRoute(emulator, auth0Url),
        inspectorRoutes(emulator, recorded),
        publishRoutes(publisher),
        universalLoginRoutes(universalLogin, () => publisher.policy),
        aculRoutes(emulator, emulatorFetch(emulator.url), () => publisher.policy),
        formsRoutes(forms, () => publisher.policy),
        consentServer(emulator, {
          publisher,
          audience: DEMO_API_AUDIENCE,
          withdrawalLogPath,
          sessionSecret,
          publicOrigin: `http://127.0.0.1:${demoPort}`,
          continueUrl: `${auth0Url}/continue`,
          recorded,
          applicationName: DEMO_APPLICATION_NAME,
        }),
      ],
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
    withdrawalLogPath,
    vite,
    async stop() {
      runningProxy.closeAllConnections();
      await Promise.allSettled([vite.close(), emulator.stop(), new Promise((resolve) => runningProxy.close(resolve))]);
      await rm(logDir, { recursive: true, force: true });
    },
  };
}
