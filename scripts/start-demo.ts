// `npm start`: the embedded Auth0 emulator (with the demo tenant) and the demo's dev server, in one
// process, stopped together on Ctrl-C. The demo page learns the emulator's address from
// /assent-env.json, which the dev server serves.
import { createServer, type Plugin } from 'vite';
import { startEmulator } from '@assent/auth0-emulator';

const emulatorPort = Number(process.env.ASSENT_EMULATOR_PORT ?? 4400);
const demoPort = Number(process.env.ASSENT_DEMO_PORT ?? 5173);

const emulator = await startEmulator({ port: emulatorPort, host: '127.0.0.1' });

/** Serves the emulator's address and the demo client's id to the demo page. */
function emulatorEnv(): Plugin {
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

const vite = await createServer({
  configFile: new URL('../vite.config.ts', import.meta.url).pathname,
  server: { port: demoPort },
  plugins: [emulatorEnv()],
});
await vite.listen();

console.log(`\n  Assent demo     ${vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${demoPort}/`}`);
console.log(`  Auth0 emulator  ${emulator.url}  (a development tool, not Auth0)`);
console.log('  Press Ctrl-C to stop both.\n');

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([vite.close(), emulator.stop()]);
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
