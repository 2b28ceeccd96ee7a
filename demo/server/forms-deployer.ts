/**
 * The "Social login (Form)" page's server side: the consent Forms of the published policy, one per
 * language, deployed with @assent/universal-login's `deployConsentForms` and the official `auth0` SDK (their custom field
 * loads the single-file `<assent-terms>`, built once and served here with CORS as a CDN would), the
 * secrets of the Forms variant of the post-login Action (`formActionSecrets`: the policy and the
 * Forms' ids by language), and which post-login Action the tenant runs: the redirect to the consent page or the
 * Form (`PATCH /api/v2/actions/triggers/post-login/bindings`). Auth0 runs only bound Actions, so
 * exactly one of the two is bound at a time.
 *
 *   GET  /assent-demo/forms                        { policy, pending: the deployment a click would make (a dry run) }
 *   POST /assent-demo/forms/deploy                 { dryRun?: boolean } -> the deployment + { summary, formIds }
 *   GET  /assent-demo/forms/binding                { variant: "redirect" | "form" | "none", bindings: [names] }
 *   PUT  /assent-demo/forms/binding                { variant: "redirect" | "form" } -> the same
 *   GET  /assent-demo/forms/assets/assent-terms.js the single-file <assent-terms>
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ManagementClient } from 'auth0';
import type { Plugin } from 'vite';
import type { ConsentPolicy } from '@assent/core';
import type { RunningEmulator } from '@assent/auth0-emulator';
import { formActionSecrets } from '@assent/server';
import { DEFAULT_LANGUAGES, deployConsentForms, formatChanges, lineDiff, type DeployChange, type DeployFormsResult } from '@assent/universal-login';
import { buildCdn } from '../../packages/universal-login/scripts/build-cdn.js';
import { machineClient } from './inspector-routes.js';
import { answer, readJson } from './json-route.js';
import { serial } from './serial.js';

/** The name of the Forms variant of the post-login Action in the demo tenant. */
export const DEMO_FORM_ACTION_NAME = 'assent-post-login-form';
/** The Form's id the Action holds until the Form is deployed (the Action is not bound until then). */
export const UNDEPLOYED_FORM_ID = 'ap_notdeployedyet';
const TRIGGER = 'post-login';
const ASSET = 'assent-terms.js';

/** Which post-login Action the tenant runs. */
export type PostLoginVariant = 'redirect' | 'form';

/** What the page shows of the trigger: the variant bound (or none) and every binding's name, in order. */
export interface BindingState {
  readonly variant: PostLoginVariant | 'none';
  readonly bindings: readonly string[];
}

/** Binding the Forms Action before its Form exists: it would fail every login. */
export class FormNotDeployedError extends Error {
  constructor() {
    super('deploy the Form first: the Forms Action has no Form to render yet');
    this.name = 'FormNotDeployedError';
  }
}

/** A Form deployment as the page shows it: the Form's changes and the Action's. */
export type FormsDeployment = DeployFormsResult & { readonly summary: string };

export interface FormsDeployer {
  deploy(policy: ConsentPolicy, options?: { readonly dryRun?: boolean }): Promise<FormsDeployment>;
  /** Deploys again for `policy` if the Form was deployed before (publishing new terms). */
  redeploy(policy: ConsentPolicy): Promise<void>;
  binding(): Promise<BindingState>;
  bind(variant: PostLoginVariant): Promise<BindingState>;
  /** The single-file `<assent-terms>` the Form's custom field loads. */
  asset(): Promise<{ readonly code: Buffer; readonly integrity: string }>;
}

/** What the deployer needs of the demo: the redirect Action's name, where the asset is served, a work directory. */
export interface FormsDeployerOptions {
  readonly redirectActionName: string;
  /** The demo's origin: the Form's custom field loads `<origin>/assent-demo/forms/assets/assent-terms.js`. */
  readonly origin: string;
  readonly workDir: string;
  readonly fetch: typeof globalThis.fetch;
}

