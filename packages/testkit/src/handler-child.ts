/**
 * A consent handler in a process of its own (started by `handler-process.ts`, never by hand), as a
 * second server instance would run: reads its settings from ASSENT_HANDLER_SETTINGS (JSON), serves
 * createConsentHandler on a free loopback port pointed at the emulator, prints one line
 * `ASSENT_HANDLER_READY {"url": …}`, and stops when its parent closes stdin (or is killed with it).
 */
import { createConsentHandler } from '@assent/server';
import { serveConsentHandler } from '@assent/server/node';
import { trustingFetch } from './https-trust.js';

/** What the parent passes. */
export interface HandlerChildSettings {
  readonly domain: string;
  readonly caCert: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly audience: string;
  readonly policy: unknown;
  readonly withdrawalLog?: string;
}

const settings = JSON.parse(process.env.ASSENT_HANDLER_SETTINGS ?? '{}') as HandlerChildSettings;
const trust = trustingFetch(settings.caCert);
const handler = createConsentHandler({
  auth0: { domain: settings.domain, clientId: settings.clientId, clientSecret: settings.clientSecret },
  audience: settings.audience,
  policy: settings.policy,
  fetch: trust.fetch,
  ...(settings.withdrawalLog ? { withdrawalLog: settings.withdrawalLog } : {}),
  onError: (error: unknown) => process.stderr.write(`handler error: ${(error as Error)?.stack ?? String(error)}\n`),
});
const server = await serveConsentHandler(handler);
process.stdin.on('end', () => {
  void server
    .close()
    .then(() => handler.close())
    .then(() => trust.close())
    .then(() => process.exit(0));
});
process.stdin.resume();
process.stdout.write(`ASSENT_HANDLER_READY ${JSON.stringify({ url: server.url })}\n`);
