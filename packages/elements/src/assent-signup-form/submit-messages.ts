import { formSubmitEn, type FormLocaleMessages, type FormUiMessages } from '@assent/core';

/**
 * The complete texts of a language: a translation has them all; English gets core's `formSubmitEn`
 * (the texts only a submit shows), which so loads with the signup code, not in the first download.
 */
export function withSubmitTexts(texts: FormUiMessages): FormLocaleMessages {
  return { ...formSubmitEn, ...texts };
}
