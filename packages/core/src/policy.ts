import { describeIssue } from '#policy-checks';
import { PolicyError, type PolicyIssue } from './errors.js';
import type { describeIssue as DescribeIssue, PolicyIssueCode } from './policy-checks.dev.js';
import { en } from './locales/consent/en.js';
import { isRtl } from './messages.js';
import { deepFreeze } from './freeze.js';
import { ID_PATTERN, LOCALE_PATTERN, MAX_PURPOSES, SHA256_PATTERN, VERSION_PATTERN } from './patterns.js';
import { BIDI_CONTROL, DIRECTION_MARK, MAX_POLICY_LENGTH, MAX_TEXT_LENGTH } from './policy-text-rules.js';
import { safeUrl } from './safe-url.js';
import type { ConsentPolicy } from './types.js';

const BASES = ['consent', 'contract', 'legal_obligation', 'legitimate_interest'];
// Field names that would pre-tick an optional purpose.
const PRESET = /default|check|select|tick|accept|value|initial|enabled|opt_?in/i;

type Obj = Record<string, unknown>;

/** `U+202E`: how an issue names an invisible character. */
const codePoint = (char: string): string => 'U+' + (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
/** A key as it appears in an issue's path: invisible direction controls spelled out, so the path reads as stored. */
const visible = (key: string): string => key.replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, (char) => '\\u' + (char.codePointAt(0) ?? 0).toString(16));
/** Length in code points, as JSON Schema's `maxLength` counts. */
const length = (text: string): number => (text.length > MAX_TEXT_LENGTH ? Array.from(text).length : text.length);

/** Words one policy issue: its code, and the detail of the rule (a pattern, a limit, a list). */
export type PolicyIssueDescriber = typeof DescribeIssue;

/**
 * Validates a consent policy (the format of docs/policy.md; editors can check it with
 * `@assent/core/policy.schema.json`) and returns a deep-frozen copy. A `$schema` key (for
 * editors) is allowed at the top and ignored.
 *
 * Refuses, listing every issue with its field path: unknown fields (pointedly for pre-ticking
 * fields such as `checked` or `default`: an optional purpose is never pre-accepted);
 * no required purpose; a required purpose without documents; a required purpose with basis
 * `consent` (consent cannot be a condition of the contract, GDPR Art. 7(4)), and an optional
 * purpose with any basis but `consent` (what the user may freely decline is a consent);
 * ids outside `[a-z0-9_-]{1,64}` (or `__proto__`), versions outside `[A-Za-z0-9._-]{1,64}`; duplicate ids;
 * a purpose naming an unknown document or one twice; URLs that `safeUrl` refuses; a `sha256`
 * that is not 64 lowercase hex digits; more than `MAX_PURPOSES` purposes, or purpose ids that
 * together would not fit one Auth0 metadata value; documents or purposes with no English text
 * (built-in or in `messages.en`); a purpose text with `{documents}` but no documents; language
 * tags that are not BCP 47; messages that are not strings.
 *
 * Every check runs in every build; with the `development` export condition each `message` is a
 * sentence, in production builds only the issue's code, e.g. `is invalid (pattern)` (#policy-checks).
 *
 * `describe` words each issue (by default the build's wording, above); the `assent-policy` CLI
 * passes the development sentences whatever conditions Node runs with. The checks are the same.
 *
 * @throws {PolicyError} with `issues: [{ path: 'purposes[1].id', code: 'pattern', message }]`
 * @example const policy = parsePolicy(await (await fetch('/consent-policy.json')).json());
 */
