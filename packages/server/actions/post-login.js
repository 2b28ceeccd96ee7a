/* eslint-disable @typescript-eslint/no-require-imports -- Auth0 Actions are CommonJS modules */
/**
 * Assent post-login Action (Auth0 Actions, trigger "Login / Post Login"). Plain JavaScript with no
 * dependencies: paste it into a new Action as it is. Node 18 or later.
 *
 * 1. Denies login to users flagged as deleted (app_metadata.deleted, set by @assent/server's
 *    withdrawal in flag mode): "Access denied (deleted user)".
 * 2. On the first login after a signup that carried the consent fields (consent_policy,
 *    consent_purposes, consent_at, consent_locale, consent_hash; list or Lock variant), copies them
 *    into app_metadata.consent, a consent object the user cannot edit, stamped with server time.
 * 3. When the user has no current consent (social logins never saw a signup form; the terms
 *    changed; consent was withdrawn), redirects to the consent page with a signed session token.
 *    onContinuePostLogin validates the token the page sends back and records the decision in
 *    app_metadata.consent, or denies the login when the user declined.
 *
 * Secrets (event.secrets):
 *   ASSENT_POLICY              required  "acme-signup@2026-11-01": policy id and current version
 *   ASSENT_REQUIRED_PURPOSES   required  "terms": comma-separated ids of the required purposes
 *   ASSENT_OPTIONAL_PURPOSES   optional  "marketing,newsletter": recorded as false when not accepted
 *   ASSENT_REQUIRED_DOCUMENTS  optional  "terms@3.1,privacy@2.0": documents behind required purposes;
 *                                        a consent to an older policy version stays current while none
 *                                        of these changed (else any version change asks again)
 *   ASSENT_CONSENT_URL         required  the consent page, e.g. https://app.example/assent/consent/page
 *   ASSENT_SESSION_SECRET      required  at least 32 characters, shared with @assent/server (consentPage.sessionSecret)
 *   ASSENT_FIELD_PREFIX        optional  prefix of the signup fields, default "consent_"
 *   ASSENT_TEXT_DETAILS        optional  URL of the terms, stored as text_details of copied signup consents
 *
 * The consent object follows @assent/core's format (DESIGN.md "Encodings" 2), history capped at
 * 2500 bytes; the tests decode what this Action writes with core's decoder.
 */
'use strict';

const crypto = require('crypto');

const DELETED_MESSAGE = 'Access denied (deleted user)';
const DECLINED_MESSAGE = 'Consent declined';
// As @assent/core: `__proto__` is not an id (as an object key it would set a prototype).
const ID = /^(?!__proto__$)[a-z0-9_-]{1,64}$/;
const VERSION = /^[A-Za-z0-9._-]{1,64}$/;
const LOCALE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,4}$/;
const HASH = /^[0-9a-f]{64}$/;
const EVENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/;
const HISTORY_MAX_BYTES = 2500;
const LOCK_MAX_OPTIONAL = 3;
// Flows that cannot show a page: a user without consent is denied there and asked at the next interactive login.
const NON_INTERACTIVE = ['oauth2-password', 'oauth2-resource-owner', 'oauth2-resource-owner-jwt-bearer', 'oauth2-refresh-token', 'oauth2-token-exchange', 'oauth2-device-code'];

