import { safeUrl, type TextPart } from '@assent/core';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` with every character that means something in HTML (text or quoted attribute) escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/**
 * Lock's `signUpTerms` (an HTML string Lock renders after DOMPurify) built only from text parts:
 * every text escaped, links only for URLs `safeUrl` allows, each sentence isolated in `<bdi>` so
 * bidi control characters in one text cannot reorder the rest. Lock itself forces
 * `target="_blank" rel="noopener noreferrer"` on links; the accessible name says so.
 *
 * @param sentences one list of parts per sentence (required purposes share Lock's one terms box)
 * @param newTab the localized "opens in a new tab" (`link.newTab`)
 */
export function signUpTermsHtml(sentences: readonly (readonly TextPart[])[], newTab: string): string {
  const part = ({ text, href }: TextPart): string => {
    const url = href === undefined ? null : safeUrl(href);
    if (!url) return escapeHtml(text);
    return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer" aria-label="${escapeHtml(`${text} (${newTab})`)}">${escapeHtml(text)}</a>`;
  };
  return sentences.map((parts) => `<bdi>${parts.map(part).join('')}</bdi>`).join(' ');
}
