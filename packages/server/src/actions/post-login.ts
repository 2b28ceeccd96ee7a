/**
 * Assent post-login Action (trigger "Login / Post Login"), built into `actions/post-login.js`.
 *
 * 1. Denies login to users flagged as deleted (`app_metadata.deleted`, set by @assent/server's
 *    withdrawal in flag mode).
 * 2. On the first login after a signup that carried the consent fields, records them in
 *    `app_metadata.consent` (a record the user cannot edit) with server time.
 * 3. When the user has no current consent (social logins never saw a signup form; the terms
 *    changed; consent was withdrawn), sends them to the consent page with a signed session token;
 *    `onContinuePostLogin` checks the page's signed answer and records it, or denies the login.
 */
import { DecisionError, DecodeError, ID_PATTERN, LOCALE_PATTERN, SHA256_PATTERN, VERSION_PATTERN, type ConsentObject } from '@assent/core';
import type { PostLoginApi, PostLoginEvent } from './auth0.js';
import { readActionConfig, type ActionConfig } from './config.js';
import { isCurrent, newerWithdrawal, readCopy, recordGiven, signupRecord } from './record.js';
import { readSignupClaim, type SignupClaimSource } from './signup-claim.js';
import { userMetadataFields } from './signup-fields.js';

const DELETED_MESSAGE = 'Access denied (deleted user)';
const DECLINED_MESSAGE = 'Consent declined';
/** Where the signup fields of a new user can be: in `user_metadata`, as the signup request stored them. */
const SIGNUP_SOURCES: readonly SignupClaimSource[] = [userMetadataFields];
/** Flows that cannot show a page: a user without consent is denied there and asked at the next interactive login. */
const NON_INTERACTIVE = ['oauth2-password', 'oauth2-resource-owner', 'oauth2-resource-owner-jwt-bearer', 'oauth2-refresh-token', 'oauth2-token-exchange', 'oauth2-device-code'];

function isDeleted(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false;
}

/** The record the signup fields make, or null when there are none or they do not decode (no consent yet). */
async function recordFromSignup(event: PostLoginEvent, config: ActionConfig): Promise<ConsentObject | null> {
  try {
    const claim = await readSignupClaim(event, config, SIGNUP_SOURCES);
    return claim && signupRecord(claim, config, new Date());
  } catch (error) {
    if (error instanceof DecodeError || error instanceof DecisionError) return null;
    throw error;
  }
}

export const onExecutePostLogin = async (event: PostLoginEvent, api: PostLoginApi): Promise<void> => {
  const app = event.user.app_metadata ?? {};
  if (isDeleted(app.deleted)) {
    api.access.deny(DELETED_MESSAGE);
    return;
  }
  const config = readActionConfig(event.secrets ?? {});
  const stored = readCopy(app.consent);
  if ('unreadable' in stored) {
    // Never overwrite what cannot be read: the record is evidence, an administrator must repair it.
    api.access.deny(`Consent record unreadable (app_metadata.consent${stored.unreadable.path ? '.' + stored.unreadable.path : ''}: ${stored.unreadable.code}); nothing was changed`);
    return;
  }
  let consent = stored.consent;
  if (!consent) {
    consent = await recordFromSignup(event, config);
    if (consent) api.user.setAppMetadata('consent', consent);
  }
  const own = readCopy((event.user.user_metadata ?? {}).consent);
  const withdrawn = newerWithdrawal(consent, 'consent' in own ? own.consent : null);
  if (!withdrawn && isCurrent(consent, config)) return;

  if (NON_INTERACTIVE.includes(event.transaction?.protocol ?? '')) {
    api.access.deny('Consent required: sign in through the login page to give it');
    return;
  }
  if (!/^https?:\/\//.test(config.consentUrl) || config.sessionSecret.length < 32) {
    throw new Error('Assent: secrets ASSENT_CONSENT_URL (an http(s) URL) and ASSENT_SESSION_SECRET (32+ characters) are required to ask for consent');
  }
  const reason = withdrawn || (consent && !consent.given) ? 'withdrawn' : consent ? 'outdated' : 'none';
  const token = api.redirect.encodeToken({
    secret: config.sessionSecret,
    expiresInSeconds: 900,
    payload: { policy: config.policy, locale: event.transaction?.locale || 'en', reason },
  });
  api.redirect.sendUserTo(config.consentUrl, { query: { session_token: token } });
};

