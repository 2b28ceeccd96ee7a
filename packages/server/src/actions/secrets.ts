/**
 * The secrets of the Assent Actions (`actions/post-login.js`, `actions/pre-user-registration.js`)
 * derived from the same consent policy the handler serves, so the two cannot drift apart: paste
 * them into the Action editor, or give them to the Deploy CLI or a tenant file.
 */
import { LOCALE_PATTERN, parsePolicy, type ConsentPolicy } from '@assent/core';
import { checkSessionSecret, httpsOrLoopbackUrl } from '../config.js';
import { ConfigError } from '../errors.js';
import { FORM_IDS_SECRET, MAX_SECRETS, POLICY_SECRET, SECRET_VALUE_MAX_LENGTH } from './config.js';
import { CLAIM_NAMESPACE_SECRET } from './consent-claim.js';

/** Options of {@link actionSecrets}. */
export interface ActionSecretsOptions {
  /** The consent policy (validated with `parsePolicy`): the one the handler serves. */
  readonly policy: ConsentPolicy | unknown;
  /** The consent page: the handler's `{basePath}/consent/page` on its public origin. https (plain http only on loopback). */
  readonly consentUrl: string;
  /** The secret shared with the handler (`consentPage.sessionSecret`): at least 32 characters. */
  readonly sessionSecret: string;
  /** Prefix of the signup fields when `<assent-terms name>` is not `consent`. Default `consent_`. */
  readonly fieldPrefix?: string;
  /** Namespace of the consent claim in the tokens (`<namespace>consent`), an http(s) URL. Default `https://assent.dev/`. */
  readonly claimNamespace?: string;
}

/** The secrets by name, as `event.secrets` gives them to the Actions. */
export type ActionSecrets = Readonly<Record<string, string>>;

/** The policy's JSON in parts of at most one secret value each (counted in code points, as Auth0 counts). */
function policyParts(json: string): string[] {
  const points = Array.from(json);
  const parts: string[] = [];
  for (let start = 0; start < points.length; start += SECRET_VALUE_MAX_LENGTH) parts.push(points.slice(start, start + SECRET_VALUE_MAX_LENGTH).join(''));
  return parts;
}

/**
 * The Action secrets for a policy: `ASSENT_POLICY_JSON`, the policy itself (the Actions verify
 * every consent hash against its statement, and ask again by core's `needsReconsent`); a policy
 * over Auth0's 4096 characters per secret continues in `ASSENT_POLICY_JSON_2`, `_3`, ...; then
 * the consent page (`ASSENT_CONSENT_URL`), the shared session secret (`ASSENT_SESSION_SECRET`) and
 * the prefix of the signup fields (`ASSENT_FIELD_PREFIX`) when one is given.
 * @throws ConfigError naming the option (a consent page that is not https, a short secret);
 *   PolicyError (from core) for an invalid policy, among them one too large for Auth0's secrets
 *   (over core's `MAX_POLICY_LENGTH`).
 */
export function actionSecrets(options: ActionSecretsOptions): ActionSecrets {
  const policy = parsePolicy(options.policy);
  const consentUrl = httpsOrLoopbackUrl(options.consentUrl, 'consentUrl');
  checkSessionSecret(options.sessionSecret, 'sessionSecret', 'the consentPage.sessionSecret of the handler');
  const parts = policyParts(JSON.stringify(policy));
  const others = 2 + (options.fieldPrefix !== undefined ? 1 : 0) + (options.claimNamespace !== undefined ? 1 : 0);
  // Unreachable while core's MAX_POLICY_LENGTH holds (at most 25 parts, beside at most 4 others); kept so a larger limit there cannot produce secrets Auth0 refuses.
  if (parts.length + others > MAX_SECRETS) {
    throw new ConfigError('policy', `needs ${parts.length} secrets of ${SECRET_VALUE_MAX_LENGTH} characters as JSON; with the other ${others}, that is over Auth0's ${MAX_SECRETS} secrets per Action`);
  }
  return {
    ...Object.fromEntries(parts.map((part, index) => [index === 0 ? POLICY_SECRET : `${POLICY_SECRET}_${index + 1}`, part])),
    ASSENT_CONSENT_URL: consentUrl.href,
    ASSENT_SESSION_SECRET: options.sessionSecret,
    ...(options.fieldPrefix !== undefined ? { ASSENT_FIELD_PREFIX: options.fieldPrefix } : {}),
    ...claimSecret(options.claimNamespace),
  };
}