export function createFormsDeployer(emulator: RunningEmulator, options: FormsDeployerOptions): FormsDeployer {
  const { clientId, clientSecret } = machineClient(emulator);
  const management = new ManagementClient({ domain: new URL(emulator.url).host, clientId, clientSecret, fetch: options.fetch });
  const names: Record<PostLoginVariant, string> = { redirect: options.redirectActionName, form: DEMO_FORM_ACTION_NAME };
  const inTurn = serial();
  // Auth0 never returns secret values: the deployer remembers what it gave the Action (the emulator starts with the demo).
  let actionDigest: string | undefined;
  let built: Promise<{ code: Buffer; integrity: string }> | undefined;
  const asset = () => {
    built ??= buildCdn(join(options.workDir, 'cdn')).then(async (manifest) => ({ code: await readFile(join(options.workDir, 'cdn', manifest.file)), integrity: manifest.integrity }));
    built.catch(() => (built = undefined));
    return built;
  };

  const readBindings = async () => {
    const all = [];
    for await (const binding of await management.actions.triggers.bindings.list(TRIGGER, { per_page: 50 })) all.push(binding);
    return all;
  };
  const binding = async (): Promise<BindingState> => {
    const bound = (await readBindings()).map((entry) => entry.action?.name ?? entry.display_name ?? '');
    const variant = (Object.keys(names) as PostLoginVariant[]).find((key) => bound.includes(names[key])) ?? 'none';
    return { variant, bindings: bound };
  };

  const deploy = async (policy: ConsentPolicy, dryRun: boolean): Promise<FormsDeployment> => {
    const { integrity } = await asset();
    // One Form per language the demo's logins can ask for: each records the consent in the language it shows.
    const form = await deployConsentForms({ management, policy, languages: DEFAULT_LANGUAGES, element: { scriptUrl: `${options.origin}/assent-demo/forms/assets/${ASSET}`, integrity }, dryRun });
    const formIds = Object.fromEntries(Object.entries(form.formIds).map(([language, id]) => [language, id ?? 'ap_createdbythedeployment']));
    const secrets = formActionSecrets({ policy, formIds });
    const digest = createHash('sha256')
      .update(JSON.stringify(Object.entries(secrets).sort()))
      .digest('hex');
    const changes: DeployChange[] = [...form.changes];
    if (digest !== actionDigest) {
      const { data } = await management.actions.list({ actionName: DEMO_FORM_ACTION_NAME });
      const id = data[0]?.id;
      if (!id) throw new Error(`the demo tenant has no Action named ${DEMO_FORM_ACTION_NAME}`);
      const lines = Object.entries(secrets).map(([name, value]) => `secret ${name}${name === 'ASSENT_FORM_IDS' ? ` = ${value}` : ''}`);
      changes.push({ kind: 'action', target: DEMO_FORM_ACTION_NAME, call: `PATCH /api/v2/actions/actions/${id}`, diff: lineDiff('', lines.join('\n')) });
      if (!dryRun) {
        await management.actions.update(id, { secrets: Object.entries(secrets).map(([name, value]) => ({ name, value })) });
        await management.actions.deploy(id);
        actionDigest = digest;
      }
    }
    const result = { ...form, changes };
    return { ...result, summary: formatChanges(result) };
  };

  return {
    deploy: (policy, { dryRun = false } = {}) => inTurn(() => deploy(policy, dryRun)),
    redeploy: (policy) =>
      inTurn(async () => {
        if (actionDigest !== undefined) await deploy(policy, false);
      }),
    binding,
    bind: (variant) =>
      inTurn(async () => {
        if (variant === 'form' && actionDigest === undefined) throw new FormNotDeployedError();
        const ours = new Set(Object.values(names));
        // The tenant's other post-login Actions keep their place; Assent's runs after them.
        const others = (await readBindings()).filter((entry) => !ours.has(entry.action?.name ?? ''));
        await management.actions.triggers.bindings.updateMany(TRIGGER, {
          bindings: [
            ...others.map((entry) => ({ ref: { type: 'binding_id' as const, value: entry.id ?? '' } })),
            { ref: { type: 'action_name' as const, value: names[variant] }, display_name: names[variant] },
          ],
        });
        return binding();
      }),
    asset,
  };
}

/** The page's routes; `policy()` is the published policy (demo/server/policy-publisher.ts). */
export function formsRoutes(deployer: FormsDeployer, policy: () => ConsentPolicy): Plugin {
  return {
    name: 'assent-forms-deployer',
    configureServer(server) {
      server.middlewares.use('/assent-demo/forms', (req, res) => {
        const path = req.url?.split('?')[0] ?? '/';
        const failed = (error: unknown) => answer(res, 502, { error: 'forms_failed', message: error instanceof Error ? error.message : String(error) });
        if (path === `/assets/${ASSET}` && req.method === 'GET') {
          deployer
            .asset()
            .then(({ code }) => {
              res.statusCode = 200;
              res.setHeader('content-type', 'text/javascript; charset=utf-8');
              // Loaded by the emulator's Form page (another origin) as a module script with integrity: a CORS request.
              res.setHeader('access-control-allow-origin', '*');
              res.setHeader('cache-control', 'no-store');
              res.end(code);
            })
            .catch(failed);
          return;
        }
        if (path === '/' && req.method === 'GET') {
          deployer
            .deploy(policy(), { dryRun: true })
            .then((pending) => answer(res, 200, { policy: pending.policy, pending }))
            .catch(failed);
          return;
        }
        if (path === '/deploy' && req.method === 'POST') {
          readJson(req)
            .then(async (body) => {
              const dryRun = (body as { dryRun?: unknown } | undefined)?.dryRun;
              if (dryRun !== undefined && typeof dryRun !== 'boolean') return answer(res, 400, { error: 'invalid_request', message: 'dryRun must be true or false' });
              answer(res, 200, await deployer.deploy(policy(), { dryRun: dryRun ?? false }));
            })
            .catch(failed);
          return;
        }
        if (path === '/binding' && req.method === 'GET') {
          deployer.binding().then((state) => answer(res, 200, state), failed);
          return;
        }
        if (path === '/binding' && req.method === 'PUT') {
          readJson(req)
            .then(async (body) => {
              const variant = (body as { variant?: unknown } | undefined)?.variant;
              if (variant !== 'redirect' && variant !== 'form') return answer(res, 400, { error: 'invalid_request', message: 'variant must be "redirect" or "form"' });
              answer(res, 200, await deployer.bind(variant));
            })
            .catch((error: unknown) => (error instanceof FormNotDeployedError ? answer(res, 409, { error: 'not_deployed', message: error.message }) : failed(error)));
          return;
        }
        answer(res, 405, { error: 'method_not_allowed', message: 'GET /, POST /deploy, GET or PUT /binding, GET /assets/assent-terms.js' });
      });
    },
  };
}
