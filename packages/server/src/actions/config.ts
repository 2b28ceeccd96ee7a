/**
 * The Actions' configuration, read from their secrets (`event.secrets`) as `actionSecrets()` writes
 * them. A secret that is missing or malformed fails the Action with an error naming it: Auth0 then
 * fails the login or signup, which is safer than letting it through unchecked.
 */
import { AssentError, parsePolicy, type ConsentPolicy } from '@assent/core';

/**
 * The secret holding the consent policy as JSON. A policy longer than one secret value continues
 * in `ASSENT_POLICY_JSON_2`, `ASSENT_POLICY_JSON_3`, ... (read until the first one missing).
 */
export const POLICY_SECRET = 'ASSENT_POLICY_JSON';
/** The secret of the Forms Action holding one consent Form per language: JSON, language -> Form id, the first the fallback. */
export const FORM_IDS_SECRET = 'ASSENT_FORM_IDS';
/** Auth0: "each secret value may have a maximum length of 4096 characters" (Actions limitations). */
export const SECRET_VALUE_MAX_LENGTH = 4096;
/** Auth0: "Each Action may have a maximum of 30 secrets". */
export const MAX_SECRETS = 30;

/** What the Actions know: the current policy and where to ask for consent. */
export interface ActionConfig {
  /** The consent policy the handler serves, validated with core's `parsePolicy`. */
  readonly policy: ConsentPolicy;
  /** `<policy id>@<version>`. */
  readonly policyName: string;
  /** The consent page (`ASSENT_CONSENT_URL`); checked where it is needed, when asking. */
  readonly consentUrl: string;
  /** Shared with the consent page (`ASSENT_SESSION_SECRET`); checked where it is needed. */
  readonly sessionSecret: string;
  /** Prefix of the signup fields (`ASSENT_FIELD_PREFIX`), `consent_` by default. */
  readonly prefix: string;
}

/** The secrets an Action receives. */
export type Secrets = Readonly<Record<string, string | undefined>>;

/** The policy's JSON text, joined from its parts. */
function policyText(secrets: Secrets): string {
  let text = secrets[POLICY_SECRET] ?? '';
  for (let part = 2; secrets[`${POLICY_SECRET}_${part}`] !== undefined; part++) text += secrets[`${POLICY_SECRET}_${part}`];
  return text;
}

// One login after another runs in the same instance: parse a policy once per text.
let cached: { text: string; policy: ConsentPolicy } | undefined;

/** Reads and checks the secrets. @throws Error naming the secret when one is unusable. */
export function readActionConfig(secrets: Secrets): ActionConfig {
  const text = policyText(secrets);
  if (!text) throw new Error(`Assent: secret ${POLICY_SECRET} is required: the consent policy (actionSecrets() of @assent/server writes it), against which the Action verifies consents`);
  if (cached?.text !== text) {
    let policy: ConsentPolicy;
    try {
      policy = parsePolicy(JSON.parse(text));
    } catch (error) {
      if (!(error instanceof SyntaxError || error instanceof AssentError)) throw error;
      throw new Error(`Assent: secret ${POLICY_SECRET} is not a valid consent policy: ${error.message}`);
    }
    cached = { text, policy };
  }
  const { policy } = cached;
  return {
    policy,
    policyName: `${policy.id}@${policy.version}`,
    consentUrl: secrets.ASSENT_CONSENT_URL ?? '',
    sessionSecret: secrets.ASSENT_SESSION_SECRET ?? '',
    prefix: secrets.ASSENT_FIELD_PREFIX || 'consent_',
  };
}
