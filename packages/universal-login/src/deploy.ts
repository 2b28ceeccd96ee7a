/**
 * Deploys consent on Universal Login to an Auth0 tenant with the official `auth0` SDK: the custom
 * texts of every language, the partials of the three signup prompts, the page template (or a check
 * of the tenant's own) and the pre-user-registration Action's secrets. Reads everything first and
 * writes only what differs, so a second run changes nothing; a dry run writes nothing and returns
 * the diff.
 */
import { ManagementError, type ManagementClient } from 'auth0';
import { DeployError, call, stable } from './deploy-error.js';
import { DIGEST_SECRET_PREFIX, universalLoginActionSecrets } from './action-secrets.js';
import { planBinding } from './deploy-binding.js';
import { lineDiff } from './diff.js';
import { SIGNUP_PROMPTS, generatePartials, type PartialOptions, type PromptCustomTexts, type PromptPartials, type SignupPrompt } from './partials.js';

export { DeployError } from './deploy-error.js';

/** The tags Auth0 requires in a custom page template. */
export const REQUIRED_TEMPLATE_TAGS = ['{%- auth0:head -%}', '{%- auth0:widget -%}'] as const;

/** The Action's name when none is given. */
export const DEFAULT_ACTION_NAME = 'assent-pre-user-registration';

/** Options of `deployUniversalLogin`. */
export interface DeployOptions extends PartialOptions {
  /** An `auth0` 7.x ManagementClient; its token needs read/update:prompts, read/update:branding, read/update:actions and create:actions (deploy). */
  readonly management: ManagementClient;
  /** The consent policy (validated with `parsePolicy`). */
  readonly policy: unknown;
  /**
   * A page template to install. Without it the tenant's own is only checked: it must exist and hold
   * `{%- auth0:head -%}` and `{%- auth0:widget -%}`. With it, a tenant without a template or with
   * another one gets this one (it must hold both tags too).
   */
  readonly template?: string;
  /** Name of the pre-user-registration Action. Default `assent-pre-user-registration`. */
  readonly actionName?: string;
  /**
   * The Action's code (`@assent/server/actions/pre-user-registration.js`): creates the Action when
   * the tenant has none of that name, and updates its code when it differs. Without it the Action
   * must exist and only its secrets are set.
   */
  readonly actionCode?: string;
  /** Compute and return the changes without writing anything. */
  readonly dryRun?: boolean;
}

/** One change a deployment makes (or would make, in a dry run). */
export interface DeployChange {
  /** What changes: `template`, `custom-text`, `partials`, `action`, `binding` (the Action on its trigger), `form`. */
  readonly kind: 'template' | 'custom-text' | 'partials' | 'action' | 'binding' | 'form';
  /** The resource: `signup/de` for a custom text, `signup` for partials, the Action's name. */
  readonly target: string;
  /** The Management API call that makes it. */
  readonly call: string;
  /** Line diff of the stored and the new content (`-` stored, `+` new). */
  readonly diff: string;
}

/** What a deployment did. */
export interface DeployResult {
  /** `<policy id>@<version>` deployed. */
  readonly policy: string;
  readonly changes: readonly DeployChange[];
  /** False in a dry run. */
  readonly applied: boolean;
}

/** The secrets this deployment owns on the Action: the policy JSON parts, the prefix and the digest. */
const OWN_SECRET = /^ASSENT_(POLICY_JSON(_\d+)?|ULP_PREFIX|DIGEST_[0-9a-f]+)$/;
/**
 * The per-field secrets earlier versions of this deployment wrote beside the policy JSON (policy
 * name, purposes, documents, text details), which the Action no longer reads: a deployment removes
 * them, so no stale copy of an old policy stays on the Action.
 */
const STALE_SECRET = /^ASSENT_(POLICY|REQUIRED_PURPOSES|OPTIONAL_PURPOSES|REQUIRED_DOCUMENTS|TEXT_DETAILS)$/;

/** Whether a stored partial is one this package generated (it reads Assent's custom texts). */
const isAssentPartial = (html: string) => html.includes('prompt.screen.texts.varAssent');

function checkTemplate(template: string, where: string): void {
  const missing = REQUIRED_TEMPLATE_TAGS.filter((tag) => !template.includes(tag));
  if (missing.length) throw new DeployError('template_missing_tags', `${where} lacks ${missing.join(' and ')}, which Auth0 requires for partials`);
}

