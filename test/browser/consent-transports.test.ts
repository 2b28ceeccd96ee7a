// The Management API transport contract (suites/management-transport-suite.ts) in Chromium, for
// both transports, against the run's emulator (test/support/wtr-emulator-plugin.mjs).
import { expect } from '@esm-bundle/chai';
import { Management } from 'auth0-js';
import { AssentConfigError, createConsentClient, fetchManagementTransport, type ManagementRequest } from '@assent/core';
import { auth0JsManagementTransport, type Auth0JsManagementLike } from '@assent/core/state/auth0-js-management.js';
import { emulatorInfo } from '../support/emulator-info.js';
import { testPolicy } from './consent-support.js';
import { runManagementTransportContract } from './suites/management-transport-suite.js';
import type { SuiteRunner } from './suites/transport-contract-suite.js';

const emulator = await emulatorInfo();
// mocha's globals, read from globalThis so this file needs no mocha type declarations.
const mocha = globalThis as unknown as SuiteRunner;

/**
 * auth0-js's Management always calls `https://{domain}/api/v2`; the run's emulator speaks plain
 * http, so the test points the instance's root URL at the client's base URL over http: the one line
 * that differs from an app.
 */
function management(token: string, { baseUrl }: ManagementRequest): Auth0JsManagementLike {
  const instance = new Management({ domain: emulator.domain, token });
  (instance as unknown as { baseOptions: { rootUrl: string } }).baseOptions.rootUrl = baseUrl;
  return instance as unknown as Auth0JsManagementLike;
}

runManagementTransportContract(mocha, emulator, { name: 'fetchManagementTransport', create: () => fetchManagementTransport() });
runManagementTransportContract(mocha, emulator, { name: 'auth0JsManagementTransport', create: () => auth0JsManagementTransport(management) });

mocha.describe('auth0JsManagementTransport: configuration', () => {
  mocha.it('refuses a Management of another tenant before sending anything', async () => {
    const transport = auth0JsManagementTransport((token) => new Management({ domain: 'other.eu.auth0.com', token }) as unknown as Auth0JsManagementLike);
    const client = createConsentClient({ domain: emulator.url, userId: 'auth0|nobody', getAccessToken: () => 'token', policy: testPolicy(), transport, autoFlush: false });
    let error: unknown;
    await client.getConsent().catch((caught: unknown) => (error = caught));
    expect(error).to.be.instanceOf(AssentConfigError);
    expect((error as AssentConfigError).option).to.equal('management');
  });

  mocha.it('refuses something that is not a Management factory', async () => {
    expect(() => auth0JsManagementTransport(new Management({ domain: emulator.domain, token: 't' }) as never)).to.throw(AssentConfigError, /^management: /);
  });
});
