import { formSubmitEn, formUiEn, passwordEn, type FormLocaleMessages } from '@assent/core';
import { loadFormTranslation } from '@assent/core/locales/form-translation.js';

export type { FormLocaleMessages, FormMessageKey } from '@assent/core';

/**
 * English texts of `<assent-signup-form>` (core's `formUiEn` and `formSubmitEn`), apart from core's
 * `en` so that `<assent-terms>` alone never downloads them. With core's `passwordEn` (the password
 * rules, `password.<code>`) they make the form's English set, `formMessagesEn`; every other language
 * is one module loaded on demand. The element itself downloads them in two parts: what it renders up
 * front, what only a submit needs with its signup code.
 *
 * - `signup.*`: labels, buttons, status texts and the messages of the form's own validation.
 * - `error.<code>`: one per `SignupError` code the user can meet, plus `error.may_already_exist`
 *   (a retry met "user exists" after an attempt that may have created the account), `error.offline`,
 *   `error.too_long` and `error.field` (input the SDK refused before sending).
 * - `{time}` is a duration formatted by `Intl.NumberFormat` ("30 seconds"), `{name}` the given name
 *   the user typed (rendered as text).
 */
export const formEn = { ...formUiEn, ...formSubmitEn };

/** The form's complete English set: the fallback of every other language. */
export const formMessagesEn: FormLocaleMessages = { ...formEn, ...passwordEn };

/**
 * The form's texts in `locale` (resolved with core's `resolveLocale`, so the languages are core's
 * `SUPPORTED_LOCALES`): English at once, any other language through a dynamic import.
 *
 * @example const texts = await loadFormMessages('de-AT'); // German
 */
export async function loadFormMessages(locale: string): Promise<FormLocaleMessages> {
  return (await loadFormTranslation(locale)) ?? formMessagesEn;
}
