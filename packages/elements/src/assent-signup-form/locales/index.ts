import type { FormLocaleMessages } from '../messages.js';

/**
 * The language modules of `<assent-signup-form>`'s texts, by base language tag (every entry of
 * core's `SUPPORTED_LOCALES` but English). Loaded on demand by `loadFormTranslation`, so a page in
 * English never downloads this table; static specifiers, so every bundler can resolve them.
 */
export const FORM_LOCALES = {
  ar: () => import('./ar.js'),
  bg: () => import('./bg.js'),
  cs: () => import('./cs.js'),
  da: () => import('./da.js'),
  de: () => import('./de.js'),
  el: () => import('./el.js'),
  es: () => import('./es.js'),
  et: () => import('./et.js'),
  fi: () => import('./fi.js'),
  fr: () => import('./fr.js'),
  ga: () => import('./ga.js'),
  he: () => import('./he.js'),
  hr: () => import('./hr.js'),
  hu: () => import('./hu.js'),
  it: () => import('./it.js'),
  lt: () => import('./lt.js'),
  lv: () => import('./lv.js'),
  mt: () => import('./mt.js'),
  nl: () => import('./nl.js'),
  pl: () => import('./pl.js'),
  pt: () => import('./pt.js'),
  ro: () => import('./ro.js'),
  sk: () => import('./sk.js'),
  sl: () => import('./sl.js'),
  sv: () => import('./sv.js'),
} satisfies Readonly<Record<string, () => Promise<{ default: FormLocaleMessages }>>>;

/** A language with a module in the table. */
export type FormLocale = keyof typeof FORM_LOCALES;
