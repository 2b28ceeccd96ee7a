/** Entry point of `assent-auth0-emulator`: parse arguments, start, print the banner, stop on SIGINT / SIGTERM. */
import { banner } from './cli/banner.js';
import { USAGE, UsageError, parseCliArgs } from './cli/args.js';
import { startEmulator } from './server.js';
import { StateFileError } from './store/state-store.js';
import { TenantConfigError } from './tenant/errors.js';

async function main(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let emulator;
  try {
    emulator = await startEmulator({ ...options, log: (line) => process.stderr.write(`${line}\n`) });
  } catch (error) {
    if (error instanceof TenantConfigError || error instanceof StateFileError || (error as Error).message?.includes('already in use')) {
      process.stderr.write(`assent-auth0-emulator: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
  process.stdout.write(`${banner(emulator, options)}\n`);
  const running = emulator;
  await new Promise<void>((resolve) => {
    const shutdown = () => {
      process.off('SIGINT', shutdown);
      process.off('SIGTERM', shutdown);
      void running.stop().then(resolve);
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
