/**
 * `assent-universal-login deploy`: deploys consent on Universal Login to a tenant (see
 * `deployUniversalLogin`). Credentials come from the environment, never from arguments (they would
 * land in shell history): AUTH0_DOMAIN, and AUTH0_CLIENT_ID + AUTH0_CLIENT_SECRET of a
 * machine-to-machine application, or AUTH0_TOKEN.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AssentError } from '@assent/core';
import { ManagementClient } from 'auth0';
import { deployUniversalLogin, formatChanges } from './deploy.js';
import type { Enhancement } from './partials.js';

export const USAGE = `Usage: assent-universal-login deploy --policy <file.json> [options]

Deploys the signup prompt partials, their custom texts, the page template and the
pre-user-registration Action's secrets to an Auth0 tenant. Only what differs is written.

Options:
  --policy <file>        the consent policy JSON (required)
  --dry-run              print what would change, as a diff; write nothing
  --languages <list>     Auth0 language codes, comma-separated (default: Assent's languages Auth0 offers)
  --prefix <prefix>      form field prefix, starting with ulp- (default ulp-consent_)
  --template <file>      page template to install (default: check the tenant's own)
  --action-name <name>   the pre-user-registration Action (default assent-pre-user-registration)
  --action-code <file>   its code, to create it or update it (@assent/server/actions/pre-user-registration.js)
  --script-url <url>     enhance with the single-file <assent-terms> from this URL ...
  --integrity <sri>      ... with this SRI hash (dist/cdn/manifest.json) ...
  --policy-url <url>     ... loading the policy from this URL
  --help                 this text

Environment: AUTH0_DOMAIN, and AUTH0_CLIENT_ID + AUTH0_CLIENT_SECRET or AUTH0_TOKEN.
Exit status: 0 done (or nothing to do), 1 refused or failed, 2 usage error.`;

/** Where the CLI writes and what it may read; tests pass their own. */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The SDK's fetch (tests: one trusting the emulator's CA). */
  readonly fetch?: typeof globalThis.fetch;
}

/** Runs the CLI with `args`; resolves to the exit status. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        policy: { type: 'string' },
        'dry-run': { type: 'boolean' },
        languages: { type: 'string' },
        prefix: { type: 'string' },
        template: { type: 'string' },
        'action-name': { type: 'string' },
        'action-code': { type: 'string' },
        'script-url': { type: 'string' },
        integrity: { type: 'string' },
        'policy-url': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  const usage = (message: string) => (io.stderr(`${message}\n\n${USAGE}\n`), 2);
  if (positionals.join(' ') !== 'deploy') return usage('the command is "deploy"');
  if (!values.policy) return usage('--policy is required');
  const enhancementFlags = [values['script-url'], values.integrity, values['policy-url']];
  if (enhancementFlags.some(Boolean) && !enhancementFlags.every(Boolean)) return usage('--script-url, --integrity and --policy-url go together');
  const { AUTH0_DOMAIN: domain, AUTH0_CLIENT_ID: clientId, AUTH0_CLIENT_SECRET: clientSecret, AUTH0_TOKEN: token } = io.env;
  if (!domain || !(token || (clientId && clientSecret))) return usage('set AUTH0_DOMAIN, and AUTH0_CLIENT_ID + AUTH0_CLIENT_SECRET or AUTH0_TOKEN');

  try {
    const read = (file: string) => readFile(file, 'utf8');
    const policy: unknown = JSON.parse(await read(values.policy));
    const fetchOption = io.fetch ? { fetch: io.fetch } : {};
    const management = token ? new ManagementClient({ domain, token, ...fetchOption }) : new ManagementClient({ domain, clientId: clientId as string, clientSecret: clientSecret as string, ...fetchOption });
    const enhancement: Enhancement | undefined = values['script-url'] ? { scriptUrl: values['script-url'], integrity: values.integrity as string, policyUrl: values['policy-url'] as string } : undefined;
    const result = await deployUniversalLogin({
      management,
      policy,
      dryRun: values['dry-run'] === true,
      ...(values.languages ? { languages: values.languages.split(',').map((language) => language.trim()) } : {}),
      ...(values.prefix ? { prefix: values.prefix } : {}),
      ...(values.template ? { template: await read(values.template) } : {}),
      ...(values['action-name'] ? { actionName: values['action-name'] } : {}),
      ...(values['action-code'] ? { actionCode: await read(values['action-code']) } : {}),
      ...(enhancement ? { enhancement } : {}),
    });
    io.stdout(formatChanges(result) + '\n');
    return 0;
  } catch (error) {
    if (error instanceof AssentError || error instanceof SyntaxError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
      io.stderr(`assent-universal-login: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}
