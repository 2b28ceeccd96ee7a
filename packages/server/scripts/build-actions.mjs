#!/usr/bin/env node
// Builds the Auth0 Actions from their TypeScript sources (src/actions/<name>.ts, written on
// @assent/core's modules) into the single CommonJS files Auth0 deploys (actions/<name>.js): every
// import bundled, nothing required but Node built-ins, Node 18 syntax. The built files are committed
// (they are what users paste or deploy); scripts/check-actions.mjs at the repository root fails
// when they are stale or too large.
import { readFile, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..');

/** The Actions: source entry (exports the trigger's handlers) -> published file. */
export const ACTIONS = [
  { name: 'post-login', trigger: 'Login / Post Login', entry: 'src/actions/post-login.ts', out: 'actions/post-login.js' },
  { name: 'post-login-form', trigger: 'Login / Post Login', entry: 'src/actions/post-login-form.ts', out: 'actions/post-login-form.js' },
  { name: 'pre-user-registration', trigger: 'Sign Up / Pre User Registration', entry: 'src/actions/pre-user-registration.ts', out: 'actions/pre-user-registration.js' },
];

/** Auth0: "Each Action should not exceed 100 kB" (Actions limitations). */
export const ACTION_MAX_BYTES = 100 * 1000;

/**
 * The built-in texts an Action uses: those a consent statement is made of (`purpose.*`,
 * `document.*`: what `shownText` reads, to verify hashes) and `required.error` (the refusal a
 * Universal Login prompt shows in the user's language).
 */
const ACTION_TEXTS = /^(purpose\.|document\.|required\.error$)/;

/**
 * An esbuild plugin: the language modules of core's consent texts (`core/src/locales/consent/<tag>.ts`)
 * reduced to `ACTION_TEXTS`; the elements' other UI texts in 26 languages would only add weight. The
 * module is evaluated, not parsed by hand, so the texts are exactly core's.
 */
const statementTextsOnly = {
  name: 'assent-statement-texts-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]core[\\/]src[\\/]locales[\\/]consent[\\/][a-z-]+\.ts$/ }, async (args) => {
      // The table of languages (index.ts) and English (en.ts, the fallback) load as they are; only
      // the other languages' modules are reduced.
      if (/[\\/](index|en)\.ts$/.test(args.path)) return undefined;
      const { transform } = await import('esbuild');
      const { code } = await transform(await readFile(args.path, 'utf8'), { loader: 'ts', format: 'esm' });
      const { default: messages } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
      const kept = Object.fromEntries(Object.entries(messages).filter(([key]) => ACTION_TEXTS.test(key)));
      return { contents: `export default ${JSON.stringify(kept, null, 1)};\n`, loader: 'js' };
    });
  },
};

/**
 * Bundles every Action; writes them unless `write` is false. Returns, per Action, the published
 * path (relative to the package), the code, its size in bytes, the bundled source files and the
 * modules left to `require` (Node built-ins only).
 */
export async function buildActions({ write = true } = {}) {
  const { build } = await import('esbuild');
  const results = [];
  for (const action of ACTIONS) {
    const result = await build({
      entryPoints: [join(pkg, action.entry)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      // Minified: the languages' statement texts are most of the weight, and Auth0 loads a smaller
      // Action faster. The readable sources ship in the package (src/actions/), named in the banner.
      minify: true,
      charset: 'utf8',
      legalComments: 'none',
      write: false,
      metafile: true,
      logLevel: 'error',
      // Paths in the output's comments are relative to the package, wherever the build runs from.
      absWorkingDir: pkg,
      // Core from its sources, production checks (no `development` condition).
      conditions: ['source'],
      tsconfig: join(pkg, '..', '..', 'tsconfig.base.json'),
      define: { 'globalThis.crypto': 'assentWebCrypto', crypto: 'assentWebCrypto' },
      inject: [join(pkg, 'src', 'actions', 'node18-webcrypto.ts')],
      plugins: [statementTextsOnly],
      banner: {
        js: [
          `/* Assent ${action.name} Action (Auth0 trigger "${action.trigger}"), Node 18 or later.`,
          ` * Built from @assent/server ${action.entry} and @assent/core; do not edit: rebuild with`,
          ' * `node scripts/check-actions.mjs --write`. Secrets and deployment: @assent/server README, "The Actions". */',
        ].join('\n'),
      },
    });
    const [output] = result.outputFiles;
    const meta = Object.values(result.metafile.outputs)[0];
    const requires = [...new Set(meta.imports.filter((entry) => entry.external).map((entry) => entry.path))].sort();
    const inputs = Object.keys(meta.inputs)
      .map((path) =>
        relative(join(pkg, '..', '..'), join(pkg, path))
          .split('\\')
          .join('/'),
      )
      .sort();
    const code = output.text;
    results.push({ ...action, code, bytes: Buffer.byteLength(code), inputs, requires, foreign: requires.filter((name) => !isBuiltin(name)) });
    if (write) await writeFile(join(pkg, action.out), code);
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const action of await buildActions()) console.log(`${action.out}: ${action.bytes} bytes`);
}
