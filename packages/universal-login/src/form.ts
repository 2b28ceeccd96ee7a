/**
 * The consent Form for Auth0's Forms for Actions, generated from one consent policy: the body of
 * `POST /api/v2/forms` (and `PATCH /api/v2/forms/{id}`). A post-login Action renders it with
 * `api.prompt.render(formId, { vars: { locale } })` (@assent/server's `actions/post-login-form.js`)
 * and proves the answer in `onContinuePostLogin` with core's `readFormFields` and
 * `universalLoginDecision`.
 *
 * One step holds, in this order: the controller's name as the heading, the custom field `consent_terms` that loads the single-file
 * `<assent-terms>` (when `element` is given), the Legal fields (`consent_required` for the
 * required purposes, `consent_p_<id>` per optional purpose, none ticked) that answer when the
 * script cannot run, the withdrawal notice and the controller, and the submit button. The policy
 * version and the language of the Legal texts travel as hidden fields, so the Action hashes the
 * texts that were shown.
 */
import { FORM_FIELD_IDS, loadMessages, parsePolicy, purposeText, resolveLocale, resolveMessage, type ConsentPolicy, type Messages, type TextPart } from '@assent/core';
import { escapeHtml } from './escape.js';
import { PartialLimitError } from './errors.js';
import { CUSTOM_FIELD_CODE } from './form-field-code.js';
import { FORM_CONTINUE_LABELS } from './form-labels.js';
import { requiredParts } from './texts.js';

/** The Form's name when none is given: the deploy finds the Form by it. */
export const DEFAULT_FORM_NAME = 'assent-consent';

/** Where the custom field loads `<assent-terms>` from. */
export interface FormElement {
  /** URL of the single-file build (`dist/cdn/assent-terms.js` of this package), https, served with CORS. */
  readonly scriptUrl: string;
  /** Its Subresource Integrity hash, `sha384-…` (`dist/cdn/manifest.json`). */
  readonly integrity: string;
}

/** Options of `generateConsentForm`. */
export interface ConsentFormOptions {
  /** The Form's name (Auth0 shows it in the dashboard; the deploy finds the Form by it). Default `assent-consent`. */
  readonly name?: string;
  /**
   * Language of the Form's texts: the Legal fields, the notice and the button (`form.continue`, which
   * the policy's `messages` may override). The element shows the Action's `vars.locale`: the Forms
   * Action passes the language of the Form it renders. Default `en`.
   */
  readonly locale?: string;
  /** The custom field with `<assent-terms>`; without it the Form has the Legal fields only. */
  readonly element?: FormElement;
  /** Built-in texts of a locale; core's `loadMessages` by default. */
  readonly messagesFor?: (locale: string) => Promise<Messages>;
}

/** A Form component as the Management API stores it (the subset Assent writes). */
export interface FormComponentBody {
  readonly id: string;
  readonly category: 'BLOCK' | 'FIELD';
  readonly type: 'RICH_TEXT' | 'NEXT_BUTTON' | 'LEGAL' | 'CUSTOM';
  readonly label?: string;
  readonly required?: boolean;
  readonly config: Readonly<Record<string, unknown>>;
}

/** The body of `POST /api/v2/forms`. */
export interface FormBody {
  readonly name: string;
  readonly languages: { readonly primary: string };
  readonly start: { readonly hidden_fields: readonly { readonly key: string; readonly value: string }[]; readonly next_node: string };
  readonly nodes: readonly {
    readonly id: string;
    readonly type: 'STEP';
    readonly alias: string;
    readonly config: { readonly components: readonly FormComponentBody[]; readonly next_node: '$ending' };
  }[];
  readonly ending: { readonly resume_flow: true };
}

/** What `generateConsentForm` returns. */
export interface ConsentForm {
  /** `<policy id>@<version>` the Form was generated from. */
  readonly policy: string;
  /** Language of the Legal texts. */
  readonly locale: string;
  readonly body: FormBody;
}

/** The id of the step node. */
export const FORM_STEP_ID = 'assent_consent';

/** A sentence as Form rich text: escaped text, document links opening in a new tab. */
function richText(parts: readonly TextPart[], newTab: string): string {
  return parts
    .map((part) => (part.href ? `<a href="${escapeHtml(part.href)}" target="_blank" rel="noopener noreferrer" title="${escapeHtml(newTab)}">${escapeHtml(part.text)}</a>` : escapeHtml(part.text)))
    .join('');
}

/** The JSON Schema of the custom field's value, which Auth0 checks on the server. */
const ELEMENT_SCHEMA = {
  type: ['object', 'null'],
  properties: {
    policy: { type: 'string' },
    version: { type: 'string' },
    purposes: { type: 'array', items: { type: 'string' } },
    locale: { type: 'string' },
    hash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  },
  required: ['policy', 'version', 'purposes', 'locale', 'hash'],
  additionalProperties: false,
};

