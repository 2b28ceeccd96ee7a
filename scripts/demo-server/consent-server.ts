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
import { machineClient } from './inspector-routes.js';

/** Where the consent server answers on the demo's origin. */
export const DEMO_SERVER_PATH = '/assent-server';

/** What the demo's consent server needs besides the emulator. */
export interface ConsentServerOptions {
  readonly policy: ConsentPolicy;
  /** The demo app's API: the audience of the tokens the account page sends. */
  readonly audience: string;
  /** Deleted users' withdrawals, as JSON Lines. */
  readonly withdrawalLogPath: string;
  /** Shared with the post-login Action (`ASSENT_SESSION_SECRET`). */
  readonly sessionSecret: string;
  /** Auth0's /continue as the browser reaches it (the recording proxy, so the inspector sees the post). */
  readonly continueUrl: string;
}

/**
 * `fetch` for the handler's `auth0` SDK, which always builds `https://{domain}`: the demo's emulator
 * speaks plain HTTP on loopback, so its https:// URLs are sent to its http:// address.
 */
function emulatorFetch(emulatorUrl: string): typeof fetch {
  const https = emulatorUrl.replace(/^http:/, 'https:');
  return (input, init) => {
    const request = new Request(input, init);
    return request.url.startsWith(https) ? fetch(new Request(emulatorUrl + request.url.slice(https.length), request)) : fetch(request);
  };
}

export function consentServer(emulator: RunningEmulator, options: ConsentServerOptions): Plugin {
  const { clientId, clientSecret } = machineClient(emulator);
  const handler = createConsentHandler({
    auth0: { domain: new URL(emulator.url).host, clientId, clientSecret },
    issuer: emulator.tenant.issuer,
    audience: options.audience,
    policy: options.policy,
    basePath: DEMO_SERVER_PATH,
    withdrawalLog: jsonLinesWithdrawalLog(options.withdrawalLogPath),
    consentPage: { sessionSecret: options.sessionSecret, assets: consentPageAssets, continueUrl: options.continueUrl },
    fetch: emulatorFetch(emulator.url),
  });
  const listener = toNodeListener(handler);
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
