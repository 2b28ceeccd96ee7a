import { AssentError } from './errors.js';
import type { ConsentPolicy } from './types.js';

/**
 * The canonical statement a consent hash covers. Line-based UTF-8 text, lines joined by `\n`:
 *
 * ```
 * assent-statement/1
 * policy <policy id>@<policy version>
 * document <id>@<version>[ sha256:<hex>]     one line per document, in policy order
 * accepted <purpose id>,<purpose id>,...     accepted purposes, in policy order
 * locale <locale>
 * text
 * <the consent text shown, as shownText returns it; may span lines>
 * ```
 *
 * Every field before `text` comes from a validated policy or decision (ids, versions and locales
 * cannot hold spaces or line breaks) and the free text comes last, so the serialisation is
 * unambiguous. Accepted ids not in the policy are left out (createDecision refuses them first).
 */
export function canonicalStatement(policy: ConsentPolicy, accepted: readonly string[], locale: string, text: string): string {
  return [
    'assent-statement/1',
    `policy ${policy.id}@${policy.version}`,
    ...policy.documents.map((d) => `document ${d.id}@${d.version}${d.sha256 ? ' sha256:' + d.sha256 : ''}`),
    'accepted ' +
      policy.purposes
        .filter((p) => accepted.includes(p.id))
        .map((p) => p.id)
        .join(','),
    'locale ' + locale,
    'text',
    text,
  ].join('\n');
}

/**
 * SHA-256 of the UTF-8 bytes of `text`, as 64 lowercase hex digits (WebCrypto: browsers in a
 * secure context, Node >= 20).
 *
 * @throws {AssentError} `no_webcrypto` when `crypto.subtle` is missing (a page served over plain http).
 */
export async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new AssentError('no_webcrypto', 'crypto.subtle needs https or localhost');
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
