/** Command-line arguments of `assent-auth0-emulator`. */
import { parseArgs } from 'node:util';
import type { EmulatorOptions } from '../options.js';

export const USAGE = `Usage: assent-auth0-emulator [options]

A local Auth0 tenant for development and tests. A development tool: never use it in production.

Options:
  --port <n>        port to listen on (default 4400; 0 picks a free port)
  --host <host>     interface to bind (default 127.0.0.1, loopback only)
  --tenant <file>   tenant JSON file (default: the built-in tenant)
  --data <file>     persist users and keys in this file (default: in memory)
  --https           serve HTTPS with a generated development CA
  --cert-dir <dir>  where the generated CA and certificate go (reused when present)
  --admin           enable the test controls under /__emulator/ (faults, reset, users)
  --help            show this help`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parses argv (without node and the script) into emulator options, or `help`. */
export function parseCliArgs(argv: readonly string[]): EmulatorOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        tenant: { type: 'string' },
        data: { type: 'string' },
        https: { type: 'boolean' },
        'cert-dir': { type: 'string' },
        admin: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const options: EmulatorOptions = {};
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be an integer from 0 to 65535, got ${JSON.stringify(values.port)}`);
    options.port = port;
  }
  if (values.host !== undefined) options.host = values.host;
  if (values.tenant !== undefined) options.tenant = values.tenant;
  if (values.data !== undefined) options.dataFile = values.data;
  if (values.https) options.https = true;
  if (values['cert-dir'] !== undefined) options.certDir = values['cert-dir'];
  if (values.admin) options.enableAdmin = true;
  return options;
}
