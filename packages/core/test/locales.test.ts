// The tree of built-in texts (src/locales): one list of languages, and every part (the consent texts,
// the signup form's, the account elements') has exactly those languages, in a loader table generated
// from that list, each module with every English key and its placeholders.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PARTS, supportedLocales, treeProblems } from '../scripts/locale-tables.mjs';
import { LOCALES as accountLocales } from '../src/locales/account/index.js';
import { LOCALES as consentLocales } from '../src/locales/consent/index.js';
import { LOCALES as formLocales } from '../src/locales/signup-form/index.js';
import { SUPPORTED_LOCALES, accountEn, en, formSubmitEn, formUiEn, passwordEn } from '../src/texts.js';

const locales = fileURLToPath(new URL('../src/locales/', import.meta.url));
const translated = SUPPORTED_LOCALES.filter((tag) => tag !== 'en');

/** Each part: its folder, its table, its English (every key a language module must have) and a text every translation changes. */
const parts = [
  { dir: 'consent', table: consentLocales, english: en, changed: 'optional.hint' },
  { dir: 'signup-form', table: formLocales, english: { ...formUiEn, ...formSubmitEn, ...passwordEn }, changed: 'signup.submit' },
  { dir: 'account', table: accountLocales, english: accountEn, changed: 'withdraw.button' },
] as const;

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();

describe('the tree of built-in texts', () => {
  test('the generator reads the same list of languages as SUPPORTED_LOCALES', () => {
    assert.deepEqual(supportedLocales(), [...SUPPORTED_LOCALES]);
  });

  test('has the three parts the generator writes tables for', () => {
    assert.deepEqual(
      PARTS.map((part) => part.dir),
      parts.map((part) => part.dir),
    );
  });

  test('every part has every language of the list and no other, and its table is generated from the list', () => {
    assert.deepEqual(treeProblems(), []);
  });

  for (const { dir, table } of parts) {
    test(`${dir}: the table loads a module for every supported language but English`, () => {
      assert.deepEqual(Object.keys(table).sort(), [...translated].sort());
      assert.ok(readdirSync(join(locales, dir)).includes('en.ts'), `${dir}/en.ts holds the English texts`);
    });
  }

  for (const { dir, table, english, changed } of parts) {
    for (const tag of translated) {
      test(`${dir}/${tag}.ts has every English key, non-empty, with the same placeholders`, async () => {
        const texts: Readonly<Record<string, string>> = (await table[tag as keyof typeof table]()).default;
        assert.deepEqual(Object.keys(texts).sort(), Object.keys(english).sort());
        for (const [key, text] of Object.entries(english)) {
          assert.ok(texts[key]?.trim(), `${tag} ${key} is empty`);
          assert.deepEqual(placeholders(texts[key]!), placeholders(text), `${tag} ${key}: ${texts[key]}`);
        }
        assert.notEqual(texts[changed], english[changed as keyof typeof english], `${tag} ${changed} is not translated`);
      });
    }
  }

  describe('the check of the tree', () => {
    /** Runs `change` on a copy of src/locales and returns what the check finds there. */
    function problemsAfter(change: (root: string) => void): string[] {
      const root = mkdtempSync(join(tmpdir(), 'assent-locales-'));
      try {
        cpSync(locales, root, { recursive: true });
        change(root);
        return treeProblems(root);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }

    test('names a language that one part lacks', () => {
      assert.deepEqual(
        problemsAfter((root) => rmSync(join(root, 'signup-form', 'sv.ts'))),
        ['signup-form/sv.ts is missing: every part has a module for every language of SUPPORTED_LOCALES'],
      );
    });

    test('names a module of a language the list does not name', () => {
      assert.deepEqual(
        problemsAfter((root) => writeFileSync(join(root, 'account', 'is.ts'), 'export default {};\n')),
        ['account/is.ts: "is" is not in SUPPORTED_LOCALES (src/locales/supported.ts): add it there, or remove the file'],
      );
    });

    test('names every part without the module and every stale table when the list gains a language', () => {
      const problems = problemsAfter((root) => {
        const list = join(root, 'supported.ts');
        writeFileSync(list, readFileSync(list, 'utf8').replace("'en ar ", "'en is ar "));
      });
      assert.deepEqual(
        problems,
        PARTS.flatMap((part) => [
          `${part.dir}/is.ts is missing: every part has a module for every language of SUPPORTED_LOCALES`,
          `${part.dir}/index.ts is stale: run \`node packages/core/scripts/locale-tables.mjs\``,
        ]),
      );
    });
  });
});
