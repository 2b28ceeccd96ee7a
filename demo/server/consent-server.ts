/**
 * @assent/server's consent handler on the demo's origin under {@link DEMO_SERVER_PATH}: the
 * account page's withdraw button in flag and delete mode, and the consent page that the demo
 * tenant's post-login Action sends social logins to.
 */
import type { Plugin } from 'vite';
import type { IncomingMessage } from 'node:http';
import type { ConsentPolicy } from '@assent/core';
import type { RunningEmulator } from '@assent/auth0-emulator';
import { createConsentHandler } from '@assent/server';
import { consentPageAssets, jsonLinesWithdrawalLog, toNodeListener } from '@assent/server/node';
import { emulatorFetch } from './emulator-fetch.js';
import { machineClient } from './inspector-routes.js';
import type { PolicyPublisher } from './policy-publisher.js';
import { parseBody, record, type RecordedRequest } from './recording-proxy.js';

/** Where the consent server answers on the demo's origin. */
export const DEMO_SERVER_PATH = '/assent-server';

/** What the demo's consent server needs besides the emulator. */
export interface ConsentServerOptions {
  /** The published policy: the handler follows each publication. */
  readonly publisher: PolicyPublisher;
  /** The demo app's API: the audience of the tokens the account page sends. */
  readonly audience: string;
  /** Deleted users' withdrawals, as JSON Lines. */
  readonly withdrawalLogPath: string;
  /** Shared with the post-login Action (`ASSENT_SESSION_SECRET`). */
  readonly sessionSecret: string;
  /** The demo's origin, where the Action sends users to the consent page (the issuer of the page's answer). */
  readonly publicOrigin: string;
  /** Auth0's /continue as the browser reaches it (the recording proxy, so the inspector sees the post). */
  readonly continueUrl: string;
  /** The inspector's list: every request to the consent server is added (passwords masked, no headers). */
  readonly recorded: RecordedRequest[];
  /** Named on the consent page. */
  readonly applicationName: string;
}

export function consentServer(emulator: RunningEmulator, options: ConsentServerOptions): Plugin {
  const { clientId, clientSecret } = machineClient(emulator);
  const withdrawalLog = jsonLinesWithdrawalLog(options.withdrawalLogPath);
  // The page script is bundled once and shared by every handler the publications create.
  let assets: ReturnType<typeof consentPageAssets> | undefined;
  const sharedAssets = () =>
    (assets ??= consentPageAssets().catch((error: unknown) => {
      assets = undefined;
      throw error;
    }));
  const listen = (policy: ConsentPolicy) => {
    const handler = createConsentHandler({
      auth0: { domain: new URL(emulator.url).host, clientId, clientSecret },
      issuer: emulator.tenant.issuer,
      audience: options.audience,
      policy,
      basePath: DEMO_SERVER_PATH,
      withdrawalLog,
      consentPage: { sessionSecret: options.sessionSecret, publicOrigin: options.publicOrigin, assets: sharedAssets, continueUrl: options.continueUrl, applicationName: options.applicationName },
      fetch: emulatorFetch(emulator.url),
    });
    return toNodeListener({
      ...handler,
      async fetch(request) {
        // Recorded as it arrives: a request the handler refuses is shown too.
        if (request.method !== 'OPTIONS') {
          const body = request.body ? Buffer.from(await request.clone().arrayBuffer()) : Buffer.alloc(0);
          record(options.recorded, { at: new Date().toISOString(), method: request.method, url: request.url, body: parseBody(body, request.headers.get('content-type') ?? undefined) });
        }
        return handler.fetch(request);
      },
    });
  };
  let listener = listen(options.publisher.policy);
  options.publisher.onPublish((policy) => (listener = listen(policy)));
  return {
    name: 'assent-consent-server',
    configureServer(server) {
      server.middlewares.use(DEMO_SERVER_PATH, (req: IncomingMessage & { originalUrl?: string }, res) => {
        // connect strips the mount path; the handler routes on the whole path (basePath).
        req.url = req.originalUrl ?? req.url;
        listener(req, res);
      });
    },
  };
}