export function parsePolicy(input: unknown, describe: PolicyIssueDescriber = describeIssue): ConsentPolicy {
  const issues: PolicyIssue[] = [];
  const fail = (path: string, code: PolicyIssueCode, detail?: unknown): false => (issues.push({ path, code, message: describe(code, detail) }), false);
  // `fields` lists the allowed keys; without it any key is allowed.
  const isObject = (value: unknown, path: string, fields?: string): value is Obj => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return fail(path, 'object');
    for (const key in value) {
      if (fields && !fields.split(' ').includes(key)) {
        fail(path + (path && '.') + key, PRESET.test(key) && path[0] === 'p' ? 'preticked' : 'field');
      }
    }
    return true;
  };
  const isArray = (value: unknown, path: string): value is unknown[] => Array.isArray(value) || fail(path, 'array');
  const check = (value: unknown, path: string, pattern: RegExp | null, code: PolicyIssueCode = 'pattern'): void => {
    if (typeof value !== 'string' || (pattern ? !pattern.test(value) : !safeUrl(value))) fail(path, code, pattern);
  };
  const checkUrl = (value: unknown, path: string): void => check(value, path, null, 'url');
  // A text is only ever shown as text; these keep what is shown what is stored, reviewed and hashed.
  const checkText = (text: string, path: string, marksAllowed: boolean): void => {
    const control = BIDI_CONTROL.exec(text) ?? (marksAllowed ? null : DIRECTION_MARK.exec(text));
    if (control) fail(path, BIDI_CONTROL.test(control[0]) ? 'bidi' : 'directionMark', codePoint(control[0]));
    if (length(text) > MAX_TEXT_LENGTH) fail(path, 'tooLong', MAX_TEXT_LENGTH);
  };

  // Validate a JSON copy: what is checked is exactly what is kept and what a server would see.
  let policy: unknown;
  let json = '0';
  try {
    json = JSON.stringify(input) ?? json;
    policy = JSON.parse(json);
  } catch {
    // Cycles and BigInts end as "must be an object".
  }
  if (!isObject(policy, '', '$schema id version controller documents purposes withdrawal messages')) throw new PolicyError(issues);
  if (json.length > MAX_POLICY_LENGTH && Array.from(json).length > MAX_POLICY_LENGTH) fail('', 'tooLong', MAX_POLICY_LENGTH);
  const { controller, documents, purposes, withdrawal, messages } = policy;

  check(policy.id, 'id', ID_PATTERN);
  check(policy.version, 'version', VERSION_PATTERN);
  if (isObject(controller, 'controller', 'name contact')) {
    for (const field of ['name', 'contact']) {
      const value = controller[field];
      if (field === 'contact' && value === undefined) continue;
      check(value, 'controller.' + field, /\S/, 'nonEmpty');
      // Set into the sentences of every language: no direction marks.
      if (typeof value === 'string') checkText(value, 'controller.' + field, false);
    }
  }
  if (withdrawal !== undefined && isObject(withdrawal, 'withdrawal', 'url')) checkUrl(withdrawal.url, 'withdrawal.url');

  const english: Obj = { ...en };
  if (messages !== undefined && isObject(messages, 'messages')) {
    for (const [locale, texts] of Object.entries(messages)) {
      const path = 'messages.' + visible(locale);
      if (!LOCALE_PATTERN.test(locale)) fail(path, 'locale');
      if (isObject(texts, path)) {
        for (const [key, text] of Object.entries(texts)) {
          const textPath = `${path}["${visible(key)}"]`;
          const control = BIDI_CONTROL.exec(key);
          if (control) fail(textPath, 'bidi', codePoint(control[0]));
          if (typeof text !== 'string') fail(textPath, 'string');
          else {
            checkText(text, textPath, isRtl(locale));
            if (locale === 'en') english[key] = text;
          }
        }
      }
    }
  }
  // Only for valid ids: an invalid one has its own issue already.
  const englishText = (id: unknown, kind: string, path: string): string => (ID_PATTERN.test(id as string) ? String(english[kind + id] ?? fail(path, 'noText', kind + id)) : '');

  const documentIds: unknown[] = [];
  if (isArray(documents, 'documents')) {
    documents.forEach((document, i) => {
      const path = `documents[${i}]`;
      if (!isObject(document, path, 'id url version sha256')) return;
      check(document.id, path + '.id', ID_PATTERN);
      if (documentIds.includes(document.id)) fail(path + '.id', 'duplicate');
      documentIds.push(document.id);
      checkUrl(document.url, path + '.url');
      check(document.version, path + '.version', VERSION_PATTERN);
      if (document.sha256 !== undefined) check(document.sha256, path + '.sha256', SHA256_PATTERN);
      englishText(document.id, 'document.', path + '.id');
    });
  }

  if (isArray(purposes, 'purposes')) {
    const ids: unknown[] = [];
    if (purposes.length > MAX_PURPOSES) fail('purposes', 'tooMany', MAX_PURPOSES);
    purposes.forEach((purpose, i) => {
      const path = `purposes[${i}]`;
      if (!isObject(purpose, path, 'id required basis documents')) return;
      const { id, required, basis, documents: linked = [] } = purpose;
      const text = englishText(id, 'purpose.', path + '.id');
      check(id, path + '.id', ID_PATTERN);
      if (ids.includes(id)) fail(path + '.id', 'duplicate');
      ids.push(id);
      if (typeof required !== 'boolean') fail(path + '.required', 'boolean');
      if (!BASES.includes(basis as string)) fail(path + '.basis', 'basis', BASES);
      else if (required ? basis === 'consent' : basis !== 'consent') {
        fail(path + '.basis', required ? 'requiredConsent' : 'optionalNotConsent');
      }
      if (isArray(linked, path + '.documents')) {
        linked.forEach((ref, j) => {
          if (!documentIds.includes(ref) || linked.indexOf(ref) < j) fail(`${path}.documents[${j}]`, 'documentRef');
        });
        if (required && !linked.length) fail(path + '.documents', 'noDocuments');
        if (!linked.length && text.includes('{documents}')) fail(path + '.documents', 'documentsPlaceholder');
      }
    });
    if (!purposes.some((purpose) => (purpose as Obj | null)?.required === true)) fail('purposes', 'noRequired');
    if (ids.join().length > 500) fail('purposes', 'idsTooLong');
  }

  if (issues.length) throw new PolicyError(issues);
  return deepFreeze(policy) as unknown as ConsentPolicy;
}
