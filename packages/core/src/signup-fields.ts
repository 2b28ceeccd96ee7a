import type { ConsentDecision } from './types.js';

/**
 * The five signup wire fields of `decision` (`<prefix>policy`, `purposes`, `at`, `locale`,
 * `hash`), built without `encodeSignupFields`' checks. For a decision made by `decide` on a policy
 * that `validatePolicy` accepted (its ids, versions and lengths already fit the wire format and
 * Auth0's limits) under a prefix the caller has checked, as `<assent-terms>` does; anything else
 * calls `encodeSignupFields`.
 */
export function signupFields(decision: ConsentDecision, prefix = 'consent_'): Record<string, string> {
  return {
    [prefix + 'policy']: decision.policy + '@' + decision.version,
    [prefix + 'purposes']: String(decision.purposes),
    [prefix + 'at']: decision.at,
    [prefix + 'locale']: decision.locale,
    [prefix + 'hash']: decision.hash,
  };
}
