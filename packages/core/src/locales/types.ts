/**
 * The types of the built-in texts, every part in one place: the keys come from the English texts
 * (<part>/en*.ts), and every other language's module of a part is typed with that part's
 * `...LocaleMessages`, so a missing or unknown key fails the typecheck. Pure types.
 */
import type { accountEn } from './account/en.js';
import type { en } from './consent/en.js';
import type { formUiEn } from './signup-form/en.js';
import type { passwordEn } from './signup-form/en-password.js';
import type { formSubmitEn } from './signup-form/en-submit.js';

/** A key of the consent texts (`en`): purpose sentences, document titles, `<assent-terms>`' own. */
export type MessageKey = keyof typeof en;

/** A language module of the consent texts: every key of `en`, translated. */
export type LocaleMessages = Readonly<Record<MessageKey, string>>;

/** A key of the password rule texts (`passwordEn`). */
export type PasswordMessageKey = keyof typeof passwordEn;

/** A key of the signup form's texts: what it renders, what only a submit shows, and the password rules. */
export type FormMessageKey = keyof typeof formUiEn | keyof typeof formSubmitEn | PasswordMessageKey;

/** A language module of the signup form: every key, translated. */
export type FormLocaleMessages = Readonly<Record<FormMessageKey, string>>;

/** The signup form's texts it renders before any submit: its own (`formUiEn`) and the password rules. */
export type FormUiMessages = Readonly<Record<keyof typeof formUiEn | PasswordMessageKey, string>>;

/** A key of the account elements' texts (`accountEn`). */
export type AccountMessageKey = keyof typeof accountEn;

/** A language module of the account elements: every key, translated. */
export type AccountLocaleMessages = Readonly<Record<AccountMessageKey, string>>;

/** A part's loader table (<part>/index.ts): language tag -> import of that language's module. */
export type LocaleLoaders<T> = Readonly<Record<string, () => Promise<{ readonly default: T }>>>;
