import { resolveLocale } from '../messages.js';
import type { FormLocaleMessages } from './types.js';

// Only from `@assent/core/locales/form-translation.js`, not from the package's index: an app that
// never shows the signup form then gets none of its language modules as chunks.

/** The languages of the form's table: every supported one but English. */
type FormLocale = keyof typeof import('./signup-form/index.js')['LOCALES'];

/**
 * `<assent-signup-form>`'s texts in `locale` (resolved with `resolveLocale`) through a dynamic import
 * of the form's language table and then of the language's module; null for English, whose texts
 * are bundled as `formUiEn`, `formSubmitEn` and `passwordEn`.
 *
 * @example const texts = (await loadFormTranslation('de-AT')) ?? { ...formUiEn, ...formSubmitEn, ...passwordEn };
 */
export async function loadFormTranslation(locale: string): Promise<FormLocaleMessages | null> {
  const resolved = resolveLocale(locale);
  return resolved === 'en' ? null : (await (await import('./signup-form/index.js')).LOCALES[resolved as FormLocale]()).default;
}
