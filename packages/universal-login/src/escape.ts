/**
 * Escaping for the two languages a partial is written in at once: HTML, and the Liquid that Auth0
 * renders before the browser sees it. Policy content (names, URLs, texts) must never become markup
 * in either. Liquid's delimiters are `{{` and `{%`, so every brace of policy content leaves the
 * generator as an HTML character reference (`&#123;`, `&#125;`): the browser shows a brace, Liquid
 * sees none.
 */

const HTML: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '{': '&#123;',
  '}': '&#125;',
  // Inside a Liquid output tag a bare pipe would start a filter, even in a quoted argument on some engines.
  '|': '&#124;',
};

/** `text` as HTML text or a double- or single-quoted attribute value that holds no Liquid delimiter. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'{}|]/g, (character) => HTML[character] as string);
}

/**
 * Markers inside custom texts. Custom texts are plain text, HTML-escaped by the partial (`| escape`)
 * and then turned into links and braces by `replace` filters, so a custom text can neither inject
 * markup nor hold a Liquid delimiter. The brackets are U+27E6/U+27E7, which `escape` leaves alone.
 */
export const MARKER = {
  /** Start of the link to the policy's document number `index`. */
  open: (index: number) => `⟦${index}⟧`,
  /** Start of the link to the withdrawal page. */
  withdrawal: '⟦w⟧',
  close: '⟦/⟧',
  leftBrace: '⟦(⟧',
  rightBrace: '⟦)⟧',
} as const;

/** Whether a policy text contains a marker bracket, which the generator reserves. */
export function hasMarkerCharacters(text: string): boolean {
  return /[⟦⟧]/.test(text);
}

/** Plain `text` for a custom text value: braces replaced by markers (see `MARKER`). */
export function customTextValue(text: string): string {
  return text.replaceAll('{', MARKER.leftBrace).replaceAll('}', MARKER.rightBrace);
}

/** A Liquid single-quoted string literal of `html` (which must already hold no `'`, `{` or `}`: see `escapeHtml`). */
export function liquidString(html: string): string {
  if (/['{}]/.test(html)) throw new Error(`not Liquid-safe: ${html}`);
  return `'${html}'`;
}
