/**
 * Browser side of the web-test-runner emulator plugin (wtr-emulator-plugin.mjs): what a browser
 * test needs to talk to the emulator of the run.
 *
 * ```ts
 * const emulator = await emulatorInfo();
 * new WebAuth({ domain: emulator.url, clientID: emulator.clientId });
 * ```
 */
import type { Tenant } from '@assent/auth0-emulator';

/** The emulator of the current browser test run. */
export interface EmulatorInfo {
  /** `http://127.0.0.1:PORT`, no trailing slash: pass it as auth0-js / Lock `domain`. */
  readonly url: string;
  /** `127.0.0.1:PORT`. */
  readonly domain: string;
  /** The SPA client whose allowed origins include the test page's origin. */
  readonly clientId: string;
  /** The database connection. */
  readonly connection: string;
  /** Audience of the Management API (`{url}/api/v2/`). */
  readonly managementAudience: string;
  /** A machine client with Management API scopes, for tests that must read back or seed users. */
  readonly m2m: { readonly clientId: string; readonly clientSecret: string };
  /** The whole effective tenant. */
  readonly tenant: Tenant;
}

/** Path the plugin serves the info on. */
export const EMULATOR_INFO_PATH = '/__assent/emulator.json';

let cached: Promise<EmulatorInfo> | undefined;

/** Fetches (once per page) the emulator of this run. Rejects with the plugin's reason if it failed to start. */
export function emulatorInfo(): Promise<EmulatorInfo> {
  cached ??= fetch(EMULATOR_INFO_PATH).then(async (response) => {
    const body = (await response.json()) as EmulatorInfo | { error: string };
    if (!response.ok || 'error' in body) throw new Error(`The test emulator is not available: ${'error' in body ? body.error : response.status}`);
    return body;
  });
  return cached;
}

/** A Management API token of the run's machine client (client credentials). */
export async function managementToken(emulator: EmulatorInfo): Promise<string> {
  const response = await fetch(`${emulator.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: emulator.m2m.clientId,
      client_secret: emulator.m2m.clientSecret,
      audience: emulator.managementAudience,
    }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || !body.access_token) throw new Error(`client_credentials failed with ${response.status}: ${JSON.stringify(body)}`);
  return body.access_token;
}
