/**
 * Languages with built-in texts: the 24 official languages of the EU, plus Arabic and Hebrew
 * (right-to-left). Base language tags only; regional variants resolve to their base.
 *
 * The one list of languages: every one but English has a module in each part of the texts
 * (consent/<tag>.ts, signup-form/<tag>.ts, account/<tag>.ts), and the parts' loader tables
 * (<part>/index.ts) are generated from this line by `node packages/core/scripts/locale-tables.mjs`.
 * A test fails when a part, a table or a file disagrees with it.
 */
export const SUPPORTED_LOCALES: readonly string[] = 'en ar bg cs da de el es et fi fr ga he hr hu it lt lv mt nl pl pt ro sk sl sv'.split(' ');
