/**
 * Whether a decision sent by a browser is one the policy produces: same policy id and version,
 * every required purpose accepted, and the hash of the statement that the policy shows in that
 * language with exactly those purposes (core's `verifyDecision`). What passes is what the user was
 * shown and ticked, not merely what the client claims.
 */
import { loadMessages, verifyDecision, type ConsentDecision, type ConsentPolicy } from '@assent/core';
import { ApiError, invalidRequest } from '../errors.js';

/** @throws ApiError 409 `policy_mismatch`, 400 `invalid_request` (purposes) or 422 `decision_mismatch`. */
export async function checkDecision(decision: ConsentDecision, policy: ConsentPolicy, field = 'decision'): Promise<void> {
  if (decision.policy !== policy.id) {
    throw new ApiError(409, 'policy_mismatch', `${field}.policy: the decision is for policy ${JSON.stringify(decision.policy)}, this server records ${JSON.stringify(policy.id)}`, {
      field: `${field}.policy`,
    });
  }
  if (decision.version !== policy.version) {
    throw new ApiError(409, 'policy_mismatch', `${field}.version: the decision is for version ${decision.version}, the current policy is ${policy.version}: show the current policy and ask again`, {
      field: `${field}.version`,
    });
  }
  decision.purposes.forEach((id, index) => {
    if (!policy.purposes.some((purpose) => purpose.id === id)) throw invalidRequest(`${field}.purposes[${index}]`, `${JSON.stringify(id)} is not a purpose of the policy`);
  });
  for (const purpose of policy.purposes) {
    if (purpose.required && !decision.purposes.includes(purpose.id)) throw invalidRequest(`${field}.purposes`, `must include the required purpose ${JSON.stringify(purpose.id)}`);
  }
  if (!(await verifyDecision(decision, policy, await loadMessages(decision.locale)))) {
    throw new ApiError(
      422,
      'decision_mismatch',
      `${field}.hash: does not match the statement the policy shows in ${JSON.stringify(decision.locale)} for these purposes (changed text, purposes out of order, or a forged hash)`,
      {
        field: `${field}.hash`,
      },
    );
  }
}
