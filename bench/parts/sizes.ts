/**
 * Sizes, minified + gzip -9, of Assent's bundles and of what people would pick instead, all built
 * the same way: `measure` from scripts/budget.mjs (esbuild, ES modules, code splitting, production
 * mode, first load only). Sizes are deterministic: one build each, no runs to summarize.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { transform } from 'esbuild';
import { gzipSync } from 'node:zlib';

interface MeasureInput {
  contents: string;
  resolveDir?: string;
  forbid?: string[];
}
interface MeasureResult {
  gzip: number;
  minified: number;
}
interface BudgetEntry extends MeasureInput {
  name: string;
  requires: string;
}
interface BudgetModule {
  measure(input: MeasureInput): Promise<MeasureResult>;
  BUDGETS: readonly BudgetEntry[];
}

/** One measured bundle. */
export interface SizeRow {
  readonly name: string;
  /** `assent` for ours, `anchor` for what we are compared with. */
  readonly side: 'assent' | 'anchor';
  readonly version?: string;
  /** What the bundle's entry imports. */
  readonly entry: string;
  readonly gzip: number;
  readonly minified: number;
  /** A stylesheet the package ships separately and a page must load too (minified + gzip -9), if any. */
  readonly cssGzip?: number;
}

/** The sizes, and the Assent bundles each anchor's ratio is taken against. */
export interface SizeReport {
  readonly rows: readonly SizeRow[];
  /** Names of the Assent rows the ratios are computed against. */
  readonly references: { readonly terms: string; readonly signup: string };
}

const benchRequire = createRequire(new URL('../package.json', import.meta.url));
// Read from the file: some packages (c15t) do not export their package.json.
const version = async (name: string): Promise<string> => (JSON.parse(await readFile(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;

async function cssSize(path: string): Promise<number> {
  const { code } = await transform(await readFile(benchRequire.resolve(path), 'utf8'), { loader: 'css', minify: true });
  return gzipSync(code, { level: 9 }).length;
}

/** The competitors, each imported the way its README shows. */
const ANCHORS: readonly { name: string; pkg: string; contents: string; css?: string }[] = [
  { name: 'auth0-lock (Lock: React, its own auth0-js, CSS in JS)', pkg: 'auth0-lock', contents: "export { default } from 'auth0-lock';" },
  { name: 'auth0-js (one prebundled file)', pkg: 'auth0-js', contents: "export { default } from 'auth0-js';" },
  { name: 'vanilla-cookieconsent', pkg: 'vanilla-cookieconsent', contents: "export * from 'vanilla-cookieconsent';", css: 'vanilla-cookieconsent/dist/cookieconsent.css' },
  { name: 'klaro (CSS in JS)', pkg: 'klaro', contents: "export * as klaro from 'klaro';" },
  { name: 'c15t core (headless, getOrCreateConsentRuntime)', pkg: 'c15t', contents: "export { getOrCreateConsentRuntime } from 'c15t';" },
];

/** Builds and measures every bundle. */
export async function measureSizes(): Promise<SizeReport> {
  const { measure, BUDGETS } = (await import(new URL('../../scripts/budget.mjs', import.meta.url).href)) as BudgetModule;
  const budget = (requires: string): BudgetEntry => {
    const entry = BUDGETS.find((candidate) => candidate.requires === requires);
    if (!entry) throw new Error(`scripts/budget.mjs has no entry for ${requires}`);
    return entry;
  };
  const terms = budget('packages/elements/src/define/assent-terms.ts');
  const signup = budget('packages/elements/src/define/assent-signup-form.ts');
  const corePath = budget('packages/core/src/index.ts');
  const ours: { name: string; input: MeasureInput }[] = [
    { name: '<assent-terms> (Lit included)', input: terms },
    { name: 'custom signup: <assent-signup-form> (form + terms + core, Lit included)', input: signup },
    { name: 'core alone: signup path (policy, decision, wire encoding, hash)', input: corePath },
    { name: 'core alone: signup client (createAssent, createDecision, parsePolicy)', input: { contents: "export { createAssent, createDecision, parsePolicy } from '@assent/core';" } },
  ];
  const rows: SizeRow[] = [];
  for (const { name, input } of ours) {
    const size = await measure({ contents: input.contents, ...(input.resolveDir && { resolveDir: input.resolveDir }) });
    rows.push({ name, side: 'assent', entry: input.contents, gzip: size.gzip, minified: size.minified });
  }
  for (const anchor of ANCHORS) {
    const size = await measure({ contents: anchor.contents, resolveDir: 'bench' });
    rows.push({
      name: anchor.name,
      side: 'anchor',
      version: await version(anchor.pkg),
      entry: anchor.contents,
      gzip: size.gzip,
      minified: size.minified,
      ...(anchor.css && { cssGzip: await cssSize(anchor.css) }),
    });
  }
  const [termsRow, signupRow] = ours;
  if (!termsRow || !signupRow) throw new Error('the Assent reference bundles are missing');
  return { rows, references: { terms: termsRow.name, signup: signupRow.name } };
}
