/**
 * `assent-universal-login deploy`: deploys consent on Universal Login to a tenant (see
 * `deployUniversalLogin`); `assent-universal-login deploy-form`: deploys the consent Form (see
 * `deployConsentForm`). Credentials come from the environment, never from arguments (they would
 * land in shell history): AUTH0_DOMAIN, and AUTH0_CLIENT_ID + AUTH0_CLIENT_SECRET of a
 * machine-to-machine application, or AUTH0_TOKEN.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AssentError } from '@assent/core';
import { ManagementClient } from 'auth0';
import { deployUniversalLogin, formatChanges } from './deploy.js';
import { deployConsentForm, deployConsentForms } from './deploy-form.js';
import type { Enhancement } from './partials.js';

export const USAGE = `Usage: assent-universal-login deploy --policy <file.json> [options]
       assent-universal-login deploy-form --policy <file.json> [options]

deploy: the signup prompt partials, their custom texts, the page template and the
pre-user-registration Action's secrets. deploy-form: the consent Form that the post-login
Action renders (Forms for Actions); prints its id for the Action's ASSENT_FORM_ID secret, or,
with --languages, one Form per language and their ids for ASSENT_FORM_IDS.
Only what differs is written.

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
  --form-name <name>     deploy-form: the Form's name (default assent-consent; -<language> added with --languages)
  --locale <code>        deploy-form: language of the Form's texts (default en)
                         deploy-form --languages: one Form per language, in each language
                         deploy-form takes --script-url and --integrity for the custom field
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
        'form-name': { type: 'string' },
        locale: { type: 'string' },
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
  const command = positionals.join(' ');
  if (command !== 'deploy' && command !== 'deploy-form') return usage('the command is "deploy" or "deploy-form"');
  if (!values.policy) return usage('--policy is required');
  if (command === 'deploy-form' && Boolean(values['script-url']) !== Boolean(values.integrity)) return usage('--script-url and --integrity go together');
  if (command === 'deploy-form' && values.languages && values.locale) return usage('--locale (one Form) and --languages (one Form per language) exclude each other');
  const enhancementFlags = [values['script-url'], values.integrity, values['policy-url']];
  if (command === 'deploy' && enhancementFlags.some(Boolean) && !enhancementFlags.every(Boolean)) return usage('--script-url, --integrity and --policy-url go together');
  const { AUTH0_DOMAIN: domain, AUTH0_CLIENT_ID: clientId, AUTH0_CLIENT_SECRET: clientSecret, AUTH0_TOKEN: token } = io.env;
  if (!domain || !(token || (clientId && clientSecret))) return usage('set AUTH0_DOMAIN, and AUTH0_CLIENT_ID + AUTH0_CLIENT_SECRET or AUTH0_TOKEN');

  try {
    const read = (file: string) => readFile(file, 'utf8');
    const policy: unknown = JSON.parse(await read(values.policy));
    const fetchOption = io.fetch ? { fetch: io.fetch } : {};
    const management = token
      ? new ManagementClient({ domain, token, ...fetchOption })
      : new ManagementClient({ domain, clientId: clientId as string, clientSecret: clientSecret as string, ...fetchOption });
    if (command === 'deploy-form' && values.languages) {
      const result = await deployConsentForms({
        management,
        policy,
        dryRun: values['dry-run'] === true,
        languages: values.languages.split(',').map((language) => language.trim()),
        ...(values['form-name'] ? { name: values['form-name'] } : {}),
        ...(values['script-url'] ? { element: { scriptUrl: values['script-url'], integrity: values.integrity as string } } : {}),
      });
      const ids = Object.values(result.formIds).every(Boolean) ? `Form ids: ${JSON.stringify(result.formIds)} (the post-login Action's ASSENT_FORM_IDS)\n` : '';
      io.stdout(formatChanges(result) + '\n' + ids);
      return 0;
    }
    if (command === 'deploy-form') {
      const result = await deployConsentForm({
        management,
        policy,
        dryRun: values['dry-run'] === true,
        ...(values['form-name'] ? { name: values['form-name'] } : {}),
        ...(values.locale ? { locale: values.locale } : {}),
        ...(values['script-url'] ? { element: { scriptUrl: values['script-url'], integrity: values.integrity as string } } : {}),
      });
      io.stdout(formatChanges(result) + '\n' + (result.formId ? `Form id: ${result.formId} (the post-login Action's ASSENT_FORM_ID)\n` : ''));
      return 0;
    }
    const enhancement: Enhancement | undefined = values['script-url']
      ? { scriptUrl: values['script-url'], integrity: values.integrity as string, policyUrl: values['policy-url'] as string }
      : undefined;
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
