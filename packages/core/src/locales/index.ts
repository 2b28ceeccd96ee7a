import type { LocaleMessages } from '../messages.js';

/**
 * The language modules of core's built-in texts, by base language tag (every entry of
 * `SUPPORTED_LOCALES` but English). Loaded on demand by `loadMessages`, so a page in English never
 * downloads this table; static specifiers, so every bundler (and plain ESM) can resolve them.
 */
export const LOCALES = {
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
} satisfies Readonly<Record<string, () => Promise<{ default: LocaleMessages }>>>;

/** A language with a module in the table. */
export type BuiltInLocale = keyof typeof LOCALES;
