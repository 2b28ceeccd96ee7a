import { resolveLocale } from '../messages.js';
import type { AccountLocaleMessages } from './types.js';

// Only from `@assent/core/locales/account-translation.js`, not from the package's index: an app
// without the account elements then gets none of their language modules as chunks.

/** The languages of the account texts' table: every supported one but English. */
type AccountLocale = keyof typeof import('./account/index.js')['LOCALES'];

/**
 * The account elements' texts in `locale` (resolved with `resolveLocale`) through a dynamic import
 * of their language table and then of the language's module; null for English (`accountEn`).
 *
 * @example const texts = (await loadAccountTranslation('fr-BE')) ?? accountEn;
 */
export async function loadAccountTranslation(locale: string): Promise<AccountLocaleMessages | null> {
  const resolved = resolveLocale(locale);
  return resolved === 'en' ? null : (await (await import('./account/index.js')).LOCALES[resolved as AccountLocale]()).default;
}
