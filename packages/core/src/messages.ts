import type { BuiltInLocale } from './locales/index.js';
import type { Messages } from './types.js';

/**
 * Built-in English texts, always bundled (every other language is loaded on demand).
 *
 * - `purpose.<id>`: the sentence shown next to the purpose's checkbox. `{documents}` becomes the
 *   linked document titles, joined as a list ("the Terms of Service and Privacy Policy");
 *   `{controller}` becomes the controller's name. Consent sentences name the controller and the
 *   channel, so the consent is specific and informed (GDPR Art. 4(11), 7(2)).
 * - `document.<id>`: a document title in the form it takes inside those sentences. Languages that
 *   need an article or a grammatical case there carry it in the title (French "la Politique de
 *   confidentialité", German "die Datenschutzerklärung"), so custom titles must follow suit.
 * - UI texts of the elements: `required.error`, `optional.legend`, `optional.hint` (withdrawal
 *   notice, Art. 7(3)), `link.newTab`, `policy.loading`, `policy.error`.
 */
export const en = {
  'purpose.terms': 'I agree to the {documents}.',
  'purpose.privacy': 'I have read the {documents}.',
  'purpose.marketing': 'Email me news and offers from {controller}.',
  'purpose.newsletter': 'Email me the {controller} newsletter.',
  'purpose.analytics': '{controller} may analyze how I use the service to improve it.',
  'purpose.personalization': '{controller} may personalize content and recommendations based on how I use the service.',
  'purpose.profiling': '{controller} may profile my interests from how I use the service to tailor offers to me.',
  'purpose.third_party_sharing': '{controller} may share my name and email address with selected partners for their own offers.',
  'purpose.research': '{controller} may contact me for surveys and product research.',
  'document.terms': 'Terms of Service',
  'document.privacy': 'Privacy Policy',
  'document.cookies': 'Cookie Policy',
  'document.dpa': 'Data Processing Agreement',
  'document.eula': 'End User License Agreement',
  'document.community': 'Community Guidelines',
  'required.error': 'Please accept the {documents} to continue.',
  'optional.legend': 'Optional',
  'optional.hint': 'You can withdraw your consent at any time.',
  'link.newTab': 'opens in a new tab',
  'policy.loading': 'Loading the terms…',
  'policy.error': 'The terms could not be loaded.',
} satisfies Messages;

/** A key of the built-in texts. Every language module defines every one of them. */
export type MessageKey = keyof typeof en;

/** A language module: every built-in key, translated. */
export type LocaleMessages = Readonly<Record<MessageKey, string>>;

/**
 * Languages with built-in texts: the 24 official languages of the EU, plus Arabic and Hebrew
 * (right-to-left). Base language tags only; regional variants resolve to their base. Every one but
 * English has a module in locales/, listed by locales/index.ts.
 */
export const SUPPORTED_LOCALES: readonly string[] = 'en ar bg cs da de el es et fi fr ga he hr hu it lt lv mt nl pl pt ro sk sl sv'.split(' ');

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
  return resolved == 'en' ? en : (await (await import('./locales/index.js')).LOCALES[resolved as BuiltInLocale]()).default;
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

/**
 * English texts of the password rules (`passwordRules`, `SignupError#rules`), key `password.<code>`:
 * Auth0's own wording, with `{count}`, `{total}`, `{max}` and `{example}` for the rule's `params`.
 * Kept apart from `en` so pages that never show a password field do not download them.
 * Other languages: not yet translated (fall back to these).
 */
export const passwordEn = {
  'password.nonEmpty': 'Non-empty password required',
  'password.lengthAtLeast': 'At least {count} characters in length',
  'password.containsAtLeast': 'Contain at least {count} of the following {total} types of characters:',
  'password.shouldContain': 'Should contain:',
  'password.lowerCase': 'lower case letters (a-z)',
  'password.upperCase': 'upper case letters (A-Z)',
  'password.numbers': 'numbers (i.e. 0-9)',
  'password.specialCharacters': 'special characters (e.g. !@#$%^&*)',
  'password.identicalChars': 'No more than {max} identical characters in a row (e.g., "{example}" not allowed)',
  'password.noPersonalInfo': 'Does not contain your email address or username',
} satisfies Messages;

/** A key of the password rule texts. */
export type PasswordMessageKey = keyof typeof passwordEn;
