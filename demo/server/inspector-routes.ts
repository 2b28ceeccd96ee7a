/**
 * The inspector's routes on the demo's origin: `GET /assent-inspector/requests` (the recorded
 * requests, newest last) and `GET /assent-inspector/user?email=` (the stored record or `null`).
 */
import type { Plugin } from 'vite';
import type { RunningEmulator } from '@assent/auth0-emulator';
import type { RecordedRequest } from './recording-proxy.js';

/** The demo tenant's machine client: its secret stays on this local server, never in the browser. */
export function machineClient(emulator: RunningEmulator): { clientId: string; clientSecret: string } {
  const m2m = emulator.tenant.clients.find((client) => client.app_type === 'non_interactive');
  if (!m2m?.client_secret) throw new Error('the demo tenant has no machine client');
  return { clientId: m2m.client_id, clientSecret: m2m.client_secret };
}

/** The stored user record of `email` as the emulator's Management API returns it. */
async function storedUser(emulator: RunningEmulator, email: string): Promise<unknown> {
  const { clientId, clientSecret } = machineClient(emulator);
  const grant = await fetch(`${emulator.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, audience: `${emulator.url}/api/v2/` }),
  });
  const { access_token: token } = (await grant.json()) as { access_token?: string };
  if (!grant.ok || !token) throw new Error(`the machine client got no token (${grant.status})`);
  const users = await fetch(`${emulator.url}/api/v2/users-by-email?email=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${token}` } });
  if (!users.ok) throw new Error(`users-by-email answered ${users.status}`);
  return ((await users.json()) as unknown[])[0] ?? null;
}

export function inspectorRoutes(emulator: RunningEmulator, recorded: readonly RecordedRequest[]): Plugin {
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