function claimSecret(namespace: string | undefined): Record<string, string> {
  if (namespace === undefined) return {};
  return { [CLAIM_NAMESPACE_SECRET]: httpsOrLoopbackUrl(namespace, 'claimNamespace').href };
}

/** Options of {@link formActionSecrets}. */
export interface FormActionSecretsOptions {
  /** The consent policy (validated with `parsePolicy`): the one the Form was generated from. */
  readonly policy: ConsentPolicy | unknown;
  /** The consent Form's id (`ap_…`), as `deployConsentForm` of @assent/universal-login returns it. */
  readonly formId?: string;
  /**
   * One consent Form per language (`{ en: 'ap_…', de: 'ap_…' }`), as `deployConsentForms` returns
   * them: the Action renders the Form of the login's language, else the first one. Takes the place of `formId`.
   */
  readonly formIds?: Readonly<Record<string, string>>;
  /** Namespace of the consent claim in the tokens. Default `https://assent.dev/`. */
  readonly claimNamespace?: string;
}

const FORM_ID = /^ap_[A-Za-z0-9]+$/;

/** The Form secrets: `ASSENT_FORM_ID`, or `ASSENT_FORM_IDS` (JSON, language -> Form id). */
function formSecrets(options: FormActionSecretsOptions): Record<string, string> {
  const { formId, formIds } = options;
  if ((formId === undefined) === (formIds === undefined))
    throw new ConfigError(formId === undefined ? 'formId' : 'formIds', 'give formId (one Form) or formIds (one Form per language), not both and not neither');
  if (formId !== undefined) {
    if (typeof formId !== 'string' || !FORM_ID.test(formId)) throw new ConfigError('formId', `must be the id of an Auth0 Form (ap_…), got ${JSON.stringify(formId)}`);
    return { ASSENT_FORM_ID: formId };
  }
  const entries = Object.entries(Object(formIds) as Record<string, unknown>);
  if (!entries.length) throw new ConfigError('formIds', 'must name the Form of at least one language');
  for (const [language, id] of entries) {
    if (!LOCALE_PATTERN.test(language)) throw new ConfigError('formIds', `"${language}" is not a language code`);
    if (typeof id !== 'string' || !FORM_ID.test(id)) throw new ConfigError('formIds', `the Form of "${language}" must be the id of an Auth0 Form (ap_…), got ${JSON.stringify(id)}`);
  }
  const json = JSON.stringify(Object.fromEntries(entries));
  if (Array.from(json).length > SECRET_VALUE_MAX_LENGTH) throw new ConfigError('formIds', `is ${json.length} characters as JSON, over Auth0's ${SECRET_VALUE_MAX_LENGTH} per secret`);
  return { [FORM_IDS_SECRET]: json };
}

/**
 * The secrets of the Forms variant of the post-login Action (`actions/post-login-form.js`): the
 * policy as for `actionSecrets` (`ASSENT_POLICY_JSON`, continued in `_2`, `_3`, ...), the Form's id
 * (`ASSENT_FORM_ID`) or the Forms of each language (`ASSENT_FORM_IDS`) and, when given, the claim
 * namespace (`ASSENT_CLAIM_NAMESPACE`).
 * @throws ConfigError naming the option; PolicyError (from core) for an invalid policy.
 */
export function formActionSecrets(options: FormActionSecretsOptions): ActionSecrets {
  const policy = parsePolicy(options.policy);
  const forms = formSecrets(options);
  const parts = policyParts(JSON.stringify(policy));
  const others = 1 + (options.claimNamespace !== undefined ? 1 : 0);
  if (parts.length + others > MAX_SECRETS) {
    throw new ConfigError('policy', `needs ${parts.length} secrets of ${SECRET_VALUE_MAX_LENGTH} characters as JSON; with the other ${others}, that is over Auth0's ${MAX_SECRETS} secrets per Action`);
  }
  return {
    ...Object.fromEntries(parts.map((part, index) => [index === 0 ? POLICY_SECRET : `${POLICY_SECRET}_${index + 1}`, part])),
    ...forms,
    ...claimSecret(options.claimNamespace),
  };
}
