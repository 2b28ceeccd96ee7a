/**
 * The demo site served for people (scripts/start-demo.ts) and for tests (test/e2e/demo-*.test.ts):
 * the embedded Auth0 emulator with its demo tenant and Vite's dev server for demo/, which answers
 * /assent-env.json with the emulator's address and the demo client's id.
 */
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { startEmulator } from '@assent/auth0-emulator';

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
  readonly vite: ViteDevServer;
  stop(): Promise<void>;
}

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** Serves the emulator's address and the demo client's id to the demo pages. */
function emulatorEnv(emulator: Emulator): Plugin {
  const spa = emulator.tenant.clients.find((client) => client.app_type === 'spa');
  const body = JSON.stringify({
    emulatorUrl: emulator.url,
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

/** Starts the emulator, then the demo's dev server (both on 127.0.0.1). */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const emulator = await startEmulator({ port: options.emulatorPort ?? 4400, host: '127.0.0.1' });
  let vite: ViteDevServer;
  try {
    vite = await createServer({
      configFile: new URL('../vite.config.ts', import.meta.url).pathname,
      server: { port: options.demoPort ?? 5173 },
      plugins: [emulatorEnv(emulator)],
      logLevel: options.demoPort === 0 ? 'warn' : 'info',
    });
    await vite.listen();
  } catch (error) {
    await emulator.stop();
    throw error;
  }
  const address = vite.httpServer?.address();
  const url = vite.resolvedUrls?.local[0] ?? (address && typeof address === 'object' ? `http://127.0.0.1:${address.port}/` : '');
  return {
    url,
    emulatorUrl: emulator.url,
    vite,
    async stop() {
      await Promise.allSettled([vite.close(), emulator.stop()]);
    },
  };
}
