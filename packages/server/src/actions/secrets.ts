/**
 * The secrets of the Assent Actions (`actions/post-login.js`, `actions/pre-user-registration.js`)
 * derived from the same consent policy the handler serves, so the two cannot drift apart: paste
 * them into the Action editor, or give them to the Deploy CLI or a tenant file.
 */
import { acceptedDocuments, parsePolicy, type ConsentPolicy } from '@assent/core';
import { checkSessionSecret, httpsOrLoopbackUrl } from '../config.js';

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
}

/** The secrets by name, as `event.secrets` gives them to the Actions. */
export type ActionSecrets = Readonly<Record<string, string>>;

/**
 * The Action secrets for a policy: `ASSENT_POLICY` (`id@version`), the required and optional
 * purposes, the documents behind the required purposes with their versions (so a new policy
 * version that changes none of them does not ask again), the consent page, the session secret and
 * `ASSENT_TEXT_DETAILS` (the first document of the first required purpose, as core's consent object).
 * @throws ConfigError naming the option; PolicyError (from core) for an invalid policy.
 */
export function actionSecrets(options: ActionSecretsOptions): ActionSecrets {
  const policy = parsePolicy(options.policy);
  const consentUrl = httpsOrLoopbackUrl(options.consentUrl, 'consentUrl');
  checkSessionSecret(options.sessionSecret, 'sessionSecret', 'the consentPage.sessionSecret of the handler');
  const required = policy.purposes.filter((purpose) => purpose.required);
  const optional = policy.purposes.filter((purpose) => !purpose.required);
  const documents = Object.entries(acceptedDocuments(policy, required.map((purpose) => purpose.id)) ?? {});
  const textDocument = policy.documents.find((document) => document.id === required[0]?.documents?.[0]) ?? policy.documents[0];
  return {
    ASSENT_POLICY: `${policy.id}@${policy.version}`,
    ASSENT_REQUIRED_PURPOSES: required.map((purpose) => purpose.id).join(','),
    ...(optional.length ? { ASSENT_OPTIONAL_PURPOSES: optional.map((purpose) => purpose.id).join(',') } : {}),
    ...(documents.length ? { ASSENT_REQUIRED_DOCUMENTS: documents.map(([id, version]) => `${id}@${version}`).join(',') } : {}),
    ASSENT_CONSENT_URL: consentUrl.href,
    ASSENT_SESSION_SECRET: options.sessionSecret,
    ...(options.fieldPrefix !== undefined ? { ASSENT_FIELD_PREFIX: options.fieldPrefix } : {}),
    ...(textDocument ? { ASSENT_TEXT_DETAILS: textDocument.url } : {}),
  };
}
