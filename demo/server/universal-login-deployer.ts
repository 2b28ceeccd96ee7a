/**
 * The "Universal Login" page's deployment, as a team runs it against its tenant: the partials of the
 * three signup prompts, their custom texts in every language, the page template and the
 * pre-user-registration Action's secrets, written by @assent/universal-login's
 * `deployUniversalLogin` with the official `auth0` SDK through the emulator's Management API (the
 * demo's machine client; its secret stays on this server). The identifier-first switch is the
 * tenant's prompt setting (`PATCH /api/v2/prompts`).
 *
 *   GET  /assent-demo/universal-login            { policy, identifierFirst, pending: DeployResult (a dry run) }
 *   POST /assent-demo/universal-login/deploy     { dryRun?: boolean } -> DeployResult + { summary }
 *   PUT  /assent-demo/universal-login/settings   { identifierFirst: boolean } -> { identifierFirst }
 */
import { ManagementClient } from 'auth0';
import type { Plugin } from 'vite';
import type { ConsentPolicy } from '@assent/core';
import type { RunningEmulator } from '@assent/auth0-emulator';
import { DIGEST_SECRET_PREFIX, deployUniversalLogin, formatChanges, universalLoginActionSecrets, type DeployResult } from '@assent/universal-login';
import { machineClient } from './inspector-routes.js';
import { answer, readJson } from './json-route.js';
import { serial } from './serial.js';

/** The name of the pre-user-registration Action in the demo tenant. */
export const DEMO_SIGNUP_ACTION_NAME = 'assent-pre-user-registration';

/**
 * The page template the deployment installs: Auth0 shows partials only inside a custom template,
 * which must hold `{%- auth0:head -%}` and `{%- auth0:widget -%}`.
 */
export const DEMO_PAGE_TEMPLATE = [
  '<!DOCTYPE html>',
  '<html lang="{{ locale }}">',
  '  <head>',
  '    {%- auth0:head -%}',
  '  </head>',
  '  <body>',
  '    {%- auth0:widget -%}',
  '  </body>',
  '</html>',
].join('\n');

/**
 * The pre-user-registration Action's secrets before any Universal Login deployment: the policy its
 * check of the custom form's and Lock's signups needs. A deployment adds what Universal Login needs.
 */
export function signupActionSecrets(policy: ConsentPolicy): Record<string, string> {
  return Object.fromEntries(Object.entries(universalLoginActionSecrets(policy)).filter(([name]) => !name.startsWith(DIGEST_SECRET_PREFIX)));
}

/** Deploys Universal Login consent for a policy to the demo tenant, one deployment at a time. */
export interface UniversalLoginDeployer {
  deploy(policy: ConsentPolicy, options?: { readonly dryRun?: boolean }): Promise<DeployResult>;
  identifierFirst(): Promise<boolean>;
  setIdentifierFirst(on: boolean): Promise<boolean>;
}

export function createUniversalLoginDeployer(emulator: RunningEmulator, fetch: typeof globalThis.fetch): UniversalLoginDeployer {
  const { clientId, clientSecret } = machineClient(emulator);
  const management = new ManagementClient({ domain: new URL(emulator.url).host, clientId, clientSecret, fetch });
  const inTurn = serial();
  return {
    deploy: (policy, { dryRun = false } = {}) => inTurn(() => deployUniversalLogin({ management, policy, template: DEMO_PAGE_TEMPLATE, actionName: DEMO_SIGNUP_ACTION_NAME, dryRun })),
    async identifierFirst() {
      const settings = await management.prompts.getSettings();
      return settings.identifier_first === true;
    },
    setIdentifierFirst: (on) =>
      inTurn(async () => {
        const settings = await management.prompts.updateSettings({ identifier_first: on });
        return settings.identifier_first === true;
      }),
  };
}

/** What the page shows of a deployment: the result and the CLI's text of it. */
function shown(result: DeployResult): DeployResult & { summary: string } {
  return { ...result, summary: formatChanges(result) };
}

/** The page's routes; `policy()` is the published policy (demo/server/policy-publisher.ts). */
export function universalLoginRoutes(deployer: UniversalLoginDeployer, policy: () => ConsentPolicy): Plugin {
  const failed = (res: Parameters<typeof answer>[0]) => (error: unknown) => answer(res, 502, { error: 'deploy_failed', message: error instanceof Error ? error.message : String(error) });
  return {
    name: 'assent-universal-login-deployer',
    configureServer(server) {
      server.middlewares.use('/assent-demo/universal-login', (req, res) => {
        const path = req.url?.split('?')[0] ?? '/';
        if (path === '/' && req.method === 'GET') {
          Promise.all([deployer.deploy(policy(), { dryRun: true }), deployer.identifierFirst()])
            .then(([pending, identifierFirst]) => answer(res, 200, { policy: pending.policy, identifierFirst, pending: shown(pending) }))
            .catch(failed(res));
          return;
        }
        if (path === '/deploy' && req.method === 'POST') {
          readJson(req)
            .then(async (body) => {
              const dryRun = (body as { dryRun?: unknown } | undefined)?.dryRun;
              if (dryRun !== undefined && typeof dryRun !== 'boolean') return answer(res, 400, { error: 'invalid_request', message: 'dryRun must be true or false' });
              answer(res, 200, shown(await deployer.deploy(policy(), { dryRun: dryRun ?? false })));
            })
            .catch(failed(res));
          return;
        }
        if (path === '/settings' && req.method === 'PUT') {
          readJson(req)
            .then(async (body) => {
              const on = (body as { identifierFirst?: unknown } | undefined)?.identifierFirst;
              if (typeof on !== 'boolean') return answer(res, 400, { error: 'invalid_request', message: 'identifierFirst must be true or false' });
              answer(res, 200, { identifierFirst: await deployer.setIdentifierFirst(on) });
            })
            .catch(failed(res));
          return;
        }
        answer(res, 405, { error: 'method_not_allowed', message: 'GET /, POST /deploy or PUT /settings' });
      });
    },
  };
}
