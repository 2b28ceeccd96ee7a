/**
 * The signup transport contract (test/browser/suites/transport-contract-suite.ts) in Node, for
 * `fetchTransport`, against a private emulator whose tenant has every feature the suite can use:
 * 409 user_exists answers, a username connection, the dictionary and personal-information checks
 * and a breached password. (The browser run shares the wtr emulator, whose tenant has none of them.)
 */
import { after, before, describe, it } from 'node:test';
import { startEmulator } from '@assent/auth0-emulator';
import { fetchTransport } from '@assent/core';
import { runTransportContract } from '../browser/suites/transport-contract-suite.js';

const emulator = await startEmulator({
  port: 0,
  enableAdmin: true,
  tenant: {
    name: 'transport-contract',
    clients: [{ client_id: 'contract-spa', app_type: 'spa' }],
    connections: [
      { name: 'Username-Password-Authentication', options: { passwordPolicy: 'excellent' } },
      { name: 'Strict-Checks', options: { passwordPolicy: 'good', password_dictionary: { enable: true, dictionary: ['Acme-Password-2026'] }, password_no_personal_info: { enable: true } } },
      { name: 'With-Username', options: { passwordPolicy: 'good', requires_username: true } },
    ],
    settings: { existing_user_error: 'user_exists', breached_passwords: ['Breached-Pass-123'] },
  },
});
after(() => emulator.stop());

runTransportContract({ describe, it, before }, { url: emulator.url, clientId: 'contract-spa', tenant: emulator.tenant }, { name: 'fetchTransport (Node)', create: () => fetchTransport() });
