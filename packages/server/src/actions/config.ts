/**
 * The Actions' configuration, read from their secrets (`event.secrets`) as `actionSecrets()` writes
 * them. A secret that is missing or malformed fails the Action with an error naming it: Auth0 then
 * fails the login or signup, which is safer than letting it through unchecked.
 */
import { ID_PATTERN, VERSION_PATTERN } from '@assent/core';

/** What the Actions know about the current policy and where to ask for consent. */
export interface ActionConfig {
  readonly policyId: string;
  readonly version: string;
  /** `<policy id>@<version>`. */
  readonly policy: string;
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** Versions of the documents behind the required purposes; null when the secret is not set. */
  readonly documents: Readonly<Record<string, string>> | null;
  readonly consentUrl: string;
  readonly sessionSecret: string;
  /** Prefix of the signup fields, `consent_` by default. */
  readonly prefix: string;
  /** `text_details` of a consent copied from signup fields. */
  readonly textDetails: string;
}

/** The secrets an Action receives. */
export type Secrets = Readonly<Record<string, string | undefined>>;

const list = (value: string | undefined): string[] =>
  String(value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** Reads and checks the secrets. @throws Error naming the secret when one is unusable. */
export function readActionConfig(secrets: Secrets): ActionConfig {
  const policy = String(secrets.ASSENT_POLICY ?? '');
  const at = policy.indexOf('@');
  const policyId = policy.slice(0, at);
  const version = policy.slice(at + 1);
  if (at < 0 || !ID_PATTERN.test(policyId) || !VERSION_PATTERN.test(version)) throw new Error('Assent: secret ASSENT_POLICY must be "<policy id>@<version>"');
  const required = list(secrets.ASSENT_REQUIRED_PURPOSES);
  if (required.length === 0 || !required.every((id) => ID_PATTERN.test(id))) throw new Error('Assent: secret ASSENT_REQUIRED_PURPOSES must list the required purpose ids');
  const optional = list(secrets.ASSENT_OPTIONAL_PURPOSES);
  if (!optional.every((id) => ID_PATTERN.test(id))) throw new Error('Assent: secret ASSENT_OPTIONAL_PURPOSES must list purpose ids');
  let documents: Record<string, string> | null = null;
  if (secrets.ASSENT_REQUIRED_DOCUMENTS) {
    documents = {};
    for (const item of list(secrets.ASSENT_REQUIRED_DOCUMENTS)) {
      const [id = '', documentVersion = ''] = item.split('@');
      if (!ID_PATTERN.test(id) || !VERSION_PATTERN.test(documentVersion)) throw new Error('Assent: secret ASSENT_REQUIRED_DOCUMENTS must be "<document id>@<version>,..."');
      documents[id] = documentVersion;
    }
  }
  return {
    policyId,
    version,
    policy,
    required,
    optional,
    documents,
    consentUrl: secrets.ASSENT_CONSENT_URL ?? '',
    sessionSecret: secrets.ASSENT_SESSION_SECRET ?? '',
    prefix: secrets.ASSENT_FIELD_PREFIX || 'consent_',
    textDetails: String(secrets.ASSENT_TEXT_DETAILS ?? '').slice(0, 500),
  };
}
