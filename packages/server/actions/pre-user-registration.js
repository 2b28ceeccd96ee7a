/**
 * Assent pre-user-registration Action (Auth0 Actions, trigger "Sign Up / Pre User Registration"),
 * optional, for tenants that want the server to refuse a database signup without consent. Plain
 * JavaScript with no dependencies: paste it into a new Action as it is. Node 18 or later.
 *
 * A signup passes when its user_metadata carries the consent fields of @assent/core's signup wire
 * format (list or Lock variant) for the current policy, with every required purpose accepted.
 * Otherwise it is refused with api.access.deny(reason, userMessage): Auth0 answers the signup with
 * `extensibility_error` and the user message. The fields are what the browser claims; the
 * post-login Action copies them into app_metadata with server time.
 *
 * This trigger runs for database (and passwordless) signups only: social users never reach it,
 * which is why the post-login Action asks them on a consent page.
 *
 * Secrets (event.secrets):
 *   ASSENT_POLICY              required  "acme-signup@2026-11-01": policy id and current version
 *   ASSENT_REQUIRED_PURPOSES   required  "terms": comma-separated ids of the required purposes
 *   ASSENT_FIELD_PREFIX        optional  prefix of the signup fields, default "consent_"
 */
'use strict';

// As @assent/core: `__proto__` is not an id (as an object key it would set a prototype).
const ID = /^(?!__proto__$)[a-z0-9_-]{1,64}$/;
const VERSION = /^[A-Za-z0-9._-]{1,64}$/;
const LOCALE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,4}$/;
const HASH = /^[0-9a-f]{64}$/;
const LOCK_HASH = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/;
const LOCK_MAX_OPTIONAL = 3;

const MISSING = 'Please accept the terms to sign up.';
const CHANGED = 'The terms have changed: please reload the page and accept them again.';

/** What is wrong with the consent fields of `metadata`, as [reason for the logs, message for the user]; null when they pass. */
function problem(metadata, secrets) {
  const policy = String(secrets.ASSENT_POLICY || '');
  const required = String(secrets.ASSENT_REQUIRED_PURPOSES || '').split(',').map((id) => id.trim()).filter(Boolean);
  if (!/^[a-z0-9_-]{1,64}@[A-Za-z0-9._-]{1,64}$/.test(policy) || required.length === 0) {
    throw new Error('Assent: secrets ASSENT_POLICY ("<id>@<version>") and ASSENT_REQUIRED_PURPOSES are required');
  }
  const prefix = secrets.ASSENT_FIELD_PREFIX || 'consent_';
  const read = (name) => {
    const value = (metadata || {})[prefix + name];
    return typeof value === 'string' && value.length <= 500 ? value : null;
  };
  const fields = { policy: read('policy'), purposes: read('purposes'), at: read('at'), locale: read('locale'), hash: read('hash') };
  const absent = Object.keys(fields).find((name) => fields[name] === null);
  if (absent) return [`consent_missing: ${prefix}${absent}`, MISSING];
  if (fields.policy !== policy) {
    const [id, version] = fields.policy.split('@');
    if (!ID.test(id || '') || !VERSION.test(version || '')) return [`consent_malformed: ${prefix}policy`, MISSING];
    return [`consent_outdated: ${fields.policy} instead of ${policy}`, CHANGED];
  }
  let accepted = fields.purposes.split(',');
  if (accepted.some((entry) => entry.endsWith('?'))) {
    const entries = accepted.map((entry) => ({ id: entry.replace(/\?$/, ''), optional: entry.endsWith('?') }));
    const optional = entries.filter((entry) => entry.optional);
    if (optional.length > LOCK_MAX_OPTIONAL) return [`consent_malformed: ${prefix}purposes`, MISSING];
    let answers = 0;
    for (const [bit, entry] of optional.entries()) {
      const answer = read(`p_${entry.id}`);
      if (answer !== 'true' && answer !== 'false') return [`consent_malformed: ${prefix}p_${entry.id}`, MISSING];
      if (answer === 'true') answers |= 1 << bit;
    }
    const hashes = fields.hash.split(',');
    if (hashes.length !== 2 ** optional.length || !hashes.every((hash) => LOCK_HASH.test(hash))) return [`consent_malformed: ${prefix}hash`, MISSING];
    accepted = entries.filter((entry) => !entry.optional || (answers & (1 << optional.indexOf(entry))) !== 0).map((entry) => entry.id);
  } else if (!HASH.test(fields.hash)) {
    return [`consent_malformed: ${prefix}hash`, MISSING];
  }
  if (!accepted.every((id) => ID.test(id)) || new Set(accepted).size !== accepted.length) return [`consent_malformed: ${prefix}purposes`, MISSING];
  const missing = required.find((id) => !accepted.includes(id));
  if (missing) return [`consent_missing: required purpose ${missing}`, MISSING];
  if (!ISO_UTC.test(fields.at) || Number.isNaN(Date.parse(fields.at)) || new Date(fields.at).toISOString().slice(0, 19) !== fields.at.slice(0, 19)) {
    return [`consent_malformed: ${prefix}at`, MISSING];
  }
  if (!LOCALE.test(fields.locale)) return [`consent_malformed: ${prefix}locale`, MISSING];
  return null;
}

exports.onExecutePreUserRegistration = async (event, api) => {
  const refused = problem(event.user.user_metadata, event.secrets || {});
  if (refused) api.access.deny(refused[0], refused[1]);
};
