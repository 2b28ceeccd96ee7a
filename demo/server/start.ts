// `npm start`: the embedded Auth0 emulator (with the demo tenant) and the demo's dev server, in one
// process, stopped together on Ctrl-C, SIGTERM or SIGHUP (a closed terminal). The demo pages learn
// the emulator's address from /assent-env.json, which the dev server serves (demo-server.ts).
import { DEMO_PAGES } from '../src/pages.js';
import { startDemoServer } from './demo-server.js';

const wanted = {
  demo: Number(process.env.ASSENT_DEMO_PORT ?? 5173),
  emulator: Number(process.env.ASSENT_EMULATOR_PORT ?? 4400),
};
const demo = await startDemoServer({ emulatorPort: wanted.emulator, demoPort: wanted.demo });

/** Says so when a port was taken and another one was used instead. */
function moved(url: string, port: number): string {
  const actual = Number(new URL(url).port);
  return port !== 0 && actual !== port ? `  (port ${port} is in use: took ${actual})` : '';
}

console.log(`\n  Assent demo     ${demo.url}${moved(demo.url, wanted.demo)}`);
console.log(`  Gallery         ${new URL('gallery.html', demo.url).href}`);
// The flows are the pages that need this server; the list is the navigation's, so a new page shows here too.
const flows = DEMO_PAGES.filter((page) => page.needsServer).map((page) => page.path);
console.log(`  Flows           ${flows.join('  ')}`);
console.log(`  Auth0 emulator  ${demo.emulatorUrl}  (a development tool, not Auth0)${moved(demo.emulatorUrl, wanted.emulator)}`);
console.log('  Press Ctrl-C to stop both.\n');

/** How long the servers get to close their connections before the process exits anyway. */
const STOP_TIMEOUT_MS = 5000;
/** Ctrl-C reaches this process both from the terminal and through npm: one press, several signals. */
const SAME_PRESS_MS = 1000;
let stoppingSince = 0;
function stop(signal: NodeJS.Signals): void {
  if (stoppingSince) {
    // Pressed again while stopping: exit at once.
    if (Date.now() - stoppingSince > SAME_PRESS_MS) process.exit(1);
    return;
  }
  stoppingSince = Date.now();
  setTimeout(() => {
    console.error(`assent: the demo did not stop within ${STOP_TIMEOUT_MS / 1000} s after ${signal}; exiting`);
    process.exit(1);
  }, STOP_TIMEOUT_MS).unref();
  demo.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('assent: stopping the demo failed', error);
      process.exit(1);
    },
  );
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
