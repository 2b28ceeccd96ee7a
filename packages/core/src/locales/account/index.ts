// Generated from SUPPORTED_LOCALES (../supported.ts) by packages/core/scripts/locale-tables.mjs: do not edit.
import type { AccountLocaleMessages, LocaleLoaders } from '../types.js';

/**
 * The language modules of the account elements' texts, by base language tag.
 *
 * Every entry of `SUPPORTED_LOCALES` but English (bundled). Loaded on demand by `loadAccountTranslation`,
 * so a page in English never downloads this table; static specifiers, so every bundler splits one
 * chunk per language.
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
} satisfies LocaleLoaders<AccountLocaleMessages>;
