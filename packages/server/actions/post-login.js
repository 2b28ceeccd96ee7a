/* Assent post-login Action (Auth0 trigger "Login / Post Login"), Node 18 or later.
 * Built from @assent/server src/actions/post-login.ts and @assent/core; do not edit: rebuild with
 * `node scripts/check-actions.mjs --write`. Secrets and deployment: @assent/server README, "The Actions". */
"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: !0 });
}, __copyProps = (to, from, except, desc) => {
  if (from && typeof from == "object" || typeof from == "function")
    for (let key of __getOwnPropNames(from))
      !__hasOwnProp.call(to, key) && key !== except && __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: !0 }), mod);

// src/actions/node18-webcrypto.ts
var import_node_crypto, assentWebCrypto, init_node18_webcrypto = __esm({
  "src/actions/node18-webcrypto.ts"() {
    "use strict";
    import_node_crypto = require("node:crypto"), assentWebCrypto = Reflect.get(globalThis, "crypto") ?? import_node_crypto.webcrypto;
  }
});

// src/actions/post-login.ts
var post_login_exports = {};
__export(post_login_exports, {
  onContinuePostLogin: () => onContinuePostLogin,
  onExecutePostLogin: () => onExecutePostLogin
});
module.exports = __toCommonJS(post_login_exports);
init_node18_webcrypto();

// ../core/src/errors.ts
init_node18_webcrypto();
var AssentError = class extends Error {
  constructor(code, message) {
    super(message), this.code = code;
  }
  get name() {
    return "AssentError";
  }
};
var DecodeError = class extends AssentError {
  constructor(code, path, message) {
    super(code, `${path || "(root)"}: ${message}`), this.path = path;
  }
  get name() {
    return "DecodeError";
  }
}, DecisionError = class extends AssentError {
  get name() {
    return "DecisionError";
  }
};

// ../core/src/policy.ts
init_node18_webcrypto();
var ID_SYNTAX = "(?!__proto__(?![a-z0-9_-]))[a-z0-9_-]{1,64}", ID_PATTERN = RegExp(`^${ID_SYNTAX}$`), VERSION_PATTERN = /^[A-Za-z0-9._-]{1,64}$/, LOCALE_PATTERN = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,4}$/, SHA256_PATTERN = /^[0-9a-f]{64}$/, MAX_PURPOSES = 20;

