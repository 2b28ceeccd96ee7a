import { en } from './locales/consent/en.js';
import { SUPPORTED_LOCALES } from './locales/supported.js';
import type { Messages } from './types.js';

/** A language of the consent texts' table: every supported one but English. */
type TableLocale = keyof typeof import('./locales/consent/index.js')['LOCALES'];

/**
 * The first candidate that has built-in texts, by exact tag, then by its base language
 * (`de-AT` -> `de`); `'en'` when none has. Empty and missing candidates are skipped, so
 * `resolveLocale(el.lang, closestLang, document.documentElement.lang, navigator.language)` works.
 *
 * @example resolveLocale(undefined, 'fr-CA', 'de') // 'fr'
 */
export function resolveLocale(...candidates: (string | null | undefined)[]): string {
  for (const candidate of candidates) {
    const tag = candidate?.trim().toLowerCase().replace(/_/g, '-');
    if (!tag) continue;
    if (SUPPORTED_LOCALES.includes(tag)) return tag;
    const base = tag.replace(/-.*/, '');
    if (SUPPORTED_LOCALES.includes(base)) return base;
  }
  return 'en';
}

/**
 * Whether `locale` is written right to left: Arabic, Hebrew, Persian, Urdu and the other RTL
 * languages, or any tag with the Arabic or Hebrew script subtag (`ks-Arab`).
 */
export function isRtl(locale: string): boolean {
  return /^(ar|arc|ckb|dv|fa|he|iw|ks|ps|sd|syr|ug|ur|yi)(-|$)|-(arab|hebr|syrc|thaa)(-|$)/i.test(locale) && !/-latn(-|$)/i.test(locale);
}

/**
 * The built-in texts of `locale` (resolved with `resolveLocale`): English at once, any other
 * language through a dynamic import of the language table (one small module for every language)
 * and then of its own small module.
 *
 * @example const messages = await loadMessages('de-CH'); // German texts
 */
export async function loadMessages(locale: string): Promise<Messages> {
  const resolved = resolveLocale(locale);
  // The table of language modules is itself loaded on demand: English pages never download it.
  // resolveLocale returns a key of the table for every language but English.
  return resolved === 'en' ? en : (await (await import('./locales/consent/index.js')).LOCALES[resolved as TableLocale]()).default;
}

/**
 * Replaces each `{name}` in `template` by `params[name]`; unknown placeholders stay as they are.
 * Plain text in, plain text out: render the result as text, never as HTML.
 *
 * @example format('Please accept the {documents}.', { documents: 'Terms' })
 */
export function format(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : match));
}
