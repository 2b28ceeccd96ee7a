/**
 * The built-in tenant: one SPA client for the demo, one machine-to-machine client for a backend,
 * one database connection. Used when no tenant file is given, and for every field a file omits.
 */
import type { TenantConfig } from './types.js';

/** Where the demo (Vite dev server and preview) runs by default. */
const DEMO_APPS = ['http://localhost:5173', 'http://127.0.0.1:5173', 'http://localhost:4173', 'http://127.0.0.1:4173'];

/** Scopes of the default machine client on the Management API (users, changing and deploying Actions, Universal Login customisation, Forms). */
export const DEFAULT_M2M_SCOPES = [
  'read:users',
  'update:users',
  'update:users_app_metadata',
  'delete:users',
  'create:users',
  'read:actions',
  'update:actions',
  'create:actions',
  'read:prompts',
  'update:prompts',
  'read:branding',
  'update:branding',
  'delete:branding',
  'read:forms',
  'create:forms',
  'update:forms',
  'delete:forms',
];

/**
 * A fresh copy of the default tenant configuration. Spread it to extend rather than replace, e.g.
 * `{ ...defaultTenantConfig(), settings: { existing_user_error: 'user_exists' } }`.
 */
export function defaultTenantConfig(): TenantConfig {
  return {
    name: 'assent-dev',
    clients: [
      {
        client_id: 'assent-demo-spa',
        name: 'Assent demo (single-page app)',
        app_type: 'spa',
        callbacks: DEMO_APPS.map((origin) => `${origin}/`),
        allowed_logout_urls: DEMO_APPS.map((origin) => `${origin}/`),
        web_origins: [...DEMO_APPS],
        allowed_origins: [...DEMO_APPS],
      },
      {
        client_id: 'assent-demo-m2m',
        name: 'Assent demo backend (machine to machine)',
        app_type: 'non_interactive',
        // A fixed secret keeps the default tenant usable across restarts; it protects nothing.
        client_secret: 'assent-dev-m2m-secret-not-for-production',
        grants: [{ scope: [...DEFAULT_M2M_SCOPES] }],
      },
    ],
    connections: [
      {
        name: 'Username-Password-Authentication',
        strategy: 'auth0',
        options: { passwordPolicy: 'good' },
      },
    ],
    resource_servers: [],
    users: [],
    actions: [],
    settings: {},
  };
}