// ../core/src/statement.ts
init_node18_webcrypto();
async function sha256Hex(text) {
  let subtle = assentWebCrypto?.subtle;
  if (!subtle) throw new AssentError("no_webcrypto", "crypto.subtle needs https or localhost");
  let digest = await subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// ../core/src/wire.ts
init_node18_webcrypto();
var SIGNUP_LIMITS = {
  /** Properties in `user_metadata`, the app's own included. */
  maxProperties: 10,
  /** Characters of a property name. */
  maxNameLength: 100,
  /** Characters of a property value (strings only). */
  maxValueLength: 500
}, ID = ID_SYNTAX, WIRE_FIELDS = {
  policy: RegExp(`^${ID}@[A-Za-z0-9._-]{1,64}$`),
  purposes: RegExp(`^${ID}(,${ID})*$`),
  at: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/,
  locale: LOCALE_PATTERN,
  hash: SHA256_PATTERN
};
function invalidField(fields, count) {
  let purposes = fields.purposes.split(",");
  return Object.keys(WIRE_FIELDS).find((name) => !WIRE_FIELDS[name].test(fields[name])) ?? (new Set(purposes).size != (count ?? purposes.length) ? "purposes" : void 0) ?? // The round trip through Date catches impossible dates such as February 30th.
  (new Date(fields.at).toISOString().slice(0, 19) != fields.at.slice(0, 19) ? "at" : void 0);
}
function decodeSignupFields(metadata, { prefix = "consent_" } = {}) {
  if (!metadata || typeof metadata != "object") throw new DecodeError("malformed", "", "user_metadata must be an object");
  let read = (field) => {
    let name = prefix + field, value = Object.hasOwn(metadata, name) ? metadata[name] : void 0;
    if (value === void 0) throw new DecodeError("missing_field", name, "is missing");
    if (typeof value != "string") throw new DecodeError("malformed", name, `must be a string, not ${value === null ? "null" : typeof value}`);
    if (value.length > SIGNUP_LIMITS.maxValueLength) throw new DecodeError("too_large", name, `has ${value.length} characters; at most ${SIGNUP_LIMITS.maxValueLength} are possible`);
    return value;
  }, fields = { policy: read("policy"), purposes: read("purposes"), at: read("at"), locale: read("locale"), hash: read("hash") };
  fields.purposes.split(",").some((entry) => entry.endsWith("?")) && Object.assign(fields, readLockChoices(fields.purposes, fields.hash, prefix, read));
  let invalid = invalidField(fields);
  if (invalid) throw new DecodeError("malformed", prefix + invalid, invalid == "at" ? "must be an ISO 8601 UTC timestamp" : `is not valid ${invalid} syntax`);
  let [policy, version] = fields.policy.split("@");
  return Object.freeze({ policy, version, purposes: Object.freeze(fields.purposes.split(",")), at: fields.at, locale: fields.locale, hash: fields.hash });
}
var LOCK_MAX_OPTIONAL_PURPOSES = 3;
var BASE64URL_SHA256 = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;
function base64urlToHex(text) {
  let binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=");
  return Array.from(binary, (char) => char.charCodeAt(0).toString(16).padStart(2, "0")).join("");
}
function readLockChoices(listed, hashes, prefix, read) {
  let entries = listed.split(",").map((entry) => ({ id: entry.replace(/\?$/, ""), optional: entry.endsWith("?") })), optional = entries.filter((entry) => entry.optional);
  if (optional.length > LOCK_MAX_OPTIONAL_PURPOSES || !entries.every((entry) => WIRE_FIELDS.purposes.test(entry.id)) || new Set(entries.map((entry) => entry.id)).size != entries.length)
    throw new DecodeError("malformed", prefix + "purposes", "is not valid purposes syntax");
  let answers = 0;
  optional.forEach((entry, bit) => {
    let name = `p_${entry.id}`, answer = read(name);
    if (answer != "true" && answer != "false") throw new DecodeError("malformed", prefix + name, 'must be "true" or "false"');
    answer == "true" && (answers |= 1 << bit);
  });
  let list2 = hashes.split(",");
  if (list2.length != 2 ** optional.length || !list2.every((hash) => BASE64URL_SHA256.test(hash)))
    throw new DecodeError("malformed", prefix + "hash", `must hold ${2 ** optional.length} base64url SHA-256 hashes, one per possible answer`);
  let accepted = (entry) => !entry.optional || (answers & 1 << optional.indexOf(entry)) != 0;
  return {
    purposes: entries.filter(accepted).map((entry) => entry.id).join(","),
    hash: base64urlToHex(list2[answers] ?? "")
  };
}

// ../core/src/consent-object.ts
init_node18_webcrypto();
var HISTORY_MAX_BYTES = 2500, CONSENT_OBJECT_MAX_BYTES = 4096, TEXT_DETAILS_MAX_BYTES = 500, DOCUMENTS_MAX_BYTES = 300, EVENTS = ["given", "withdrawn", "updated"], SOURCES = ["signup", "lock", "browser", "server", "action"], EVENT_ID = /^[A-Za-z0-9_-]{1,64}$/, ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/, utf8Bytes = (value) => new TextEncoder().encode(JSON.stringify(value)).length;
function newestEntry(consent) {
  return consent.history[consent.history.length - 1];
}
function compare(a, b) {
  return Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
function applyConsentEvent(current, event) {
  if (current && (current.history.some((entry) => entry.id === event.id) || current.trimmed && compare(event, current.trimmed) <= 0)) return current;
  let purposes = {};
  for (let id of [...Object.keys(current?.purposes ?? {}), ...event.declined ?? [], ...event.purposes]) purposes[id] = event.purposes.includes(id);
  let documents = event.documents ?? current?.documents, single;
  try {
    single = decodeConsentObject({
      given: event.given ?? event.purposes.length > 0,
      date: event.at,
      text_details: event.textDetails ?? current?.text_details ?? "",
      policy: event.policy ?? current?.policy,
      version: event.version,
      purposes,
      hash: event.hash ?? current?.hash,
      locale: event.locale ?? current?.locale,
      ...documents && { documents },
      history: [{ id: event.id, event: event.event, at: event.at, version: event.version, purposes: event.purposes, source: event.source }]
    });
  } catch (error) {
    throw error instanceof DecodeError ? new DecisionError("invalid_event", "invalid_event: " + error.message) : error;
  }
  return current ? mergeConsentObjects(current, single) : single;
}
function mergeConsentObjects(a, b) {
  let byId = /* @__PURE__ */ new Map();
  for (let entry of [...a.history, ...b.history]) {
    let seen = byId.get(entry.id);
    (!seen || JSON.stringify(entry) < JSON.stringify(seen)) && byId.set(entry.id, entry);
  }
  let trimmed = [a.trimmed, b.trimmed].reduce((x, y) => !x || y && compare(y, x) > 0 ? y : x), history = [...byId.values()].filter((entry) => !trimmed || compare(entry, trimmed) > 0).sort(compare), order = compare(newestEntry(a), newestEntry(b)), { history: _history, trimmed: _trimmed, ...state } = order > 0 || order == 0 && JSON.stringify(stateOf(a)) <= JSON.stringify(stateOf(b)) ? a : b;
  return cap({ ...state, history, ...trimmed && { trimmed } });
}
function stateOf({ history: _history, trimmed: _trimmed, ...state }) {
  return state;
}
function cap(object) {
  let { history, trimmed } = object;
  for (let oldest of object.history) {
    if (history.length < 2 || utf8Bytes(history) <= HISTORY_MAX_BYTES) break;
    trimmed = { at: oldest.at, id: oldest.id }, history = history.slice(1);
  }
  return deepFreeze({ ...object, history, ...trimmed && { trimmed } });
}
function decodeConsentObject(value) {
  let fail = (code, path, message) => {
    throw new DecodeError(code, path, message);
  }, object = (input2, path, fields, optional = "") => {
    (!input2 || typeof input2 != "object" || Array.isArray(input2)) && fail("malformed", path, "must be an object");
    let record = input2;
    if (fields === null) return record;
    for (let key of Object.keys(record)) `${fields} ${optional}`.split(" ").includes(key) || fail("malformed", `${path}${path && "."}${key}`, "is not a known field");
    for (let key of fields.split(" ")) record[key] === void 0 && fail("missing_field", `${path}${path && "."}${key}`, "is missing");
    return record;
  }, text = (input2, path, pattern) => typeof input2 == "string" && pattern.test(input2) ? input2 : fail("malformed", path, `must be a string matching ${pattern}`), oneOf = (input2, path, values) => values.includes(input2) ? input2 : fail("malformed", path, `must be one of ${values.join(", ")}`), ids = (input2, path) => {
    (!Array.isArray(input2) || input2.length > MAX_PURPOSES) && fail("malformed", path, `must be an array of at most ${MAX_PURPOSES} purpose ids`);
    let list2 = input2.map((id, i) => text(id, `${path}[${i}]`, ID_PATTERN));
    return list2.forEach((id, i) => list2.indexOf(id) < i && fail("malformed", `${path}[${i}]`, "is a duplicate")), list2.join().length > 500 && fail("too_large", path, "ids exceed 500 characters"), list2;
  }, timestamp = (input2, path) => {
    let at = text(input2, path, ISO_UTC);
    return new Date(at).toISOString().slice(0, 19) == at.slice(0, 19) ? at : fail("malformed", path, "is not a real date");
  };
  utf8Bytes(value ?? null) > CONSENT_OBJECT_MAX_BYTES && fail("too_large", "", `exceeds ${CONSENT_OBJECT_MAX_BYTES} bytes of JSON`);
  let input = object(value, "", "given date text_details policy version purposes hash locale history", "trimmed documents");
  typeof input.given != "boolean" && fail("malformed", "given", "must be true or false");
  let textDetails = typeof input.text_details == "string" ? input.text_details : fail("malformed", "text_details", "must be a string");
  utf8Bytes(textDetails) > TEXT_DETAILS_MAX_BYTES + 2 && fail("too_large", "text_details", `exceeds ${TEXT_DETAILS_MAX_BYTES} bytes`);
  let purposesInput = object(input.purposes, "purposes", null), purposes = {};
  ids(Object.keys(purposesInput), "purposes").forEach((id) => {
    purposes[id] = typeof purposesInput[id] == "boolean" ? purposesInput[id] : fail("malformed", `purposes.${id}`, "must be true or false");
  }), (!Array.isArray(input.history) || !input.history.length) && fail("malformed", "history", "must be a non-empty array");
  let history = input.history.map((raw, i) => {
    let path = `history[${i}]`, entry = object(raw, path, "id event at version purposes source");
    return {
      id: text(entry.id, path + ".id", EVENT_ID),
      event: oneOf(entry.event, path + ".event", EVENTS),
      at: timestamp(entry.at, path + ".at"),
      version: text(entry.version, path + ".version", VERSION_PATTERN),
      purposes: ids(entry.purposes, path + ".purposes"),
      source: oneOf(entry.source, path + ".source", SOURCES)
    };
  });
  history.reduce((previous, entry, i) => compare(previous, entry) < 0 ? entry : fail("malformed", `history[${i}]`, "is not after the entry before it (by time, then id)"));
  let trimmed;
  if (input.trimmed !== void 0) {
    let mark = object(input.trimmed, "trimmed", "at id");
    trimmed = { at: timestamp(mark.at, "trimmed.at"), id: text(mark.id, "trimmed.id", EVENT_ID) }, compare(trimmed, history[0]) >= 0 && fail("malformed", "trimmed", "must be older than the first history entry");
  }
  utf8Bytes(history) > HISTORY_MAX_BYTES && history.length > 1 && fail("too_large", "history", `exceeds ${HISTORY_MAX_BYTES} bytes of JSON`);
  let documents;
  if (input.documents !== void 0) {
    let versions = object(input.documents, "documents", null);
    documents = {};
    for (let id of Object.keys(versions)) documents[text(id, "documents", ID_PATTERN)] = text(versions[id], `documents.${id}`, VERSION_PATTERN);
    utf8Bytes(documents) > DOCUMENTS_MAX_BYTES && fail("too_large", "documents", `exceeds ${DOCUMENTS_MAX_BYTES} bytes of JSON`);
  }
  let consent = {
    given: input.given,
    date: timestamp(input.date, "date"),
    text_details: textDetails,
    policy: text(input.policy, "policy", ID_PATTERN),
    version: text(input.version, "version", VERSION_PATTERN),
    purposes,
    hash: text(input.hash, "hash", SHA256_PATTERN),
    locale: text(input.locale, "locale", LOCALE_PATTERN),
    ...documents && { documents },
    history,
    ...trimmed && { trimmed }
  }, newest = newestEntry(consent), accepted = Object.keys(purposes).filter((id) => purposes[id]);
  return consent.date !== newest.at && fail("tampered", "date", "differs from the newest history entry"), consent.version !== newest.version && fail("tampered", "version", "differs from the newest history entry"), (accepted.length !== newest.purposes.length || accepted.some((id) => !newest.purposes.includes(id))) && fail("tampered", "purposes", "differ from the newest history entry"), deepFreeze(consent);
}
function deepFreeze(value) {
  return value && typeof value == "object" && Object.values(value).forEach(deepFreeze), Object.freeze(value);
}

// ../core/src/state/signup-consent.ts
init_node18_webcrypto();
async function signupEventId(metadata, { prefix = "consent_" } = {}) {
  let fields = ["policy", "purposes", "at", "locale", "hash"].map((field) => String(metadata[prefix + field]));
  return "signup-" + (await sha256Hex(fields.join(`
`))).slice(0, 32);
}
function signupSource(metadata, { prefix = "consent_" } = {}) {
  return String(metadata[prefix + "purposes"]).includes("?") ? "lock" : "signup";
}

// src/actions/config.ts
init_node18_webcrypto();
var list = (value) => String(value ?? "").split(",").map((item) => item.trim()).filter(Boolean);
function readActionConfig(secrets) {
  let policy = String(secrets.ASSENT_POLICY ?? ""), at = policy.indexOf("@"), policyId = policy.slice(0, at), version = policy.slice(at + 1);
  if (at < 0 || !ID_PATTERN.test(policyId) || !VERSION_PATTERN.test(version)) throw new Error('Assent: secret ASSENT_POLICY must be "<policy id>@<version>"');
  let required = list(secrets.ASSENT_REQUIRED_PURPOSES);
  if (required.length === 0 || !required.every((id) => ID_PATTERN.test(id))) throw new Error("Assent: secret ASSENT_REQUIRED_PURPOSES must list the required purpose ids");
  let optional = list(secrets.ASSENT_OPTIONAL_PURPOSES);
  if (!optional.every((id) => ID_PATTERN.test(id))) throw new Error("Assent: secret ASSENT_OPTIONAL_PURPOSES must list purpose ids");
  let documents = null;
  if (secrets.ASSENT_REQUIRED_DOCUMENTS) {
    documents = {};
    for (let item of list(secrets.ASSENT_REQUIRED_DOCUMENTS)) {
      let [id = "", documentVersion = ""] = item.split("@");
      if (!ID_PATTERN.test(id) || !VERSION_PATTERN.test(documentVersion)) throw new Error('Assent: secret ASSENT_REQUIRED_DOCUMENTS must be "<document id>@<version>,..."');
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
    consentUrl: secrets.ASSENT_CONSENT_URL ?? "",
    sessionSecret: secrets.ASSENT_SESSION_SECRET ?? "",
    prefix: secrets.ASSENT_FIELD_PREFIX || "consent_",
    textDetails: String(secrets.ASSENT_TEXT_DETAILS ?? "").slice(0, 500)
  };
}

// src/actions/record.ts
init_node18_webcrypto();
function readCopy(value) {
  if (value == null) return { consent: null };
  try {
    return { consent: decodeConsentObject(value) };
  } catch (error) {
    if (error instanceof DecodeError) return { unreadable: error };
    throw error;
  }
}
function later(a, b) {
  let difference = Date.parse(a.at) - Date.parse(b.at);
  return difference > 0 || difference === 0 && a.id > b.id;
}
function recordGiven(current, event, now) {
  let at = now.toISOString();
  return current && !later({ at, id: event.id }, newestEntry(current)) && (at = new Date(Date.parse(newestEntry(current).at) + 1).toISOString()), applyConsentEvent(current ?? void 0, { ...event, event: "given", at });
}
function signupRecord(claim, config, now) {
  let { decision } = claim, current = decision.policy === config.policyId && decision.version === config.version;
  return recordGiven(
    null,
    {
      id: claim.eventId,
      version: decision.version,
      purposes: decision.purposes,
      source: claim.source,
      policy: decision.policy,
      hash: decision.hash,
      locale: decision.locale,
      textDetails: config.textDetails,
      declined: current ? config.optional.filter((id) => !decision.purposes.includes(id)) : [],
      ...current && config.documents ? { documents: config.documents } : {},
      given: current ? config.required.every((id) => decision.purposes.includes(id)) : decision.purposes.length > 0
    },
    now
  );
}
function isCurrent(consent, config) {
  if (!consent || !consent.given || consent.policy !== config.policyId || !config.required.every((id) => consent.purposes[id] === !0)) return !1;
  if (consent.version === config.version) return !0;
  let documents = config.documents;
  return !documents || !consent.documents ? !1 : Object.keys(documents).every((id) => consent.documents?.[id] === documents[id]);
}
function newerWithdrawal(record, own) {
  return !own || own.given ? !1 : !record || later(newestEntry(own), newestEntry(record));
}

// src/actions/signup-claim.ts
init_node18_webcrypto();
async function readSignupClaim(event, config, sources) {
  let source = sources.find((candidate) => candidate.present(event, config));
  return source ? source.read(event, config) : null;
}

// src/actions/signup-fields.ts
init_node18_webcrypto();
var userMetadataFields = {
  present: (event, config) => (event.user.user_metadata ?? {})[config.prefix + "policy"] !== void 0,
  async read(event, config) {
    let metadata = event.user.user_metadata ?? {}, options = { prefix: config.prefix };
    return { decision: decodeSignupFields(metadata, options), eventId: await signupEventId(metadata, options), source: signupSource(metadata, options) };
  }
};

// src/actions/post-login.ts
var DELETED_MESSAGE = "Access denied (deleted user)", DECLINED_MESSAGE = "Consent declined", SIGNUP_SOURCES = [userMetadataFields], NON_INTERACTIVE = ["oauth2-password", "oauth2-resource-owner", "oauth2-resource-owner-jwt-bearer", "oauth2-refresh-token", "oauth2-token-exchange", "oauth2-device-code"];
function isDeleted(value) {
  return value != null && value !== !1;
}
async function recordFromSignup(event, config) {
  try {
    let claim = await readSignupClaim(event, config, SIGNUP_SOURCES);
    return claim && signupRecord(claim, config, /* @__PURE__ */ new Date());
  } catch (error) {
    if (error instanceof DecodeError || error instanceof DecisionError) return null;
    throw error;
  }
}
var onExecutePostLogin = async (event, api) => {
  let app = event.user.app_metadata ?? {};
  if (isDeleted(app.deleted)) {
    api.access.deny(DELETED_MESSAGE);
    return;
  }
  let config = readActionConfig(event.secrets ?? {}), stored = readCopy(app.consent);
  if ("unreadable" in stored) {
    api.access.deny(`Consent record unreadable (app_metadata.consent${stored.unreadable.path ? "." + stored.unreadable.path : ""}: ${stored.unreadable.code}); nothing was changed`);
    return;
  }
  let consent = stored.consent;
  consent || (consent = await recordFromSignup(event, config), consent && api.user.setAppMetadata("consent", consent));
  let own = readCopy((event.user.user_metadata ?? {}).consent), withdrawn = newerWithdrawal(consent, "consent" in own ? own.consent : null);
  if (!withdrawn && isCurrent(consent, config)) return;
  if (NON_INTERACTIVE.includes(event.transaction?.protocol ?? "")) {
    api.access.deny("Consent required: sign in through the login page to give it");
    return;
  }
  if (!/^https?:\/\//.test(config.consentUrl) || config.sessionSecret.length < 32)
    throw new Error("Assent: secrets ASSENT_CONSENT_URL (an http(s) URL) and ASSENT_SESSION_SECRET (32+ characters) are required to ask for consent");
  let reason = withdrawn || consent && !consent.given ? "withdrawn" : consent ? "outdated" : "none", token = api.redirect.encodeToken({
    secret: config.sessionSecret,
    expiresInSeconds: 900,
    payload: { policy: config.policy, locale: event.transaction?.locale || "en", reason }
  });
  api.redirect.sendUserTo(config.consentUrl, { query: { session_token: token } });
}, isIdList = (value) => Array.isArray(value) && value.every((id) => typeof id == "string" && ID_PATTERN.test(id));
function answerProblem(answer, config) {
  let decision = answer.decision ?? {};
  if (typeof answer.event_id != "string" || !answer.event_id) return "event_id is missing";
  if (decision.policy !== config.policyId || decision.version !== config.version) return `the answer is for ${String(decision.policy)}@${String(decision.version)}, not ${config.policy}`;
  if (!isIdList(decision.purposes)) return "purposes are malformed";
  let accepted = decision.purposes, missing = config.required.find((id) => !accepted.includes(id));
  if (missing) return `the required purpose ${missing} was not accepted`;
  if (typeof decision.hash != "string" || !SHA256_PATTERN.test(decision.hash) || typeof decision.locale != "string" || !LOCALE_PATTERN.test(decision.locale)) return "hash or locale is malformed";
  if (!isIdList(answer.declined)) return "declined is malformed";
  if (typeof answer.text_details != "string" || answer.text_details.length > 500) return "text_details is malformed";
  let documents = answer.documents;
  return documents !== void 0 && (!documents || typeof documents != "object" || !Object.entries(documents).every(([id, version]) => ID_PATTERN.test(id) && VERSION_PATTERN.test(String(version)))) ? "documents are malformed" : null;
}
var onContinuePostLogin = async (event, api) => {
  let config = readActionConfig(event.secrets ?? {}), payload;
  try {
    payload = api.redirect.validateToken({ secret: config.sessionSecret, tokenParameterName: "session_token" });
  } catch (error) {
    api.access.deny(`Consent could not be verified: ${error?.message}`);
    return;
  }
  if (payload.sub !== event.user.user_id) {
    api.access.deny("Consent could not be verified: the answer is for another user");
    return;
  }
  let answer = payload.assent ?? {};
  if (answer.outcome !== "accepted") {
    api.access.deny(DECLINED_MESSAGE);
    return;
  }
  let problem = answerProblem(answer, config);
  if (problem) {
    api.access.deny(`Consent could not be verified: ${problem}`);
    return;
  }
  let stored = readCopy((event.user.app_metadata ?? {}).consent);
  if ("unreadable" in stored) {
    api.access.deny(`Consent record unreadable (app_metadata.consent${stored.unreadable.path ? "." + stored.unreadable.path : ""}: ${stored.unreadable.code}); nothing was changed`);
    return;
  }
  let decision = answer.decision, consent;
  try {
    consent = recordGiven(
      stored.consent,
      {
        id: answer.event_id,
        version: decision.version,
        purposes: decision.purposes,
        source: "action",
        policy: decision.policy,
        hash: decision.hash,
        locale: decision.locale,
        textDetails: answer.text_details,
        declined: answer.declined,
        ...answer.documents ? { documents: answer.documents } : {},
        given: !0
      },
      /* @__PURE__ */ new Date()
    );
  } catch (error) {
    if (!(error instanceof DecisionError)) throw error;
    api.access.deny(`Consent could not be verified: ${error.message}`);
    return;
  }
  api.user.setAppMetadata("consent", consent);
};
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  onContinuePostLogin,
  onExecutePostLogin
});
