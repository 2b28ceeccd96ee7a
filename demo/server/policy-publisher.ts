/**
 * "Publish new terms" as a controller does it, on the demo: the consent policy every demo page
 * loads (`/policies/acme-signup.json`), the consent server's policy, the post-login Action's
 * secrets (updated and deployed with the official `auth0` SDK through the emulator's Management
 * API) and the Universal Login partials with their pre-user-registration Action change together,
 * so the next login of a user who agreed to the old terms is asked again.
 *
 *   GET  /assent-demo/policy   { edition, policy }
 *   POST /assent-demo/policy   { edition: "original" | "new-terms" } -> { edition, policy }
 */
import type { Plugin } from 'vite';
import { ManagementClient } from 'auth0';
import { parsePolicy, type ConsentPolicy } from '@assent/core';
import type { RunningEmulator } from '@assent/auth0-emulator';
import { withNewTerms } from '../src/new-terms.js';
import { machineClient } from './inspector-routes.js';
import { answer, readJson } from './json-route.js';

/** The policies the demo can publish: the one in demo/public/policies, or it with terms 3.2. */
export type PolicyEdition = 'original' | 'new-terms';

/** The published policy, and how to change it. */
export interface PolicyPublisher {
  readonly edition: PolicyEdition;
  readonly policy: ConsentPolicy;
  /** Deploys the Action's new secrets first; only then do the pages and the consent server switch. */
  publish(edition: PolicyEdition): Promise<ConsentPolicy>;
  /** Called with each newly published policy. */
  onPublish(listener: (policy: ConsentPolicy) => void): void;
}

/** What the publisher needs to redeploy the Action. */
export interface PublisherOptions {
  readonly original: ConsentPolicy;
  readonly actionName: string;
  /** The Action secrets of a policy (the consent page URL and session secret stay as they are). */
  readonly secretsFor: (policy: ConsentPolicy) => Readonly<Record<string, string>>;
  /** The `auth0` SDK's fetch (the emulator speaks plain HTTP, the SDK builds https:// URLs). */
  readonly fetch: typeof globalThis.fetch;
  /** What else depends on the policy and is deployed with it (the Universal Login partials and their Action). */
  readonly alsoDeploy?: (policy: ConsentPolicy) => Promise<unknown>;
}

export function createPolicyPublisher(emulator: RunningEmulator, options: PublisherOptions): PolicyPublisher {
  const { clientId, clientSecret } = machineClient(emulator);
  const management = new ManagementClient({ domain: new URL(emulator.url).host, clientId, clientSecret, fetch: options.fetch });
  const editions: Record<PolicyEdition, ConsentPolicy> = { original: options.original, 'new-terms': parsePolicy(withNewTerms(options.original)) };
  const listeners: ((policy: ConsentPolicy) => void)[] = [];
  let edition: PolicyEdition = 'original';
  // One publication at a time: two quick clicks must not deploy out of order.
  let queue: Promise<unknown> = Promise.resolve();

  async function deploy(policy: ConsentPolicy): Promise<void> {
    const { data: actions } = await management.actions.list({ actionName: options.actionName });
    const action = actions[0];
    if (!action?.id) throw new Error(`the demo tenant has no Action named ${options.actionName}`);
    const secrets = Object.entries(options.secretsFor(policy)).map(([name, value]) => ({ name, value }));
    await management.actions.update(action.id, { secrets });
    await management.actions.deploy(action.id);
    await options.alsoDeploy?.(policy);
  }

  return {
    get edition() {
      return edition;
    },
    get policy() {
      return editions[edition];
    },
    publish(next) {
      const run = queue.then(async () => {
        const policy = editions[next];
        await deploy(policy);
        edition = next;
        for (const listener of listeners) listener(policy);
        return policy;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    onPublish(listener) {
      listeners.push(listener);
    },
  };
}

/** The published policy in place of the static file, and the publish route. */
export function publishRoutes(publisher: PolicyPublisher): Plugin {
  return {
    name: 'assent-policy-publisher',
    configureServer(server) {
      // Before Vite's static files: demo/public/policies/acme-signup.json is the original edition.
      server.middlewares.use('/policies/acme-signup.json', (_req, res) => answer(res, 200, publisher.policy));
      server.middlewares.use('/assent-demo/policy', (req, res) => {
        if (req.method === 'GET') return answer(res, 200, { edition: publisher.edition, policy: publisher.policy });
        if (req.method !== 'POST') return answer(res, 405, { error: 'method_not_allowed', message: 'GET or POST' });
        readJson(req)
          .then(async (body) => {
            const next = (body as { edition?: unknown } | null | undefined)?.edition;
            if (next !== 'original' && next !== 'new-terms') return answer(res, 400, { error: 'invalid_request', message: 'edition must be "original" or "new-terms"' });
            const policy = await publisher.publish(next);
            answer(res, 200, { edition: next, policy });
          })
          .catch((error: unknown) => answer(res, 502, { error: 'publish_failed', message: String(error) }));
      });
    },
  };
}
