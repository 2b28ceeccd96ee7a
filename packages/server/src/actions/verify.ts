/**
 * The check every consent passes before an Action records it or lets a signup through.
 */
import { loadMessages, verifyDecision, type ConsentDecision, type ConsentPolicy } from '@assent/core';

/**
 * Whether `decision` is exactly what `policy` shows in the decision's locale with its purposes:
 * core's `verifyDecision` with that locale's built-in texts, as the server checks decisions. A
 * decision for another policy version never verifies.
 */
export async function verified(decision: ConsentDecision, policy: ConsentPolicy): Promise<boolean> {
  return verifyDecision(decision, policy, await loadMessages(decision.locale));
}
