/**
 * The emulator tenant the conformance suite runs against: Auth0's settings that make every
 * documented error shape reachable (password policy "good", dictionary and personal-info checks
 * on, one known-breached password) and a page origin allowed for CORS and callbacks.
 */
import { randomBytes } from 'node:crypto';
import type { TenantConfig } from '@assent/auth0-emulator';

export const CONFORMANCE_SPA_CLIENT_ID = 'conformance-spa';
export const CONFORMANCE_M2M_CLIENT_ID = 'conformance-m2m';
export const CONFORMANCE_CONNECTION = 'Username-Password-Authentication';
/** Treated by the conformance tenant as found in a breach (signup answers `password_leaked`). */
export const BREACHED_PASSWORD = 'Breached-Passw0rd!';
/** Scopes of the machine client: what a backend using the `auth0` SDK needs. */
export const CONFORMANCE_M2M_SCOPES = ['read:users', 'update:users', 'update:users_app_metadata', 'delete:users', 'create:users'];

/** The tenant, allowing `pageOrigins` (the test page server) for CORS, web origins and callbacks. */
export function conformanceTenant(pageOrigins: readonly string[]): TenantConfig {
  return {
    name: 'assent-conformance',
    clients: [
      {
        client_id: CONFORMANCE_SPA_CLIENT_ID,
        name: 'Conformance suite (single-page app)',
        app_type: 'spa',
        callbacks: pageOrigins.map((origin) => `${origin}/callback`),
        allowed_logout_urls: pageOrigins.map((origin) => `${origin}/`),
        web_origins: [...pageOrigins],
        allowed_origins: [...pageOrigins],
      },
      {
        client_id: CONFORMANCE_M2M_CLIENT_ID,
        name: 'Conformance suite backend (machine to machine)',
        app_type: 'non_interactive',
        client_secret: randomBytes(24).toString('base64url'),
        grants: [{ scope: CONFORMANCE_M2M_SCOPES }],
      },
    ],
    connections: [
      {
        name: CONFORMANCE_CONNECTION,
        options: {
          passwordPolicy: 'good',
          password_dictionary: { enable: true },
          password_no_personal_info: { enable: true },
        },
      },
    ],
    settings: { breached_passwords: [BREACHED_PASSWORD] },
  };
}
