/* Assent pre-user-registration Action (Auth0 trigger "Sign Up / Pre User Registration"), Node 18 or later.
 * Built from @assent/server src/actions/pre-user-registration.ts and @assent/core; do not edit: rebuild with
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

// src/actions/pre-user-registration.ts
var pre_user_registration_exports = {};
__export(pre_user_registration_exports, {
  onExecutePreUserRegistration: () => onExecutePreUserRegistration
});
module.exports = __toCommonJS(pre_user_registration_exports);
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
};

// ../core/src/policy.ts
init_node18_webcrypto();
var ID_SYNTAX = "(?!__proto__(?![a-z0-9_-]))[a-z0-9_-]{1,64}", ID_PATTERN = RegExp(`^${ID_SYNTAX}$`), VERSION_PATTERN = /^[A-Za-z0-9._-]{1,64}$/, LOCALE_PATTERN = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,4}$/, SHA256_PATTERN = /^[0-9a-f]{64}$/;

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

// src/actions/pre-user-registration.ts
var MISSING = "Please accept the terms to sign up.", CHANGED = "The terms have changed: please reload the page and accept them again.", SIGNUP_SOURCES = [userMetadataFields];
async function problem(event, config) {
  let claim;
  try {
    claim = await readSignupClaim(event, config, SIGNUP_SOURCES);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    return [`consent_${error.code === "missing_field" ? "missing" : "malformed"}: ${error.path}`, MISSING];
  }
  if (!claim) return [`consent_missing: ${config.prefix}policy`, MISSING];
  let { decision } = claim, policy = `${decision.policy}@${decision.version}`;
  if (policy !== config.policy) return [`consent_outdated: ${policy} instead of ${config.policy}`, CHANGED];
  let missing = config.required.find((id) => !decision.purposes.includes(id));
  return missing ? [`consent_missing: required purpose ${missing}`, MISSING] : null;
}
var onExecutePreUserRegistration = async (event, api) => {
  let refused = await problem(event, readActionConfig(event.secrets ?? {}));
  refused && api.access.deny(...refused);
};
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  onExecutePreUserRegistration
});
