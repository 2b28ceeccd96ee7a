// The signup transport contract (suites/transport-contract-suite.ts) in Chromium, for both
// transports, against the run's emulator (test/support/wtr-emulator-plugin.mjs).
import { WebAuth } from 'auth0-js';
import { fetchTransport } from '@assent/core';
import { auth0JsTransport } from '@assent/core/auth0-js-transport.js';
import { emulatorInfo } from '../support/emulator-info.js';
import { runTransportContract, type SuiteRunner } from './suites/transport-contract-suite.js';

const emulator = await emulatorInfo();
const target = { url: emulator.url, clientId: emulator.clientId, tenant: emulator.tenant };
// mocha's globals, read from globalThis so this file needs no mocha type declarations.
const mocha = globalThis as unknown as SuiteRunner;

runTransportContract(mocha, target, { name: 'fetchTransport', create: () => fetchTransport() });
runTransportContract(mocha, target, {
  name: 'auth0JsTransport',
  create: (baseUrl, clientId) => auth0JsTransport(new WebAuth({ domain: baseUrl, clientID: clientId })),
});
