import { formUiEn, passwordEn, type FormUiMessages } from '@assent/core';

// The element's texts are core's (locales/signup-form): the type of what it renders, and the loader
// of the other languages (each language's module has every text, the submit ones too).
export type { FormUiMessages } from '@assent/core';
export { loadFormTranslation } from '@assent/core/locales/form-translation.js';

/**
 * The English texts `<assent-signup-form>` renders itself (core's `formUiEn`) with the password
 * rules (`passwordEn`): what the element downloads up front, and what it shows until another
 * language has loaded. The texts only a submit needs come with the signup code (submit-messages.ts).
 */
export const formUiMessagesEn: FormUiMessages = { ...formUiEn, ...passwordEn };
