// `npm start`: the embedded Auth0 emulator (with the demo tenant) and the demo's dev server, in one
// process, stopped together on Ctrl-C. The demo pages learn the emulator's address from
// /assent-env.json, which the dev server serves (scripts/demo-server.ts).
import { startDemoServer } from './demo-server.js';

const demo = await startDemoServer({
  emulatorPort: Number(process.env.ASSENT_EMULATOR_PORT ?? 4400),
  demoPort: Number(process.env.ASSENT_DEMO_PORT ?? 5173),
});

console.log(`\n  Assent demo     ${demo.url}`);
console.log(`  Gallery         ${new URL('gallery.html', demo.url).href}`);
console.log(`  Flows           ${['signup.html', 'lock.html', 'account.html', 'social.html'].map((page) => new URL(page, demo.url).pathname).join('  ')}`);
console.log(`  Auth0 emulator  ${demo.emulatorUrl}  (a development tool, not Auth0)`);
console.log('  Press Ctrl-C to stop both.\n');

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await demo.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
