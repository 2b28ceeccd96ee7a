// A web-test-runner / dev-server plugin that gives browser tests a real Auth0 emulator and a
// browser-ready auth0-lock:
//   GET /__assent/emulator.json  -> EmulatorInfo (url, domain, client ids, connection, tenant)
//   GET /__assent/auth0-lock.js  -> ES module exporting { Auth0Lock } (pre-bundled, see lock-bundle.mjs)
// One emulator (port 0, child process) serves the whole run; it starts with the dev server and
// stops with it. Its tenant allows the dev server's origin for CORS, web origins and callbacks.
// Browser-side helpers that read these routes: emulator-info.ts and lock-loader.ts.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { startEmulatorProcess } from '@assent/testkit/emulator-process';
import { bundleAuth0Lock } from '@assent/testkit/lock-bundle';

export const EMULATOR_INFO_PATH = '/__assent/emulator.json';
export const AUTH0_LOCK_PATH = '/__assent/auth0-lock.js';

export const TEST_SPA_CLIENT_ID = 'assent-test-spa';
export const TEST_M2M_CLIENT_ID = 'assent-test-m2m';
/** Passes every password policy, but the test tenant lists it as breached. */
export const BREACHED_TEST_PASSWORD = 'Breached-Assent-2026!';
const M2M_SCOPES = ['read:users', 'update:users', 'update:users_app_metadata', 'delete:users', 'create:users'];

/**
 * The tenant the browser tests run against: one SPA client whose origins are the dev server's,
 * one machine client, the default database connection.
 * @param {string[]} origins
 */
export function browserTestTenant(origins) {
  return {
    name: 'assent-browser-tests',
    clients: [
      {
        client_id: TEST_SPA_CLIENT_ID,
        name: 'Browser tests (single-page app)',
        app_type: 'spa',
        callbacks: origins.map((origin) => `${origin}/`),
        allowed_logout_urls: origins.map((origin) => `${origin}/`),
        web_origins: origins,
        allowed_origins: origins,
      },
      {
        client_id: TEST_M2M_CLIENT_ID,
        name: 'Browser tests backend (machine to machine)',
        app_type: 'non_interactive',
        client_secret: randomBytes(24).toString('base64url'),
        grants: [{ scope: M2M_SCOPES }],
      },
    ],
    // A password Auth0 reports as breached (`password_leaked`), for the signup form's tests.
    settings: { breached_passwords: [BREACHED_TEST_PASSWORD] },
  };
}

/** What /__assent/emulator.json answers. Keep in sync with emulator-info.ts. */
function emulatorInfo(emulator) {
  const spa = emulator.tenant.clients.find((client) => client.client_id === TEST_SPA_CLIENT_ID);
  const m2m = emulator.tenant.clients.find((client) => client.client_id === TEST_M2M_CLIENT_ID);
  return {
    url: emulator.url,
    domain: emulator.tenant.domain,
    clientId: spa?.client_id,
    connection: emulator.tenant.connections[0]?.name,
    managementAudience: emulator.tenant.managementAudience,
    m2m: { clientId: m2m?.client_id, clientSecret: m2m?.client_secret },
    tenant: emulator.tenant,
  };
}

/**
 * @param {{ tenant?: (origins: string[]) => Record<string, unknown> }} [options]
 *   `tenant` replaces browserTestTenant (keep TEST_SPA_CLIENT_ID and TEST_M2M_CLIENT_ID in it).
 */
export function assentEmulatorPlugin(options = {}) {
  const makeTenant = options.tenant ?? browserTestTenant;
  /** @type {Promise<import('@assent/testkit/emulator-process').EmulatorProcess> | undefined} */
  let starting;
  /** @type {Promise<string> | undefined} */
  let lockBundle;

  return {
    name: 'assent-emulator',

    serverStart({ config, logger }) {
      const hosts = [...new Set([config.hostname ?? 'localhost', 'localhost', '127.0.0.1'])];
      const origins = hosts.map((host) => `${config.http2 ? 'https' : 'http'}://${host}:${config.port}`);
      // Not awaited: the emulator starts while the browser launches; requests wait for it.
      starting = startEmulatorProcess({ port: 0, tenant: makeTenant(origins), enableAdmin: true });
      starting.then(
        (emulator) => logger.log(`[assent-emulator] ${emulator.url} for ${origins.join(', ')}`),
        (error) => logger.error(`[assent-emulator] failed to start: ${error.message}`),
      );
    },

    async serverStop() {
      const emulator = await starting?.catch(() => undefined);
      await emulator?.stop();
    },

    async serve(context) {
      if (context.path === EMULATOR_INFO_PATH) {
        try {
          const emulator = await starting;
          return { body: JSON.stringify(emulatorInfo(emulator)), type: 'json', headers: { 'cache-control': 'no-store' } };
        } catch (error) {
          // Fail the tests that need the emulator, with the reason, instead of the whole run.
          return { status: 500, body: JSON.stringify({ error: String(error.message ?? error) }), type: 'json' };
        }
      }
      if (context.path === AUTH0_LOCK_PATH) {
        lockBundle ??= bundleAuth0Lock();
        return { body: await readFile(await lockBundle, 'utf8'), type: 'js' };
      }
      return undefined;
    },
  };
}