function checkElement(element: FormElement): void {
  let url: URL;
  try {
    url = new URL(element.scriptUrl);
  } catch {
    throw new PartialLimitError('invalid_option', 'element.scriptUrl', 'must be an absolute URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))) {
    throw new PartialLimitError('invalid_option', 'element.scriptUrl', 'must be https (plain http only on loopback)');
  }
  if (!/^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/.test(element.integrity)) throw new PartialLimitError('invalid_option', 'element.integrity', 'must be an SRI hash such as "sha384-…"');
}

/**
 * Generates the consent Form of `policy`: the body for `POST /api/v2/forms`. Policy texts are
 * HTML-escaped (braces too, so they never become Form variables); the Legal texts are core's
 * `purposeText` of `locale`, exactly what core hashes for that locale.
 *
 * @throws {PartialLimitError} `invalid_option` naming the option; PolicyError (from core) for an invalid policy.
 * @example const { body } = await generateConsentForm(policy, { element: { scriptUrl, integrity } });
 */
export async function generateConsentForm(input: ConsentPolicy | unknown, options: ConsentFormOptions = {}): Promise<ConsentForm> {
  const policy = parsePolicy(input);
  const { name = DEFAULT_FORM_NAME, element, messagesFor = loadMessages } = options;
  if (!/^\S(.{0,148}\S)?$/.test(name)) throw new PartialLimitError('invalid_option', 'name', 'must be 1 to 150 characters without surrounding spaces');
  if (options.locale !== undefined && resolveLocale(options.locale) !== options.locale)
    throw new PartialLimitError('invalid_option', 'locale', `"${options.locale}" is not one of Assent's built-in languages`);
  const locale = options.locale ?? 'en';
  if (element) checkElement(element);
  const messages = await messagesFor(locale);
  // The button's label is no core text: its built-in translations live beside the Form, a policy may override `form.continue`.
  const t = (key: string) => resolveMessage(policy, locale, { ...messages, 'form.continue': FORM_CONTINUE_LABELS[locale] ?? FORM_CONTINUE_LABELS.en ?? 'Continue' }, key);
  const newTab = t('link.newTab');
  const optional = policy.purposes.filter((purpose) => !purpose.required);
  const legal: FormComponentBody[] = [
    { id: FORM_FIELD_IDS.required, category: 'FIELD', type: 'LEGAL', required: false, config: { text: richText(requiredParts(policy, locale, messages), newTab) } },
    ...optional.map(
      (purpose): FormComponentBody => ({
        id: FORM_FIELD_IDS.optional(purpose.id),
        category: 'FIELD',
        type: 'LEGAL',
        required: false,
        config: { text: richText(purposeText(policy, purpose.id, locale, messages), newTab) },
      }),
    ),
  ];
  const custom: FormComponentBody[] = element
    ? [
        {
          id: FORM_FIELD_IDS.element,
          category: 'FIELD',
          type: 'CUSTOM',
          required: false,
          config: {
            code: CUSTOM_FIELD_CODE,
            schema: ELEMENT_SCHEMA,
            params: {
              policy: JSON.stringify(policy).replaceAll('{{', '{\\u007b'),
              locale: '{{vars.locale}}',
              script_url: element.scriptUrl,
              integrity: element.integrity,
              fallback: legal.map((component) => component.id).join(','),
            },
          },
        },
      ]
    : [];
  const hint = optional.length ? t('optional.hint') : '';
  const withdrawal =
    hint && policy.withdrawal
      ? `<a href="${escapeHtml(policy.withdrawal.url)}" target="_blank" rel="noopener noreferrer" title="${escapeHtml(newTab)}">${escapeHtml(hint)}</a> `
      : hint
        ? escapeHtml(hint) + ' '
        : '';
  const controller = escapeHtml(policy.controller.name + (policy.controller.contact ? ` · ${policy.controller.contact}` : ''));
  const components: FormComponentBody[] = [
    { id: 'assent_heading', category: 'BLOCK', type: 'RICH_TEXT', config: { content: `<h1>${escapeHtml(policy.controller.name)}</h1>` } },
    ...custom,
    ...legal,
    { id: 'assent_notice', category: 'BLOCK', type: 'RICH_TEXT', config: { content: `<p>${withdrawal}${controller}</p>` } },
    { id: 'assent_submit', category: 'BLOCK', type: 'NEXT_BUTTON', config: { text: t('form.continue') } },
  ];
  const policyName = `${policy.id}@${policy.version}`;
  return {
    policy: policyName,
    locale,
    body: {
      name,
      languages: { primary: locale },
      start: {
        hidden_fields: [
          { key: FORM_FIELD_IDS.policy, value: policyName },
          { key: FORM_FIELD_IDS.locale, value: locale },
        ],
        next_node: FORM_STEP_ID,
      },
      nodes: [{ id: FORM_STEP_ID, type: 'STEP', alias: 'Consent', config: { components, next_node: '$ending' } }],
      ending: { resume_flow: true },
    },
  };
}
