/**
 * The custom texts of the partials for one language: every sentence the consent block shows,
 * built with core's own text functions (`purposeText`), so the page shows exactly the statement
 * that core hashes for that locale and the pre-user-registration Action can recompute the proof.
 */
import { format, purposeText, resolveMessage, type ConsentPolicy, type Messages, type TextPart } from '@assent/core';
import { MARKER, customTextValue } from './escape.js';

/** The custom text keys of the consent block (Auth0 hands them to Liquid as `prompt.screen.texts`). */
export const TEXT_KEYS = {
  /** The locale whose texts these are: posted back in a hidden field, so the Action hashes the same texts. */
  locale: 'var-assent-locale',
  /** The sentence(s) of the required purposes, next to the one required box. */
  required: 'var-assent-required',
  /** The error shown when the required box is left unticked. */
  error: 'var-assent-error',
  /** The legend of the optional purposes. */
  legend: 'var-assent-legend',
  /** The withdrawal sentence and the controller's name. */
  hint: 'var-assent-hint',
  /** "opens in a new tab", the description of every document link. */
  newTab: 'var-assent-newtab',
  /** The notice of `signup-id`: the linked documents and the controller. */
  notice: 'var-assent-notice',
  /** The sentence of optional purpose number `index` (in policy order among the optional ones). */
  optional: (index: number) => `var-assent-p${index}`,
} as const;

/**
 * How Liquid reads custom text variable `key` on Auth0: `var-assent-p0` is
 * `prompt.screen.texts.varAssentP0` (dashes dropped, the letter after each one upper-cased).
 */
export function liquidTextName(key: string): string {
  return key.replace(/-([a-z0-9])/gi, (_, letter: string) => letter.toUpperCase());
}

/** One language's custom texts: key -> plain text with markers (see `MARKER`). */
export type ConsentTexts = Readonly<Record<string, string>>;

/** A sentence as a custom text value: links as markers around their titles, braces as markers. */
function sentence(policy: ConsentPolicy, parts: readonly TextPart[]): string {
  return parts
    .map((part) => {
      const index = part.href === undefined ? -1 : policy.documents.findIndex((document) => document.id === part.document);
      const text = customTextValue(part.text);
      return index < 0 ? text : MARKER.open(index) + text + MARKER.close;
    })
    .join('');
}

/** The parts of the required box's label: the sentences of every required purpose, one after the other (as `<assent-terms>` shows them). */
export function requiredParts(policy: ConsentPolicy, locale: string, messages: Messages): TextPart[] {
  return policy.purposes
    .filter((purpose) => purpose.required)
    .flatMap((purpose, index) => {
      const parts = purposeText(policy, purpose.id, locale, messages);
      return index ? [{ text: ' ' }, ...parts] : parts;
    });
}

/**
 * The custom texts of the consent block for `locale`, given core's built-in texts of that locale
 * (`loadMessages(locale)`); the policy's own `messages` win as everywhere in Assent.
 */
export function consentTexts(policy: ConsentPolicy, locale: string, messages: Messages): ConsentTexts {
  const t = (key: string) => resolveMessage(policy, locale, messages, key);
  const required = requiredParts(policy, locale, messages);
  const titles = [...new Set(required.filter((part) => part.document).map((part) => part.text))];
  const optional = policy.purposes.filter((purpose) => !purpose.required);
  const contact = policy.controller.contact ? ` · ${policy.controller.contact}` : '';
  const hint = optional.length ? customTextValue(t('optional.hint')) : '';
  const withdrawal = hint && policy.withdrawal ? MARKER.withdrawal + hint + MARKER.close : hint;
  const texts: Record<string, string> = {
    [TEXT_KEYS.locale]: locale,
    [TEXT_KEYS.required]: sentence(policy, required),
    [TEXT_KEYS.error]: customTextValue(format(t('required.error'), { documents: new Intl.ListFormat(locale, { type: 'conjunction' }).format(titles) })),
    [TEXT_KEYS.hint]: (withdrawal ? withdrawal + ' ' : '') + customTextValue(policy.controller.name + contact),
  };
  if (optional.length > 1) texts[TEXT_KEYS.legend] = customTextValue(t('optional.legend'));
  optional.forEach((purpose, index) => {
    texts[TEXT_KEYS.optional(index)] = sentence(policy, purposeText(policy, purpose.id, locale, messages));
  });
  return texts;
}

/** The text a custom text value shows once the partial has rendered it (markers gone, braces back). */
export function shownCustomText(value: string): string {
  return value
    .replace(/⟦(?:\d+|w|\/)⟧/g, '')
    .replaceAll(MARKER.leftBrace, '{')
    .replaceAll(MARKER.rightBrace, '}');
}
