/**
 * Entry point of an emulator child process (started by `emulator-process.mjs`, never run by hand).
 *
 * Reads the `startEmulator` options as JSON from ASSENT_EMULATOR_OPTIONS, starts the emulator and
 * prints ONE line `ASSENT_EMULATOR_READY {json}` with what a parent needs (url, tenant, CA
 * certificate). It stops cleanly on SIGTERM/SIGINT, and also when its parent goes away (stdin
 * closes), so a crashed test runner never leaves an emulator listening.
 */
import { startEmulator, type EmulatorOptions } from '@assent/auth0-emulator';

const READY = 'ASSENT_EMULATOR_READY ';

const options = JSON.parse(process.env.ASSENT_EMULATOR_OPTIONS ?? '{}') as EmulatorOptions;
const emulator = await startEmulator({ ...options, log: (line) => process.stderr.write(`${line}\n`) });

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await emulator.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
process.stdin.on('end', () => void shutdown());
process.stdin.resume();

// Functions (stop) do not survive JSON; everything else the parent may need does.
process.stdout.write(`${READY}${JSON.stringify({ ...emulator, pid: process.pid })}\n`);