/** Reads and checks the secrets; throws (failing the login) when they are unusable. */
function readConfig(secrets) {
  const list = (value) => String(value || '').split(',').map((item) => item.trim()).filter(Boolean);
  const policy = String(secrets.ASSENT_POLICY || '');
  const at = policy.indexOf('@');
  const policyId = policy.slice(0, at);
  const version = policy.slice(at + 1);
  if (at < 0 || !ID.test(policyId) || !VERSION.test(version)) throw new Error('Assent: secret ASSENT_POLICY must be "<policy id>@<version>"');
  const required = list(secrets.ASSENT_REQUIRED_PURPOSES);
  if (required.length === 0 || !required.every((id) => ID.test(id))) throw new Error('Assent: secret ASSENT_REQUIRED_PURPOSES must list the required purpose ids');
  const optional = list(secrets.ASSENT_OPTIONAL_PURPOSES);
  if (!optional.every((id) => ID.test(id))) throw new Error('Assent: secret ASSENT_OPTIONAL_PURPOSES must list purpose ids');
  let documents = null;
  if (secrets.ASSENT_REQUIRED_DOCUMENTS) {
    documents = {};
    for (const item of list(secrets.ASSENT_REQUIRED_DOCUMENTS)) {
      const [id, documentVersion] = item.split('@');
      if (!ID.test(id || '') || !VERSION.test(documentVersion || '')) throw new Error('Assent: secret ASSENT_REQUIRED_DOCUMENTS must be "<document id>@<version>,..."');
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
    consentUrl: secrets.ASSENT_CONSENT_URL || '',
    sessionSecret: secrets.ASSENT_SESSION_SECRET || '',
    prefix: secrets.ASSENT_FIELD_PREFIX || 'consent_',
    textDetails: String(secrets.ASSENT_TEXT_DETAILS || '').slice(0, 500),
  };
}

function isDeleted(value) {
  return value !== undefined && value !== null && value !== false;
}

/** The stored consent object when it looks like one (@assent/core validates it in full), else null. */
function readConsent(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  if (typeof value.given !== 'boolean' || !ID.test(value.policy || '') || !VERSION.test(value.version || '')) return null;
  if (!value.purposes || typeof value.purposes !== 'object' || !Array.isArray(value.history) || value.history.length === 0) return null;
  return value;
}

function compareEntries(a, b) {
  return Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Trims the oldest history entries until the history fits its byte budget; the newest always stays. */
function cap(history, trimmed) {
  let kept = history;
  let mark = trimmed;
  while (kept.length > 1 && Buffer.byteLength(JSON.stringify(kept), 'utf8') > HISTORY_MAX_BYTES) {
    mark = { at: kept[0].at, id: kept[0].id };
    kept = kept.slice(1);
  }
  return { history: kept, trimmed: mark };
}

/**
 * Applies a "given" event to `current` (or starts a consent object): the state becomes the event's,
 * the history keeps every earlier entry. Idempotent by event id. The event's time is server time,
 * moved just past the newest entry if a clock ever went backwards, so the newest entry is this one.
 */
function applyGiven(current, given) {
  if (current && current.history.some((entry) => entry.id === given.id)) return current;
  const newest = current ? current.history[current.history.length - 1] : null;
  let at = given.at;
  if (newest && compareEntries({ at, id: given.id }, newest) <= 0) at = new Date(Date.parse(newest.at) + 1).toISOString();
  const purposes = {};
  for (const id of [...Object.keys((current && current.purposes) || {}), ...given.declined, ...given.purposes]) purposes[id] = given.purposes.includes(id);
  const entry = { id: given.id, event: 'given', at, version: given.version, purposes: given.purposes.slice(), source: given.source };
  const { history, trimmed } = cap([...(current ? current.history : []), entry].sort(compareEntries), current && current.trimmed);
  const documents = given.documents || (current && current.documents);
  return {
    given: given.given,
    date: at,
    text_details: given.textDetails,
    policy: given.policy,
    version: given.version,
    purposes,
    hash: given.hash,
    locale: given.locale,
    ...(documents ? { documents } : {}),
    history,
    ...(trimmed ? { trimmed } : {}),
  };
}

/** Reads the signup fields (list or Lock variant) like @assent/core's decodeSignupFields; null when absent or malformed. */
function readSignupFields(metadata, prefix) {
  const read = (name) => {
    const value = metadata[prefix + name];
    return typeof value === 'string' && value.length <= 500 ? value : null;
  };
  const fields = { policy: read('policy'), purposes: read('purposes'), at: read('at'), locale: read('locale'), hash: read('hash') };
  if (Object.values(fields).some((value) => value === null)) return null;
  let purposes = fields.purposes.split(',');
  let hash = fields.hash;
  if (purposes.some((entry) => entry.endsWith('?'))) {
    // Lock variant: optional purposes marked "?", answered in <prefix>p_<id>, one base64url hash per answer.
    const entries = purposes.map((entry) => ({ id: entry.replace(/\?$/, ''), optional: entry.endsWith('?') }));
    const optional = entries.filter((entry) => entry.optional);
    if (optional.length > LOCK_MAX_OPTIONAL) return null;
    let answers = 0;
    for (const [bit, entry] of optional.entries()) {
      const answer = read(`p_${entry.id}`);
      if (answer !== 'true' && answer !== 'false') return null;
      if (answer === 'true') answers |= 1 << bit;
    }
    const hashes = hash.split(',');
    if (hashes.length !== 2 ** optional.length || !hashes.every((item) => /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/.test(item))) return null;
    purposes = entries.filter((entry) => !entry.optional || (answers & (1 << optional.indexOf(entry))) !== 0).map((entry) => entry.id);
    hash = Buffer.from(hashes[answers], 'base64url').toString('hex');
  }
  const [policy, version, extra] = fields.policy.split('@');
  if (extra !== undefined || !ID.test(policy || '') || !VERSION.test(version || '')) return null;
  if (!purposes.every((id) => ID.test(id)) || new Set(purposes).size !== purposes.length || purposes.join(',').length > 500) return null;
  if (!ISO_UTC.test(fields.at) || Number.isNaN(Date.parse(fields.at)) || new Date(fields.at).toISOString().slice(0, 19) !== fields.at.slice(0, 19)) return null;
  if (!LOCALE.test(fields.locale) || !HASH.test(hash)) return null;
  // The same event id as @assent/core's signupConsentObject, so both copies record this signup once.
  const digest = crypto.createHash('sha256').update([fields.policy, fields.purposes, fields.at, fields.locale, fields.hash].join('\n'), 'utf8').digest('hex');
  return { policy, version, purposes, locale: fields.locale, hash, id: `signup-${digest.slice(0, 32)}`, source: fields.purposes.includes('?') ? 'lock' : 'signup' };
}

/** The consent object for the signup fields, or null. Server time: the client's consent_at is a claim. */
function signupConsent(metadata, config, now) {
  const decision = readSignupFields(metadata || {}, config.prefix);
  if (!decision) return null;
  const current = decision.policy === config.policyId && decision.version === config.version;
  return applyGiven(null, {
    id: decision.id,
    at: now,
    policy: decision.policy,
    version: decision.version,
    purposes: decision.purposes,
    declined: current ? config.optional.filter((id) => !decision.purposes.includes(id)) : [],
    hash: decision.hash,
    locale: decision.locale,
    textDetails: config.textDetails,
    documents: current ? config.documents : null,
    given: current ? config.required.every((id) => decision.purposes.includes(id)) : decision.purposes.length > 0,
    source: decision.source,
  });
}

/** Whether `consent` is a standing consent to the current policy (or to one whose required documents did not change). */
function isCurrent(consent, config) {
  if (!consent || consent.given !== true || consent.policy !== config.policyId) return false;
  if (!config.required.every((id) => consent.purposes[id] === true)) return false;
  if (consent.version === config.version) return true;
  if (!config.documents || !consent.documents || typeof consent.documents !== 'object') return false;
  return Object.keys(config.documents).every((id) => consent.documents[id] === config.documents[id]);
}

/** The newest entry of a consent object's (non-empty) history. */
function newestEntry(consent) {
  return consent.history.reduce((newest, entry) => (compareEntries(entry, newest) > 0 ? entry : newest));
}

/**
 * Whether the user withdrew in the browser (user_metadata, written with their own token) after the
 * authoritative copy was last written. Users can edit user_metadata, so only a withdrawal is
 * believed from it: a forged one can do no more than have its author asked again.
 */
function newerWithdrawal(authoritative, own) {
  const browser = readConsent(own);
  if (!browser || browser.given) return false;
  return !authoritative || compareEntries(newestEntry(browser), newestEntry(authoritative)) > 0;
}

/** What is wrong with the consent page's answer, or null. */
function answerProblem(answer, config) {
  const decision = answer.decision || {};
  if (!EVENT_ID.test(answer.event_id || '')) return 'event_id is missing';
  if (decision.policy !== config.policyId || decision.version !== config.version) return `the answer is for ${decision.policy}@${decision.version}, not ${config.policy}`;
  if (!Array.isArray(decision.purposes) || !decision.purposes.every((id) => typeof id === 'string' && ID.test(id))) return 'purposes are malformed';
  const missing = config.required.find((id) => !decision.purposes.includes(id));
  if (missing) return `the required purpose ${missing} was not accepted`;
  if (!HASH.test(decision.hash || '') || !LOCALE.test(decision.locale || '')) return 'hash or locale is malformed';
  if (!Array.isArray(answer.declined) || !answer.declined.every((id) => typeof id === 'string' && ID.test(id))) return 'declined is malformed';
  if (typeof answer.text_details !== 'string' || answer.text_details.length > 500) return 'text_details is malformed';
  const documents = answer.documents;
  if (documents !== undefined && (!documents || typeof documents !== 'object' || !Object.entries(documents).every(([id, v]) => ID.test(id) && VERSION.test(String(v))))) return 'documents are malformed';
  return null;
}

exports.onExecutePostLogin = async (event, api) => {
  const app = event.user.app_metadata || {};
  if (isDeleted(app.deleted)) {
    api.access.deny(DELETED_MESSAGE);
    return;
  }
  const config = readConfig(event.secrets || {});
  let consent = readConsent(app.consent);
  if (!consent) {
    consent = signupConsent(event.user.user_metadata, config, new Date().toISOString());
    if (consent) api.user.setAppMetadata('consent', consent);
  }
  const withdrawn = newerWithdrawal(consent, (event.user.user_metadata || {}).consent);
  if (!withdrawn && isCurrent(consent, config)) return;

  const protocol = event.transaction && event.transaction.protocol;
  if (NON_INTERACTIVE.includes(protocol)) {
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
    payload: { policy: config.policy, locale: (event.transaction && event.transaction.locale) || 'en', reason },
  });
  api.redirect.sendUserTo(config.consentUrl, { query: { session_token: token } });
};

exports.onContinuePostLogin = async (event, api) => {
  const config = readConfig(event.secrets || {});
  let payload;
  try {
    payload = api.redirect.validateToken({ secret: config.sessionSecret, tokenParameterName: 'session_token' });
  } catch (error) {
    api.access.deny(`Consent could not be verified: ${error && error.message}`);
    return;
  }
  if (payload.sub !== event.user.user_id) {
    api.access.deny('Consent could not be verified: the answer is for another user');
    return;
  }
  const answer = payload.assent;
  if (!answer || answer.outcome !== 'accepted') {
    api.access.deny(DECLINED_MESSAGE);
    return;
  }
  const problem = answerProblem(answer, config);
  if (problem) {
    api.access.deny(`Consent could not be verified: ${problem}`);
    return;
  }
  const app = event.user.app_metadata || {};
  const { decision } = answer;
  const consent = applyGiven(readConsent(app.consent), {
    id: answer.event_id,
    at: new Date().toISOString(),
    policy: decision.policy,
    version: decision.version,
    purposes: decision.purposes,
    declined: answer.declined,
    hash: decision.hash,
    locale: decision.locale,
    textDetails: answer.text_details,
    documents: answer.documents || null,
    given: true,
    source: 'action',
  });
  api.user.setAppMetadata('consent', consent);
};
