/**
 * Deploys the consent Form to an Auth0 tenant with the official `auth0` SDK: finds the Form by name,
 * creates it when the tenant has none, updates it when what is stored differs from what the policy
 * gives, and otherwise writes nothing, so a second run changes nothing. A dry run writes nothing
 * and returns the diff.
 */
import type { ManagementClient } from 'auth0';
import { call, stable } from './deploy-error.js';
import type { DeployChange, DeployResult } from './deploy.js';
import { lineDiff } from './diff.js';
import { resolveLocale } from '@assent/core';
import { PartialLimitError } from './errors.js';
import { DEFAULT_FORM_NAME, generateConsentForm, type ConsentFormOptions, type FormBody } from './form.js';
import { DEFAULT_LANGUAGES } from './partials.js';

/** Options of `deployConsentForm`. */
export interface DeployFormOptions extends ConsentFormOptions {
  /** An `auth0` 7.x ManagementClient; its token needs read:forms, and create:forms or update:forms to write. */
  readonly management: ManagementClient;
  /** The consent policy (validated with `parsePolicy`). */
  readonly policy: unknown;
  /** Compute and return the changes without writing anything. */
  readonly dryRun?: boolean;
}

/** What a Form deployment did; `formId` is what the post-login Action's `ASSENT_FORM_ID` secret needs (null in a dry run that would create it). */
export interface DeployFormResult extends DeployResult {
  readonly formId: string | null;
}

/** The stored Form reduced to the keys Assent writes, so Auth0's own additions (ids, dates) are no difference. */
function comparable(stored: Readonly<Record<string, unknown>>, body: FormBody): Record<string, unknown> {
  return Object.fromEntries(Object.keys(body).map((key) => [key, stored[key] ?? null]));
}

/**
 * Deploys the consent Form of `policy`.
 * @throws {DeployError} `management_api_error` when Auth0 refuses a call (`statusCode`, `body`);
 *   PartialLimitError and PolicyError from generation (before any call).
 * @example const { formId } = await deployConsentForm({ management, policy, element: { scriptUrl, integrity } });
 */
export async function deployConsentForm(options: DeployFormOptions): Promise<DeployFormResult> {
  const { management, policy, dryRun = false, ...generation } = options;
  const form = await generateConsentForm(policy, generation);
  const { body } = form;
  const page = await call('GET /api/v2/forms', () => management.forms.list({ per_page: 100 }));
  const found = page.data.find((summary) => summary.name === body.name);
  const changes: DeployChange[] = [];
  let formId: string | null = found?.id ?? null;
  if (!found) {
    const description = 'POST /api/v2/forms';
    changes.push({ kind: 'form', target: body.name, call: description, diff: lineDiff('', stable(body)) });
    if (!dryRun) formId = (await call(description, () => management.forms.create(body as never))).id;
  } else {
    const stored = (await call(`GET /api/v2/forms/${found.id}`, () => management.forms.get(found.id))) as unknown as Record<string, unknown>;
    const before = stable(comparable(stored, body));
    const after = stable(body);
    if (before !== after) {
      const description = `PATCH /api/v2/forms/${found.id}`;
      changes.push({ kind: 'form', target: body.name, call: description, diff: lineDiff(before, after) });
      if (!dryRun) await call(description, () => management.forms.update(found.id, body as never));
    }
  }
  return { policy: form.policy, changes, applied: !dryRun, formId };
}

/** Options of `deployConsentForms`. */
export interface DeployFormsOptions extends Omit<DeployFormOptions, 'locale' | 'name'> {
  /**
   * The Forms' languages, the first being the one the Action falls back to. Default: Assent's
   * languages that Auth0 offers (`DEFAULT_LANGUAGES`, English first).
   */
  readonly languages?: readonly string[];
  /** The Forms' name, each followed by `-<language>`. Default `assent-consent`. */
  readonly name?: string;
}

/** What a deployment of one Form per language did; `formIds` is what the Forms Action's `ASSENT_FORM_IDS` secret needs. */
export interface DeployFormsResult extends DeployResult {
  /** The Form of each language, in the order given (null in a dry run that would create it). */
  readonly formIds: Readonly<Record<string, string | null>>;
}

/**
 * Deploys one consent Form per language: `<name>-<language>`, each with the Legal fields, the notice,
 * the button and the hidden `consent_locale` in that language. Auth0 Forms choose their translation
 * by the browser's language, which the Action never learns, while a consent must be recorded in the
 * language that was shown: so each language is a Form of its own, and the Forms Action renders the
 * one of the login's language (`formActionSecrets({ formIds })` of @assent/server).
 *
 * @throws {PartialLimitError} `invalid_option` for an empty or repeated list or a language Assent has no texts for; DeployError as `deployConsentForm`.
 * @example const { formIds } = await deployConsentForms({ management, policy, languages: ['en', 'de'], element });
 */
export async function deployConsentForms(options: DeployFormsOptions): Promise<DeployFormsResult> {
  const { languages = DEFAULT_LANGUAGES, name = DEFAULT_FORM_NAME, ...common } = options;
  if (!languages.length || new Set(languages).size !== languages.length) throw new PartialLimitError('invalid_option', 'languages', 'must be a non-empty list of distinct languages');
  for (const language of languages) if (resolveLocale(language) !== language) throw new PartialLimitError('invalid_option', 'languages', `"${language}" is not one of Assent's built-in languages`);
  // Generation refuses a bad name or policy before anything is written.
  for (const language of languages) await generateConsentForm(common.policy, { ...common, name: `${name}-${language}`, locale: language });
  const changes: DeployChange[] = [];
  const formIds: Record<string, string | null> = {};
  let policy = '';
  for (const language of languages) {
    const result = await deployConsentForm({ ...common, name: `${name}-${language}`, locale: language });
    changes.push(...result.changes);
    formIds[language] = result.formId;
    policy = result.policy;
  }
  return { policy, changes, applied: !(common.dryRun ?? false), formIds };
}
