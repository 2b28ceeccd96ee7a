import { accountEn, type AccountLocaleMessages } from '@assent/core';
import { loadAccountTranslation } from '@assent/core/locales/account-translation.js';

// The texts are core's (`accountEn`, one module per other language); the elements re-export them.
export { accountEn, type AccountLocaleMessages, type AccountMessageKey } from '@assent/core';

/**
 * The account elements' texts in `locale` (resolved with core's `resolveLocale`, so the languages
 * are core's `SUPPORTED_LOCALES`): English at once, any other language through a dynamic import.
 *
 * @example const texts = await loadAccountMessages('fr-BE'); // French
 */
export async function loadAccountMessages(locale: string): Promise<AccountLocaleMessages> {
  return (await loadAccountTranslation(locale)) ?? accountEn;
}
