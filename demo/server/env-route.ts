/** `GET /assent-env.json` on the demo's origin: what the demo pages need to know of the emulator. */
import type { Plugin } from 'vite';
import type { RunningEmulator } from '@assent/auth0-emulator';
import { DEMO_SERVER_PATH } from './consent-server.js';
import { DEMO_API_AUDIENCE, DEMO_SOCIAL_CONNECTION } from './demo-tenant.js';

/** The body of `/assent-env.json` (read by demo/src/env.ts). */
export interface DemoEnvBody {
  readonly emulatorUrl: string;
  /** The recording proxy in front of the emulator: the flow pages' Auth0 domain. */
  readonly auth0Url: string;
  readonly apiAudience: string;
  readonly serverUrl: string;
  readonly clientId: string | undefined;
  readonly connection: string | undefined;
  readonly socialConnection: string;
}

export function envRoute(emulator: RunningEmulator, auth0Url: string): Plugin {
  const spa = emulator.tenant.clients.find((client) => client.app_type === 'spa');
  const body: DemoEnvBody = {
    emulatorUrl: emulator.url,
    auth0Url,
    apiAudience: DEMO_API_AUDIENCE,
    serverUrl: DEMO_SERVER_PATH,
    clientId: spa?.client_id,
    connection: emulator.tenant.connections.find((connection) => connection.strategy === 'auth0')?.name,
    socialConnection: DEMO_SOCIAL_CONNECTION,
  };
  return {
    name: 'assent-emulator-env',
    configureServer(server) {
      server.middlewares.use('/assent-env.json', (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(body));
      });
    },
  };
}
