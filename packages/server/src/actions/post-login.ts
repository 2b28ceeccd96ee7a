/**
 * Assent post-login Action (trigger "Login / Post Login"), built into `actions/post-login.js`.
 *
 * 1. Denies login to users flagged as deleted (`app_metadata.deleted`, set by @assent/server's
 *    withdrawal in flag mode), also when the flag was set while the login waited on the consent page.
 * 2. On the first login after a signup that carried the consent fields, verifies the decision
 *    against the policy's statement for its locale and records it in `app_metadata.consent` (a
 *    record the user cannot edit) with server time. Fields that do not verify record nothing.
 * 3. When the user has no current consent (social logins never saw a signup form; the terms
 *    changed; consent was withdrawn; the signup's hash did not verify), sends them to the consent
 *    page with a signed session token; `onContinuePostLogin` verifies the page's signed answer
 *    and records it, or denies the login.
 * 4. Puts the consent (version, accepted purposes, date) into the ID and access tokens as a
 *    namespaced custom claim (./consent-claim.ts), whenever the login goes through.
 *
 * `actions/post-login-form.js` is the alternative that asks with an Auth0 Form instead of a page.
 */
import { DecisionError, type ConsentDecision, type ConsentObject } from '@assent/core';
import type { PostLoginApi, PostLoginEvent } from './auth0.js';
import { readActionConfig, type ActionConfig } from './config.js';
import { setConsentClaims } from './consent-claim.js';
import { DECLINED_MESSAGE, DELETED_MESSAGE, gateLogin, isDeleted } from './login-gate.js';
import { readCopy, recordDecision, trustedRecord, unreadableReason } from './record.js';
import { verified } from './verify.js';
import { RETURN_TOKEN_USE, SESSION_TOKEN_USE, TOKEN_USE_CLAIM } from '../consent-page/token-use.js';

export const onExecutePostLogin = async (event: PostLoginEvent, api: PostLoginApi): Promise<void> => {
  const gate = await gateLogin(event, api);
  if (gate.done) return;
  const { config } = gate;
  if (!/^https?:\/\//.test(config.consentUrl) || config.sessionSecret.length < 32) {
    throw new Error('Assent: secrets ASSENT_CONSENT_URL (an http(s) URL) and ASSENT_SESSION_SECRET (32+ characters) are required to ask for consent');
  }
  const token = api.redirect.encodeToken({
    secret: config.sessionSecret,
    expiresInSeconds: 900,
    payload: { [TOKEN_USE_CLAIM]: SESSION_TOKEN_USE, policy: config.policyName, locale: event.transaction?.locale || 'en', reason: gate.reason },
  });
  api.redirect.sendUserTo(config.consentUrl, { query: { session_token: token } });
};

/** The consent page's answer inside the signed return token (`assent`), as the server signs it. */
interface Answer {
  readonly outcome?: unknown;
  readonly event_id?: unknown;
  readonly decision?: { readonly policy?: unknown; readonly version?: unknown; readonly purposes?: unknown; readonly hash?: unknown; readonly locale?: unknown };
}

/** The decision of an accepted answer, or what is wrong with it. */
function answerDecision(answer: Answer, config: ActionConfig, now: Date): ConsentDecision | string {
  const { policy, version, purposes, hash, locale } = answer.decision ?? {};
  if (typeof answer.event_id !== 'string' || !answer.event_id) return 'event_id is missing';
  if (policy !== config.policy.id || version !== config.policy.version) return `the answer is for ${String(policy)}@${String(version)}, not ${config.policyName}`;
  if (!Array.isArray(purposes) || !purposes.every((id) => typeof id === 'string')) return 'purposes are malformed';
  if (typeof hash !== 'string' || typeof locale !== 'string') return 'hash or locale is malformed';
  return { policy, version, purposes, hash, locale, at: now.toISOString() };
}

/** The origin of a URL, or the text itself when it is no URL (then no issuer matches it). */
function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

export const onContinuePostLogin = async (event: PostLoginEvent, api: PostLoginApi): Promise<void> => {
  // The account may have been flagged as deleted while the user was on the consent page.
  if (isDeleted(event)) {
    api.access.deny(DELETED_MESSAGE);
    return;
  }
  const config = readActionConfig(event.secrets ?? {});
  let payload: Record<string, unknown>;
  try {
    payload = api.redirect.validateToken({ secret: config.sessionSecret, tokenParameterName: 'session_token' });
  } catch (error) {
    api.access.deny(`Consent could not be verified: ${(error as Error | undefined)?.message}`);
    return;
  }
  // The session token this Action made carries the same claims and secret: only the page's answer counts.
  if (payload[TOKEN_USE_CLAIM] !== RETURN_TOKEN_USE) {
    api.access.deny("Consent could not be verified: the token is not the consent page's answer");
    return;
  }
  const page = origin(config.consentUrl);
  if (payload.iss !== page) {
    api.access.deny(
      `Consent could not be verified: the answer was issued by ${JSON.stringify(payload.iss)}, not by the consent page ${JSON.stringify(page)} (the handler's consentPage.publicOrigin must be the origin of ASSENT_CONSENT_URL)`,
    );
    return;
  }
  if (payload.sub !== event.user.user_id) {
    api.access.deny('Consent could not be verified: the answer is for another user');
    return;
  }
  const answer = (payload.assent ?? {}) as Answer;
  if (answer.outcome !== 'accepted') {
    api.access.deny(DECLINED_MESSAGE);
    return;
  }
  const now = new Date();
  const decision = answerDecision(answer, config, now);
  if (typeof decision === 'string') {
    api.access.deny(`Consent could not be verified: ${decision}`);
    return;
  }
  if (!(await verified(decision, config.policy))) {
    api.access.deny(`Consent could not be verified: the decision does not match the statement the policy shows in ${JSON.stringify(decision.locale)}`);
    return;
  }
  const stored = readCopy((event.user.app_metadata ?? {}).consent);
  if ('unreadable' in stored) {
    api.access.deny(unreadableReason(stored.unreadable));
    return;
  }
  let consent: ConsentObject;
  try {
    // On the record with the user's withdrawals applied, so they are written into it too.
    consent = recordDecision(trustedRecord(stored.consent, event, config).record, decision, config.policy, { id: answer.event_id as string, source: 'action' }, now);
  } catch (error) {
    if (!(error instanceof DecisionError)) throw error;
    api.access.deny(`Consent could not be verified: ${error.message}`);
    return;
  }
  api.user.setAppMetadata('consent', consent);
  setConsentClaims(api, event, consent);
};
