/**
 * The demo tenant: the emulator's default tenant as its dashboard settings would say for this
 * demo: the demo's origin allowed (CORS, callbacks), the demo app's API, a simulated Google
 * connection, and the Assent post-login Actions (the redirect to the consent page, bound; the Forms
 * variant, bound by the Form page once its Form is deployed) and pre-user-registration Action with
 * secrets derived from the demo's policy (the Universal Login page's deployment completes the latter's).
 */
import { createRequire } from 'node:module';
import type { ConsentPolicy } from '@assent/core';
import { defaultTenantConfig, type TenantConfig } from '@assent/auth0-emulator';
import { actionSecrets, formActionSecrets } from '@assent/server';
import { DEMO_SERVER_PATH } from './consent-server.js';
import { DEMO_FORM_ACTION_NAME, UNDEPLOYED_FORM_ID } from './forms-deployer.js';
import { DEMO_SIGNUP_ACTION_NAME, signupActionSecrets } from './universal-login-deployer.js';

/** The demo app's API in the demo tenant: the audience of the users' tokens for the consent server. */
export const DEMO_API_AUDIENCE = 'https://api.assent-demo.test/';
/** The simulated social connection (the emulator's provider page stands in for Google). */
export const DEMO_SOCIAL_CONNECTION = 'google-oauth2';

/** The demo app as its users know it: the SPA client's name, and what the consent page names. */
export const DEMO_APPLICATION_NAME = 'Acme (Assent demo)';

/** The name of the Assent post-login Action in the demo tenant. */
export const DEMO_ACTION_NAME = 'assent-post-login';

/** The Action's secrets for `policy`: its consent page is the demo consent server's on `port`. */
export function demoActionSecrets(port: number, policy: ConsentPolicy, sessionSecret: string): Record<string, string> {
  return { ...actionSecrets({ policy, consentUrl: `http://127.0.0.1:${port}${DEMO_SERVER_PATH}/consent/page`, sessionSecret }) };
}

const require = createRequire(import.meta.url);
const postLoginAction = require.resolve('@assent/server/actions/post-login.js');
const preUserRegistrationAction = require.resolve('@assent/server/actions/pre-user-registration.js');
const postLoginFormAction = require.resolve('@assent/server/actions/post-login-form.js');

/** What the tenant needs to know of the demo. */
export interface DemoTenantOptions {
  /** The demo's port on 127.0.0.1. */
  readonly port: number;
  readonly policy: ConsentPolicy;
  /** Shared by the post-login Action and the consent page. */
  readonly sessionSecret: string;
}

export function demoTenant({ port, policy, sessionSecret }: DemoTenantOptions): TenantConfig {
  const base = defaultTenantConfig();
  const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  const callbacks = origins.flatMap((origin) => [`${origin}/`, `${origin}/social.html`, `${origin}/universal-login.html`, `${origin}/acul.html`, `${origin}/forms.html`]);
  const clients = (base.clients ?? []).map((client) =>
    (client.app_type ?? 'spa') === 'spa'
      ? {
          ...client,
          name: DEMO_APPLICATION_NAME,
          callbacks: [...new Set([...(client.callbacks ?? []), ...callbacks])],
          web_origins: [...new Set([...(client.web_origins ?? []), ...origins])],
          allowed_origins: [...new Set([...(client.allowed_origins ?? []), ...origins])],
        }
      : client,
  );
  const connections = base.connections ?? [];
  return {
    ...base,
    clients,
    connections: connections.some((connection) => connection.name === DEMO_SOCIAL_CONNECTION) ? connections : [...connections, { name: DEMO_SOCIAL_CONNECTION, strategy: 'google-oauth2' }],
    resource_servers: [{ identifier: DEMO_API_AUDIENCE, name: 'Assent demo app' }],
    actions: [
      {
        module: postLoginAction,
        name: DEMO_ACTION_NAME,
        secrets: demoActionSecrets(port, policy, sessionSecret),
      },
      {
        // The Forms variant, unbound until the Form page deploys its Form and binds it (demo-server.ts binds the redirect one at start).
        module: postLoginFormAction,
        name: DEMO_FORM_ACTION_NAME,
        secrets: formActionSecrets({ policy, formId: UNDEPLOYED_FORM_ID }),
      },
      {
        // The emulator runs an Action's code from its module; the Management API sets its secrets.
        module: preUserRegistrationAction,
        name: DEMO_SIGNUP_ACTION_NAME,
        secrets: signupActionSecrets(policy),
      },
    ],
  };
}
