/**
 * The secrets of the pre-user-registration Action (`@assent/server/actions/pre-user-registration.js`)
 * for Universal Login: the policy JSON it proves the consent against. Auth0 never returns secret values, so a digest of them travels in a secret's name: a second
 * deployment can tell, from the names alone, that nothing changed.
 */
import { createHash } from 'node:crypto';
import { parsePolicy, UNIVERSAL_LOGIN_PREFIX, type ConsentPolicy } from '@assent/core';
import { PartialLimitError } from './errors.js';

/** Auth0's limits on Action secrets. */
export const SECRET_LIMITS = { maxSecrets: 30, maxValueLength: 4096 } as const;

/** Prefix of the secret whose name carries the digest of the others. */
export const DIGEST_SECRET_PREFIX = 'ASSENT_DIGEST_';

/** The Action's secrets by name. */
export type UniversalLoginSecrets = Readonly<Record<string, string>>;

/**
 * The Action's secrets for `policy`: `ASSENT_POLICY_JSON`, the policy the Action proves consents
 * against (continued in `ASSENT_POLICY_JSON_2`, `_3`… past Auth0's 4,096 characters),
 * `ASSENT_ULP_PREFIX` for a prefix other than `ulp-consent_`, and `ASSENT_DIGEST_<digest>`.
 *
 * @throws {PartialLimitError} `too_many_secrets` when the policy needs more secrets than Auth0 allows.
 */
export function universalLoginActionSecrets(input: ConsentPolicy | unknown, { prefix = UNIVERSAL_LOGIN_PREFIX }: { readonly prefix?: string } = {}): UniversalLoginSecrets {
  const policy = parsePolicy(input);
  const secrets: Record<string, string> = prefix !== UNIVERSAL_LOGIN_PREFIX ? { ASSENT_ULP_PREFIX: prefix } : {};
  const json = JSON.stringify(policy);
  const parts = Math.ceil(json.length / SECRET_LIMITS.maxValueLength);
  for (let part = 0; part < parts; part++) {
    // Split by UTF-16 units; Auth0 counts runes, which are never more.
    secrets[part ? `ASSENT_POLICY_JSON_${part + 1}` : 'ASSENT_POLICY_JSON'] = json.slice(part * SECRET_LIMITS.maxValueLength, (part + 1) * SECRET_LIMITS.maxValueLength);
  }
  const count = Object.keys(secrets).length + 1;
  if (count > SECRET_LIMITS.maxSecrets) {
    throw new PartialLimitError('too_many_secrets', 'action.secrets', `${count} secrets; Auth0 allows at most ${SECRET_LIMITS.maxSecrets} per Action`, SECRET_LIMITS.maxSecrets, count);
  }
  const digest = createHash('sha256')
    .update(JSON.stringify(Object.entries(secrets).sort()))
    .digest('hex')
    .slice(0, 32);
  secrets[DIGEST_SECRET_PREFIX + digest] = '1';
  return secrets;
}
