import { DecisionError } from './errors.js';
import { en } from './locales/consent/en.js';
import { safeUrl } from './safe-url.js';
import type { ConsentPolicy, Messages, PolicyDocument } from './types.js';

/**
 * A piece of a consent sentence: plain text, or a document title with its link. `href` is present
 * only when the document's URL passed `safeUrl`; render every part as text (never as HTML).
 */
export type TextPart = {
  readonly text: string;
  /** Safe URL of the document, to render as a link. */
  readonly href?: string;
  /** Id of the document this part names. */
  readonly document?: string;
};

/**
 * The text of `key` for `locale`: the policy's own text for the locale, then for its base
 * language, then `builtIn` (the built-in texts of the locale, from `loadMessages`), then the
 * policy's English, then built-in English; the key itself as a last resort.
 */
export function resolveMessage(policy: ConsentPolicy, locale: string, builtIn: Messages, key: string): string {
  const own = policy.messages ?? {};
  return own[locale]?.[key] ?? own[locale.replace(/-.*/, '')]?.[key] ?? builtIn[key] ?? own.en?.[key] ?? (en as Messages)[key] ?? key;
}

// Making an Intl.ListFormat costs far more than using one (tens of milliseconds for a page of
// purposes): one per locale, kept for the page's lifetime.
const listFormats = new Map<string, Intl.ListFormat>();

/** The conjunction list format of `locale`, English when the engine does not know the tag. */
export function listFormat(locale: string): Intl.ListFormat {
  let list = listFormats.get(locale);
  if (!list) {
    try {
      list = new Intl.ListFormat(locale, { type: 'conjunction' });
    } catch {
      list = new Intl.ListFormat('en', { type: 'conjunction' });
    }
    listFormats.set(locale, list);
  }
  return list;
}

/**
 * The titles of `documentIds` as one list in the grammar of `locale` ("the Terms of Service and
 * Privacy Policy"): each title a part linking its document, with the separators as text parts.
 */
export function documentLinks(policy: ConsentPolicy, documentIds: readonly string[], locale: string, builtIn: Messages): TextPart[] {
  const documents = documentIds.flatMap((id) => policy.documents.filter((document) => document.id === id));
  const title = ({ id }: PolicyDocument) => resolveMessage(policy, locale, builtIn, `document.${id}`);
  const link = (document: PolicyDocument): TextPart => {
    const href = safeUrl(document.url);
    return { text: title(document), document: document.id, ...(href && { href }) };
  };
  // English, the default, is joined here as Intl.ListFormat('en') joins ("A and B", "A, B, and C"):
  // a page's first Intl.ListFormat takes tens of milliseconds to make (the engine builds its table
  // of locales), which would hold up every English consent box.
  if (locale === 'en') {
    return documents.flatMap((document, i, { length }) => (i ? [{ text: (length > 2 ? ',' : '') + (i + 1 < length ? ' ' : ' and ') }, link(document)] : [link(document)]));
  }
  let next = 0;
  return listFormat(locale)
    .formatToParts(documents.map(title))
    .map((part) => {
      const document = part.type === 'element' ? documents[next++] : undefined;
      return document ? link(document) : { text: part.value };
    });
}

/**
 * The sentence shown for one purpose, as parts: `{documents}` becomes the linked titles of the
 * purpose's documents, `{controller}` the controller's name. A translation that lacks
 * `{documents}` still shows the links, in parentheses after the sentence: documents never vanish.
 *
 * @throws {DecisionError} `unknown_purpose` when the policy has no such purpose.
 * @example purposeText(policy, 'terms', 'en', en)
 * // [{ text: 'I agree to the ' }, { text: 'Terms of Service', href: 'https://…', document: 'terms' }, { text: '.' }]
 */
export function purposeText(policy: ConsentPolicy, purposeId: string, locale: string, builtIn: Messages): TextPart[] {
  const purpose = policy.purposes.find((candidate) => candidate.id === purposeId);
  if (!purpose) throw new DecisionError('unknown_purpose', 'unknown_purpose: ' + purposeId);
  const links = documentLinks(policy, purpose.documents ?? [], locale, builtIn);
  const pieces = resolveMessage(policy, locale, builtIn, `purpose.${purposeId}`).split('{documents}');
  if (pieces.length < 2 && links.length) {
    pieces.push('');
    links.unshift({ text: ' (' });
    links.push({ text: ')' });
  }
  const parts: TextPart[] = [];
  pieces.forEach((piece, i) => {
    if (i) parts.push(...links);
    // A function replacement: `$&` and the like in a name stay literal.
    if (piece) parts.push({ text: piece.replaceAll('{controller}', () => policy.controller.name) });
  });
  return parts;
}

/** The text of `parts` as the user read it. */
export function plainText(parts: readonly TextPart[]): string {
  return parts.map((part) => part.text).join('');
}

/**
 * Exactly what the user was shown: the plain text of every purpose's sentence, in policy order,
 * one per line. This is the text the consent hash covers.
 */
export function shownText(policy: ConsentPolicy, locale: string, builtIn: Messages): string {
  return policy.purposes.map((purpose) => plainText(purposeText(policy, purpose.id, locale, builtIn))).join('\n');
}
