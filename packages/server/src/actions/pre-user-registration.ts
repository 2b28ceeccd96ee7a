/**
 * Assent pre-user-registration Action (trigger "Sign Up / Pre User Registration"), built into
 * `actions/pre-user-registration.js`. Optional, for tenants that want Auth0 to refuse a database
 * signup without consent: a signup passes when it carries the consent fields (core's signup wire
 * format, list or Lock variant) for the current policy with every required purpose accepted and a
 * hash that verifies against the policy's statement for its locale (core's `verifyDecision`).
 * Otherwise `api.access.deny(reason, userMessage)`: Auth0 answers the signup with
 * `extensibility_error` and the user message. Social signups never reach this trigger; the
 * post-login Action asks them on the consent page.
 *
 * Universal Login signups (the `ulp-` fields of @assent/universal-login's partials in the request
 * body) are proven and recorded here instead: see universal-login.ts.
 */
import { DecodeError } from '@assent/core';
import type { PreUserRegistrationApi, PreUserRegistrationEvent } from './auth0.js';
import { readActionConfig, type ActionConfig } from './config.js';
import { readSignupClaim, type SignupClaimSource } from './signup-claim.js';
import { userMetadataFields } from './signup-fields.js';
import { universalLoginConsent } from './universal-login.js';
import { verified } from './verify.js';

const MISSING = 'Please accept the terms to sign up.';
const CHANGED = 'The terms have changed: please reload the page and accept them again.';

/** Where a signup can carry the consent fields, asked in this order. */
const SIGNUP_SOURCES: readonly SignupClaimSource[] = [userMetadataFields];

/** What is wrong with the signup's consent, as [reason for the logs, message for the user]; null when it passes. */
async function problem(event: PreUserRegistrationEvent, config: ActionConfig): Promise<[string, string] | null> {
  let claim;
  try {
    claim = await readSignupClaim(event, config, SIGNUP_SOURCES);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    return [`consent_${error.code === 'missing_field' ? 'missing' : 'malformed'}: ${error.path}`, MISSING];
  }
  if (!claim) return [`consent_missing: ${config.prefix}policy`, MISSING];
  const { decision } = claim;
  const policy = `${decision.policy}@${decision.version}`;
  if (policy !== config.policyName) return [`consent_outdated: ${policy} instead of ${config.policyName}`, CHANGED];
  const missing = config.policy.purposes.find((purpose) => purpose.required && !decision.purposes.includes(purpose.id));
  if (missing) return [`consent_missing: required purpose ${missing.id}`, MISSING];
  // The hash must be that of the statement the policy shows in this locale with these purposes:
  // otherwise the form showed other texts (an old page) or the fields were made up.
  if (!(await verified(decision, config.policy))) return [`consent_unverified: ${config.prefix}hash does not match the statement of ${policy} in ${JSON.stringify(decision.locale)}`, CHANGED];
  return null;
}

export const onExecutePreUserRegistration = async (event: PreUserRegistrationEvent, api: PreUserRegistrationApi): Promise<void> => {
  // Universal Login: the partials' `ulp-` fields arrive in the request body. Proven here (the hash
  // recomputed for the locale shown) and recorded with server time; refused in the prompt.
  const ulp = await universalLoginConsent(event, event.secrets ?? {});
  if (ulp.kind === 'refused') {
    if (api.validation) api.validation.error(ulp.code, ulp.message);
    else api.access.deny(ulp.code, ulp.message);
    return;
  }
  if (ulp.kind === 'recorded') {
    if (!api.user) throw new Error('Assent: api.user is missing; this Action must run on the "Sign Up / Pre User Registration" trigger');
    api.user.setAppMetadata('consent', ulp.consent);
    api.user.setUserMetadata('consent', ulp.consent);
    return;
  }
  const refused = await problem(event, readActionConfig(event.secrets ?? {}));
  if (refused) api.access.deny(...refused);
};
