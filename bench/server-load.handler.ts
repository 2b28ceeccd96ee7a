/**
 * The consent handler of the server benchmark, in a process of its own (started by
 * bench/server-load.ts, never by hand): reads its settings from ASSENT_BENCH_HANDLER (JSON), serves
 * createConsentHandler on a free loopback port pointed at the emulator, prints one line
 * `ASSENT_HANDLER_READY {"url": …}` and exits when its parent closes stdin.
 */
import { readFile } from 'node:fs/promises';
import { createConsentHandler } from '@assent/server';
import { serveConsentHandler } from '@assent/server/node';
import { trustingFetch } from '@assent/testkit/https-trust';

interface Settings {
  domain: string;
  caCertPath: string;
  clientId: string;
  clientSecret: string;
  audience: string;
  policy: unknown;
}

const settings = JSON.parse(process.env.ASSENT_BENCH_HANDLER ?? '{}') as Settings;
const trust = trustingFetch(await readFile(settings.caCertPath, 'utf8'));
const handler = createConsentHandler({
  auth0: { domain: settings.domain, clientId: settings.clientId, clientSecret: settings.clientSecret },
  audience: settings.audience,
  policy: settings.policy,
  fetch: trust.fetch,
  onError: (error: unknown) => process.stderr.write(`handler error: ${(error as Error)?.stack ?? String(error)}\n`),
});
const server = await serveConsentHandler(handler);
process.stdin.on('end', () => {
  void server
    .close()
    .then(() => trust.close())
    .then(() => process.exit(0));
});
process.stdin.resume();
process.stdout.write(`ASSENT_HANDLER_READY ${JSON.stringify({ url: server.url })}\n`);
