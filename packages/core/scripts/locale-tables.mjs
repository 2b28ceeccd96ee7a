#!/usr/bin/env node
// Writes the loader tables of the built-in texts (src/locales/<part>/index.ts) from the one list of
// languages, `SUPPORTED_LOCALES` in src/locales/supported.ts. Each table maps every language but
// English to a static `import('./<tag>.js')`: static, so every bundler splits one chunk per language
// and plain ESM resolves them; one table per part, so a page loads only the parts it shows.
// `--check` (and test/locales.test.ts) fails when a table is stale, or a part lacks a language of the
// list or has one the list does not name.
//
//   node packages/core/scripts/locale-tables.mjs          write the tables
//   node packages/core/scripts/locale-tables.mjs --check  list what disagrees with the list; exit 1 if anything does
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const locales = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'locales');

/** The parts of the texts: folder under src/locales, the type of its modules, who loads it. */
export const PARTS = [
  { dir: 'consent', type: 'LocaleMessages', what: 'the consent texts', loadedBy: 'loadMessages' },
  { dir: 'signup-form', type: 'FormLocaleMessages', what: "`<assent-signup-form>`'s texts", loadedBy: 'loadFormTranslation' },
  { dir: 'account', type: 'AccountLocaleMessages', what: "the account elements' texts", loadedBy: 'loadAccountTranslation' },
];

/** The language tags of src/locales/supported.ts, in its order (read as text: this runs without a TypeScript loader). */
export function supportedLocales(root = locales) {
  const source = readFileSync(join(root, 'supported.ts'), 'utf8');
  const list = source.match(/SUPPORTED_LOCALES\b[^=]*=\s*'([a-z]{2,3}(?: [a-z]{2,3})*)'\.split\(' '\)/)?.[1];
  if (!list) throw new Error("src/locales/supported.ts: SUPPORTED_LOCALES must stay one string of base language tags split at spaces, 'en ar bg ...'.split(' ')");
  const tags = list.split(' ');
  if (!tags.includes('en')) throw new Error('src/locales/supported.ts: SUPPORTED_LOCALES must include en, the language every other falls back to');
  const repeated = tags.filter((tag, index) => tags.indexOf(tag) !== index);
  if (repeated.length > 0) throw new Error(`src/locales/supported.ts: SUPPORTED_LOCALES lists ${repeated.join(', ')} twice`);
  return tags;
}

/** The source of one part's table for `tags`. */
export function tableSource(part, tags) {
  const loaders = [...tags]
    .filter((tag) => tag !== 'en')
    .sort()
    .map((tag) => `  ${tag}: () => import('./${tag}.js'),\n`)
    .join('');
  return `// Generated from SUPPORTED_LOCALES (../supported.ts) by packages/core/scripts/locale-tables.mjs: do not edit.
import type { ${part.type}, LocaleLoaders } from '../types.js';

/**
 * The language modules of ${part.what}, by base language tag.
 *
 * Every entry of \`SUPPORTED_LOCALES\` but English (bundled). Loaded on demand by \`${part.loadedBy}\`,
 * so a page in English never downloads this table; static specifiers, so every bundler splits one
 * chunk per language.
 */
export const LOCALES = {
${loaders}} satisfies LocaleLoaders<${part.type}>;
`;
}

/** Every table under `root`: its path and what it must contain. */
export function localeTables(root = locales, tags = supportedLocales(root)) {
  return PARTS.map((part) => ({ part, path: join(root, part.dir, 'index.ts'), source: tableSource(part, tags) }));
}

/**
 * What disagrees with the list under `root` (src/locales), one sentence each: a part without a
 * module for a listed language, a module of a language the list does not name, a part without
 * English, a stale table. Empty when the tree is whole.
 */
export function treeProblems(root = locales) {
  const tags = supportedLocales(root);
  const problems = [];
  for (const { part, path, source } of localeTables(root, tags)) {
    const files = existsSync(join(root, part.dir)) ? readdirSync(join(root, part.dir)) : [];
    if (!files.includes('en.ts')) problems.push(`${part.dir}/en.ts is missing: English is the source of every part's keys`);
    for (const tag of tags) {
      if (tag !== 'en' && !files.includes(`${tag}.ts`)) problems.push(`${part.dir}/${tag}.ts is missing: every part has a module for every language of SUPPORTED_LOCALES`);
    }
    for (const file of files) {
      const tag = file.replace(/\.ts$/, '');
      if (file === 'index.ts' || /^en(-[a-z-]+)?$/.test(tag)) continue;
      if (!tags.includes(tag)) problems.push(`${part.dir}/${file}: "${tag}" is not in SUPPORTED_LOCALES (src/locales/supported.ts): add it there, or remove the file`);
    }
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (current !== source) problems.push(`${part.dir}/index.ts is stale: run \`node packages/core/scripts/locale-tables.mjs\``);
  }
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--check')) {
    const problems = treeProblems();
    for (const problem of problems) console.error(`src/locales/${problem}`);
    process.exitCode = problems.length === 0 ? 0 : 1;
  } else {
    for (const { path, source } of localeTables()) {
      if (existsSync(path) && readFileSync(path, 'utf8') === source) continue;
      writeFileSync(path, source);
      console.log(`written ${relative(process.cwd(), path)}`);
    }
  }
}