/**
 * Deploys the partials, custom texts, page template and Action secrets for `policy`. Writes in this
 * order, each only when it differs from what is stored: custom texts (so a partial never shows
 * missing texts), partials, page template, Action secrets + deploy, and the Action's binding to the
 * pre-user-registration trigger when it has none (Auth0 runs only bound Actions). A token lacking
 * `update:prompts` therefore fails on the first write, with Auth0's 403, and changes nothing.
 * The Action's secrets are replaced by `universalLoginActionSecrets(policy)`; the per-field
 * secrets of earlier versions (`ASSENT_POLICY`, `ASSENT_REQUIRED_PURPOSES`...) are removed, the
 * Action's other secrets keep their values.
 *
 * @throws {DeployError} see its codes; PartialLimitError and PolicyError from generation (before any call).
 * @example const { changes } = await deployUniversalLogin({ management, policy, dryRun: true });
 */
export async function deployUniversalLogin(options: DeployOptions): Promise<DeployResult> {
  const { management, policy, template, actionName = DEFAULT_ACTION_NAME, actionCode, dryRun = false, ...generation } = options;
  const content = await generatePartials(policy, generation);
  const secrets = universalLoginActionSecrets(policy, { prefix: content.prefix });
  if (template !== undefined) checkTemplate(template, 'the template option');
  const changes: DeployChange[] = [];
  const writes: (() => Promise<unknown>)[] = [];

  // Custom texts: Assent's `var-assent-*` keys replaced, every other text of the screen kept.
  for (const prompt of SIGNUP_PROMPTS) {
    for (const [language, texts] of Object.entries(content.customTexts[prompt])) {
      const stored = (await call(`GET /api/v2/prompts/${prompt}/custom-text/${language}`, () => management.prompts.customText.get(prompt, language as never))) as Record<
        string,
        Record<string, string>
      >;
      const next: Record<string, Record<string, string>> = { ...stored };
      for (const [screen, screenTexts] of Object.entries(texts as PromptCustomTexts)) {
        const kept = Object.entries(stored?.[screen] ?? {}).filter(([key]) => !key.startsWith('var-assent-'));
        next[screen] = Object.fromEntries([...kept, ...Object.entries(screenTexts)]);
      }
      if (stable(stored ?? {}) === stable(next)) continue;
      const description = `PUT /api/v2/prompts/${prompt}/custom-text/${language}`;
      changes.push({ kind: 'custom-text', target: `${prompt}/${language}`, call: description, diff: lineDiff(stable(stored ?? {}), stable(next)) });
      writes.push(() => call(description, () => management.prompts.customText.set(prompt, language as never, next)));
    }
  }

  // Partials: ours at its entry point (and removed from any other), other partials kept.
  for (const prompt of SIGNUP_PROMPTS) {
    const stored = ((await call(`GET /api/v2/prompts/${prompt}/partials`, () => management.prompts.partials.get(prompt as never))) ?? {}) as Record<string, Record<string, string>>;
    const next: Record<string, Record<string, string>> = { ...stored };
    for (const [screen, entries] of Object.entries(content.partials[prompt as SignupPrompt] as PromptPartials)) {
      const kept = Object.entries(stored[screen] ?? {}).filter(([entry, html]) => !(entry in entries) && !isAssentPartial(html));
      next[screen] = Object.fromEntries([...kept, ...Object.entries(entries)]);
    }
    if (stable(stored) === stable(next)) continue;
    const description = `PUT /api/v2/prompts/${prompt}/partials`;
    changes.push({ kind: 'partials', target: prompt, call: description, diff: lineDiff(partialLines(stored), partialLines(next)) });
    writes.push(() => call(description, () => management.prompts.partials.set(prompt as never, next as never)));
  }

  // The page template: the tenant's own, checked, unless one is given.
  let storedTemplate: string | null = null;
  try {
    // Auth0 answers `{ body }`; the SDK's type also allows the bare string.
    const stored: unknown = await management.branding.templates.getUniversalLogin();
    storedTemplate = typeof stored === 'string' ? stored : ((stored as { body?: string } | null)?.body ?? null);
  } catch (error) {
    if (!(error instanceof ManagementError && error.statusCode === 404)) await call('GET /api/v2/branding/templates/universal-login', () => Promise.reject(error));
  }
  if (template === undefined) {
    if (storedTemplate === null)
      throw new DeployError('no_page_template', 'the tenant has no custom page template: Auth0 shows partials only inside one; pass `template` (the CLI: --template) to install one');
    checkTemplate(storedTemplate, "the tenant's page template");
  } else if (storedTemplate !== template) {
    const description = 'PUT /api/v2/branding/templates/universal-login';
    changes.push({ kind: 'template', target: 'universal-login', call: description, diff: lineDiff(storedTemplate ?? '', template) });
    writes.push(() => call(description, () => management.branding.templates.updateUniversalLogin({ template })));
  }

  // The Action: secret values are never returned, so the digest in a secret's name tells whether they changed.
  const found = (await call(`GET /api/v2/actions/actions?actionName=${actionName}`, () => management.actions.list({ actionName }))).data[0];
  const names = Object.keys(secrets);
  if (!found?.id) {
    if (actionCode === undefined)
      throw new DeployError('no_action', `the tenant has no Action named "${actionName}": create it from @assent/server/actions/pre-user-registration.js, or pass its code (the CLI: --action-code)`);
    const description = 'POST /api/v2/actions/actions';
    changes.push({ kind: 'action', target: actionName, call: description, diff: lineDiff('', [`code (${actionCode.length} characters)`, ...names.map((name) => `secret ${name}`)].join('\n')) });
    writes.push(async () => {
      const created = await call(description, () =>
        management.actions.create({
          name: actionName,
          supported_triggers: [{ id: 'pre-user-registration', version: 'v2' }],
          code: actionCode,
          runtime: 'node18',
          secrets: Object.entries(secrets).map(([name, value]) => ({ name, value })),
        }),
      );
      await call(`POST /api/v2/actions/actions/${created.id}/deploy`, () => management.actions.deploy(created.id as string));
    });
  } else {
    const id = found.id;
    const storedNames = (found.secrets ?? []).map((secret) => secret.name ?? '');
    const digest = names.find((name) => name.startsWith(DIGEST_SECRET_PREFIX)) as string;
    const codeChanged = actionCode !== undefined && found.code !== actionCode;
    const stale = storedNames.some((name) => STALE_SECRET.test(name));
    if (!storedNames.includes(digest) || codeChanged || stale) {
      // The Action's other secrets (ASSENT_FIELD_PREFIX of the signup-form path, the app's own) stay.
      const others = storedNames.filter((name) => name && !OWN_SECRET.test(name) && !STALE_SECRET.test(name));
      const description = `PATCH /api/v2/actions/actions/${id}`;
      const before = [...(found.code !== undefined && codeChanged ? [`code (${found.code.length} characters)`] : []), ...storedNames.map((name) => `secret ${name}`)].sort();
      const after = [...(codeChanged ? [`code (${actionCode.length} characters)`] : []), ...[...others, ...names].map((name) => `secret ${name}`)].sort();
      changes.push({ kind: 'action', target: actionName, call: description, diff: lineDiff(before.join('\n'), after.join('\n')) });
      writes.push(async () => {
        // Other secrets of the Action keep their values (a secret without a value keeps the stored one).
        const update = { secrets: [...others.map((name) => ({ name })), ...Object.entries(secrets).map(([name, value]) => ({ name, value }))], ...(codeChanged ? { code: actionCode } : {}) };
        await call(description, () => management.actions.update(id, update as never));
        await call(`POST /api/v2/actions/actions/${id}/deploy`, () => management.actions.deploy(id));
      });
    }
  }

  // After the Action's own write: Auth0 binds only an Action that exists and is deployed.
  const binding = await planBinding(management, actionName);
  if (binding) {
    changes.push({ kind: 'binding', target: 'pre-user-registration', call: binding.call, diff: binding.diff });
    writes.push(binding.write);
  }

  if (!dryRun) for (const write of writes) await write();
  return { policy: content.policy, changes, applied: !dryRun };
}

/** The partials of a prompt as lines: one heading per screen and entry point, then its HTML. */
function partialLines(partials: Record<string, Record<string, string>>): string {
  return Object.keys(partials)
    .sort()
    .flatMap((screen) =>
      Object.keys(partials[screen] ?? {})
        .sort()
        .flatMap((entry) => [`[${screen} ${entry}]`, ...(partials[screen]?.[entry] ?? '').split('\n')]),
    )
    .join('\n');
}

/** The changes as the CLI prints them: a heading per change, then its diff. */
export function formatChanges(result: DeployResult): string {
  if (!result.changes.length) return `${result.policy}: the tenant is up to date; nothing to change.`;
  const verb = result.applied ? 'changed' : 'would change (dry run)';
  return [
    `${result.policy}: ${result.changes.length} ${result.changes.length === 1 ? 'resource' : 'resources'} ${verb}`,
    ...result.changes.flatMap((change) => ['', `## ${change.kind} ${change.target}: ${change.call}`, change.diff]),
  ].join('\n');
}
