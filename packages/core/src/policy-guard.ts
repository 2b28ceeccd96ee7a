import { PolicyError, type PolicyIssue } from './errors.js';
import { deepFreeze } from './freeze.js';
import { ID_PATTERN, MAX_PURPOSES, SHA256_PATTERN, VERSION_PATTERN } from './patterns.js';
import type { PolicyIssueCode } from './policy-checks.dev.js';
import { safeUrl } from './safe-url.js';
import type { ConsentPolicy } from './types.js';

type Obj = Record<string, unknown>;

const isObject = (value: unknown): value is Obj => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * The checks of `parsePolicy` that protect users, for production browser bundles (`validatePolicy`
 * picks it there; development builds and servers run the full `parsePolicy`). Refuses, at the
 * same field paths and with the same codes as `parsePolicy` (`is invalid (<code>)`):
 *
 * - document and withdrawal URLs that `safeUrl` refuses (the URL allow-list);
 * - what would break Auth0's limits or the signup wire format and the consent statement: ids and
 *   versions outside their syntax, duplicate purpose ids, more than `MAX_PURPOSES` purposes or
 *   purpose ids that joined exceed 500 characters, a malformed `sha256`;
 * - texts that are not strings (`messages`, the controller's name): texts are only ever text;
 * - no required purpose, `required` that is not a boolean, a purpose list or document list that is
 *   not an array of objects.
 *
 * What only helps the policy's author (unknown fields, missing English texts, legal-basis rules,
 * unknown document references) is left to `parsePolicy`, which a server runs at startup.
 *
 * @throws {PolicyError} listing every issue found.
 * @example const policy = guardPolicy(await (await fetch('/consent-policy.json')).json());
 */
export function guardPolicy(input: unknown): ConsentPolicy {
  const issues: PolicyIssue[] = [];
  const fail = (path: string, code: PolicyIssueCode) => issues.push({ path, code, message: `is invalid (${code})` });
  const test = (pattern: RegExp, value: unknown, path: string) => pattern.test(value as string) || fail(path, 'pattern');
  // The objects of a list, each with its index; anything else is an issue.
  const list = (value: unknown, path: string): [Obj, number][] =>
    Array.isArray(value) ? value.flatMap((item, i) => (isObject(item) ? [[item, i]] : (fail(`${path}[${i}]`, 'object'), []))) : (fail(path, 'array'), []);
  // Checked on a JSON copy: what is checked is exactly what is kept.
  let policy: unknown;
  try {
    policy = JSON.parse(JSON.stringify(input));
  } catch {
    // Cycles and BigInts end as "must be an object".
  }
  if (!isObject(policy)) {
    fail('', 'object');
    throw new PolicyError(issues);
  }
  const { controller, withdrawal, messages } = policy;
  test(ID_PATTERN, policy.id, 'id');
  test(VERSION_PATTERN, policy.version, 'version');
  if (typeof (controller as Obj | undefined)?.name !== 'string') fail('controller.name', 'nonEmpty');
  if (withdrawal !== undefined && !safeUrl((withdrawal as Obj | null)?.url as string)) fail('withdrawal.url', 'url');
  // Texts of a locale that is not an object are never read (lookups on it find nothing).
  for (const [locale, texts] of Object.entries(Object(messages))) {
    for (const [key, text] of Object.entries(Object(texts))) if (typeof text !== 'string') fail(`messages.${locale}["${key}"]`, 'string');
  }
  for (const [{ id, url, version, sha256 }, i] of list(policy.documents, 'documents')) {
    const path = `documents[${i}].`;
    test(ID_PATTERN, id, path + 'id');
    if (!safeUrl(url as string)) fail(path + 'url', 'url');
    test(VERSION_PATTERN, version, path + 'version');
    if (sha256 !== undefined) test(SHA256_PATTERN, sha256, path + 'sha256');
  }
  const purposes = list(policy.purposes, 'purposes');
  const ids: unknown[] = [];
  for (const [{ id, required, documents }, i] of purposes) {
    const path = `purposes[${i}].`;
    test(ID_PATTERN, id, path + 'id');
    if (ids.includes(id)) fail(path + 'id', 'duplicate');
    ids.push(id);
    if (typeof required !== 'boolean') fail(path + 'required', 'boolean');
    if (documents !== undefined && !Array.isArray(documents)) fail(path + 'documents', 'array');
  }
  if (ids.length > MAX_PURPOSES) fail('purposes', 'tooMany');
  if (ids.join().length > 500) fail('purposes', 'idsTooLong');
  if (!purposes.some(([{ required }]) => required === true)) fail('purposes', 'noRequired');
  if (issues.length) throw new PolicyError(issues);
  return deepFreeze(policy) as unknown as ConsentPolicy;
}
