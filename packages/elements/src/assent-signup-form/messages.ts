import { passwordEn, type PasswordMessageKey } from '@assent/core';
import { formSubmitEn } from './submit-messages.js';
import { formUiEn, loadFormTranslation } from './ui-messages.js';

/**
 * English texts of `<assent-signup-form>`, apart from core's `en` so that `<assent-terms>` alone
 * never downloads them. With core's `passwordEn` (the password rules, `password.<code>`) they make
 * the form's English set, `formMessagesEn`; every other language is one module loaded on demand.
 * The element itself downloads them in two parts: what it renders (ui-messages.ts) up front, what
 * only a submit needs (submit-messages.ts) with its signup code.
 *
 * - `signup.*`: labels, buttons, status texts and the messages of the form's own validation.
 * - `error.<code>`: one per `SignupError` code the user can meet, plus `error.may_already_exist`
 *   (a retry met "user exists" after an attempt that may have created the account), `error.offline`,
 *   `error.too_long` and `error.field` (input the SDK refused before sending).
 * - `{time}` is a duration formatted by `Intl.NumberFormat` ("30 seconds"), `{name}` the given name
 *   the user typed (rendered as text).
 */
export const formEn = { ...formUiEn, ...formSubmitEn };

/** A key of the form's texts: its own and the password rules. */
export type FormMessageKey = keyof typeof formEn | PasswordMessageKey;

/** A language module of the form: every key, translated. */
export type FormLocaleMessages = Readonly<Record<FormMessageKey, string>>;

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
