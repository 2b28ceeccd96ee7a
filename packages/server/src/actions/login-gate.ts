/**
 * What both post-login Actions (the redirect to the consent page, and the Form) decide the same
 * way: a deleted account is denied, a new user's signup fields are recorded, and a user whose
 * record stands for the policy goes on with the consent in the tokens. Only how a user without a
 * current consent is asked differs.
 */
import { DecisionError, DecodeError, type ConsentObject } from '@assent/core';
import type { PostLoginApi, PostLoginEvent } from './auth0.js';
import { readActionConfig, type ActionConfig } from './config.js';
import { setConsentClaims } from './consent-claim.js';
import { isCurrent, readCopy, recordDecision, trustedRecord, unreadableReason } from './record.js';
import { readSignupClaim, type SignupClaimSource } from './signup-claim.js';
import { userMetadataFields } from './signup-fields.js';
import { verified } from './verify.js';

export const DELETED_MESSAGE = 'Access denied (deleted user)';
export const DECLINED_MESSAGE = 'Consent declined';
export const NON_INTERACTIVE_MESSAGE = 'Consent required: sign in through the login page to give it';
/** Where the signup fields of a new user can be: in `user_metadata`, as the signup request stored them. */
const SIGNUP_SOURCES: readonly SignupClaimSource[] = [userMetadataFields];
/** Flows that cannot show a page: a user without consent is denied there and asked at the next interactive login. */
export const NON_INTERACTIVE = ['oauth2-password', 'oauth2-resource-owner', 'oauth2-resource-owner-jwt-bearer', 'oauth2-refresh-token', 'oauth2-token-exchange', 'oauth2-device-code'];

/** Whether the account is flagged as deleted (flag mode of the server's withdrawal, or an administrator). */
export function isDeleted(event: PostLoginEvent): boolean {
  const deleted = (event.user.app_metadata ?? {}).deleted;
  return deleted !== undefined && deleted !== null && deleted !== false;
}

/** The record of the signup's consent fields, or null when there are none, they do not decode or they do not verify. */
async function recordFromSignup(event: PostLoginEvent, config: ActionConfig): Promise<ConsentObject | null> {
  let claim;
  try {
    claim = await readSignupClaim(event, config, SIGNUP_SOURCES);
  } catch (error) {
    if (error instanceof DecodeError) return null;
    throw error;
  }
  if (!claim || !(await verified(claim.decision, config.policy))) return null;
  try {
    return recordDecision(null, claim.decision, config.policy, { id: claim.eventId, source: claim.source }, new Date());
  } catch (error) {
    if (error instanceof DecisionError) return null;
    throw error;
  }
}

/** How a login goes on after the common checks. */
export type GateOutcome =
  /** Denied, or current (the claims are set): the Action has nothing more to do. */
  | { readonly done: true }
  /** No current consent: ask, for this reason. */
  | { readonly done: false; readonly reason: 'none' | 'outdated' | 'withdrawn'; readonly config: ActionConfig };

/**
 * The checks of `onExecutePostLogin` before asking: denies a deleted account, an unreadable record
 * (never overwritten: it is evidence) and a flow that cannot show a page; records a new user's
 * verified signup fields; lets a current consent through with the consent claim in the tokens.
 * A deleted account is denied before the secrets are read, so a broken configuration never lets it in.
 */
export async function gateLogin(event: PostLoginEvent, api: PostLoginApi): Promise<GateOutcome> {
  if (isDeleted(event)) {
    api.access.deny(DELETED_MESSAGE);
    return { done: true };
  }
  const config = readActionConfig(event.secrets ?? {});
  const stored = readCopy((event.user.app_metadata ?? {}).consent);
  if ('unreadable' in stored) {
    api.access.deny(unreadableReason(stored.unreadable));
    return { done: true };
  }
  let consent = stored.consent;
  if (!consent) {
    consent = await recordFromSignup(event, config);
    if (consent) api.user.setAppMetadata('consent', consent);
  }
  // The trust rule, as core applies it everywhere: the record, with the user's newer withdrawals.
  const { record } = trustedRecord(consent, event, config);
  if (record && isCurrent(record, config.policy)) {
    setConsentClaims(api, event, record);
    return { done: true };
  }
  if (NON_INTERACTIVE.includes(event.transaction?.protocol ?? '')) {
    api.access.deny(NON_INTERACTIVE_MESSAGE);
    return { done: true };
  }
  return { done: false, reason: record ? (record.given ? 'outdated' : 'withdrawn') : 'none', config };
}