/** The consent page's answer inside the signed return token (`assent`). */
interface Answer {
  readonly outcome?: unknown;
  readonly event_id?: unknown;
  readonly decision?: { readonly policy?: unknown; readonly version?: unknown; readonly purposes?: unknown; readonly hash?: unknown; readonly locale?: unknown };
  readonly declined?: unknown;
  readonly documents?: unknown;
  readonly text_details?: unknown;
}

const isIdList = (value: unknown): value is string[] => Array.isArray(value) && value.every((id) => typeof id === 'string' && ID_PATTERN.test(id));

/** What is wrong with an accepted answer, or null. */
function answerProblem(answer: Answer, config: ActionConfig): string | null {
  const decision = answer.decision ?? {};
  if (typeof answer.event_id !== 'string' || !answer.event_id) return 'event_id is missing';
  if (decision.policy !== config.policyId || decision.version !== config.version) return `the answer is for ${String(decision.policy)}@${String(decision.version)}, not ${config.policy}`;
  if (!isIdList(decision.purposes)) return 'purposes are malformed';
  const accepted = decision.purposes;
  const missing = config.required.find((id) => !accepted.includes(id));
  if (missing) return `the required purpose ${missing} was not accepted`;
  if (typeof decision.hash !== 'string' || !SHA256_PATTERN.test(decision.hash) || typeof decision.locale !== 'string' || !LOCALE_PATTERN.test(decision.locale)) return 'hash or locale is malformed';
  if (!isIdList(answer.declined)) return 'declined is malformed';
  if (typeof answer.text_details !== 'string' || answer.text_details.length > 500) return 'text_details is malformed';
  const documents = answer.documents;
  if (documents !== undefined && (!documents || typeof documents !== 'object' || !Object.entries(documents).every(([id, version]) => ID_PATTERN.test(id) && VERSION_PATTERN.test(String(version))))) {
    return 'documents are malformed';
  }
  return null;
}

export const onContinuePostLogin = async (event: PostLoginEvent, api: PostLoginApi): Promise<void> => {
  const config = readActionConfig(event.secrets ?? {});
  let payload: Record<string, unknown>;
  try {
    payload = api.redirect.validateToken({ secret: config.sessionSecret, tokenParameterName: 'session_token' });
  } catch (error) {
    api.access.deny(`Consent could not be verified: ${(error as Error | undefined)?.message}`);
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
  const problem = answerProblem(answer, config);
  if (problem) {
    api.access.deny(`Consent could not be verified: ${problem}`);
    return;
  }
  const stored = readCopy((event.user.app_metadata ?? {}).consent);
  if ('unreadable' in stored) {
    api.access.deny(`Consent record unreadable (app_metadata.consent${stored.unreadable.path ? '.' + stored.unreadable.path : ''}: ${stored.unreadable.code}); nothing was changed`);
    return;
  }
  const decision = answer.decision as { policy: string; version: string; purposes: string[]; hash: string; locale: string };
  let consent: ConsentObject;
  try {
    consent = recordGiven(
      stored.consent,
      {
        id: answer.event_id as string,
        version: decision.version,
        purposes: decision.purposes,
        source: 'action',
        policy: decision.policy,
        hash: decision.hash,
        locale: decision.locale,
        textDetails: answer.text_details as string,
        declined: answer.declined as string[],
        ...(answer.documents ? { documents: answer.documents as Record<string, string> } : {}),
        given: true,
      },
      new Date(),
    );
  } catch (error) {
    if (!(error instanceof DecisionError)) throw error;
    api.access.deny(`Consent could not be verified: ${error.message}`);
    return;
  }
  api.user.setAppMetadata('consent', consent);
};
