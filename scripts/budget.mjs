#!/usr/bin/env node
// Size budgets (README, "Budgets"), checked on every test run: each entry is bundled the way an app would
// bundle it (esbuild, production Lit, minified, code splitting so lazily loaded languages stay out),
// and the first download (the entry chunk plus every chunk it imports statically) is gzipped at
// level 9. Prints every figure; exits 1 when one is over its budget.
//
//   node scripts/budget.mjs            check and print
//   node scripts/budget.mjs --json     print the figures as JSON as well (used by the benchmark)
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * One bundle and its budget in bytes (1 KB = 1000 bytes, the stricter reading: 11.5 KB is 11500 B).
 * Entries resolve from packages/elements (which depends on lit and @assent/core) unless they say
 * otherwise with `resolveDir`. `requires` names source files that must exist for the entry to be measured; an entry whose
 * feature has not been built yet is reported as "not built yet" rather than silently passing.
 */
export const BUDGETS = [
  {
    name: '<assent-terms> with Lit',
    contents: "import '@assent/elements/define/assent-terms.js';",
    // Lit alone is ~5.9 KB. Measured 13207 B before the production policy guard (validatePolicy), the
    // hash-only decide() and the five fields built from the decision (signupFields), the language
    // table loaded on demand, minified CSS and Lit's ReactiveElement with lit-html in place of
    // LitElement; 11491 B after them (with the field-prefix attribute), 11498 B with :state(checked),
    // 11339 B with its style sheets as fixed texts (Lit's `css` tag left out), 11410 B with English
    // document lists joined without an Intl.ListFormat (a page's first one delays the box), 11409 B
    // with setCustomValidity (its bytes found in the element's own code), 11454 B with each policy's
    // view shared by every box on the page.
    budget: 11500,
    requires: 'packages/elements/src/define/assent-terms.ts',
  },
  {
    // What a browser app bundles to make and send a decision itself: validatePolicy is the production
    // guard here (the full parsePolicy, with its sentences, is for servers and development builds).
    name: 'core signup path (policy, decision, wire encoding, hash)',
    contents: "export { validatePolicy, createDecision, encodeSignupFields, sha256Hex } from '@assent/core';",
    budget: 4000,
    requires: 'packages/core/src/index.ts',
  },
  {
    name: 'custom signup (form + terms + core, Lit, no auth0-js)',
    contents: "import '@assent/elements/define/assent-signup-form.js';",
    // Measured 19611 B before the steps above and the form's own: its language table loaded on
    // demand, its submit code (request, error messages, events) moved into the chunk it loads once
    // configured, nested minified CSS; 17447 B after them, 17410 B with the policy-src loader and the
    // lang handling shared with <assent-terms>, 17250 B with the style sheets as fixed texts, 16977 B
    // with the form split by job (its set-up and the start of a submit in that chunk).
    budget: 17500,
    requires: 'packages/elements/src/define/assent-signup-form.ts',
    forbid: ['auth0-js', 'auth0-lock'],
  },
  {
    // Not one of the product's budgets: guards that Lock stays out of the first load (it is ~330 KB gz, loaded on show).
    name: '<assent-lock> defined, before Lock is shown',
    contents: "import '@assent/lock/define/assent-lock.js';",
    budget: 10000,
    requires: 'packages/lock/src/define/assent-lock.ts',
    resolveDir: 'packages/lock',
    forbid: ['auth0-js', 'auth0-lock', 'react'],
  },
];

/** Bundles `contents` and returns the gzipped size of what a first page load downloads. */
export async function measure({ contents, forbid = [], resolveDir = 'packages/elements' }) {
  const outdir = mkdtempSync(join(tmpdir(), 'assent-budget-'));
  try {
    const result = await build({
      stdin: { contents, resolveDir: join(root, resolveDir), loader: 'js', sourcefile: 'entry.js' },
      bundle: true,
      splitting: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      platform: 'browser',
      conditions: ['source'],
      define: { 'process.env.NODE_ENV': '"production"' },
      outdir,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const outputs = result.metafile.outputs;
    const files = new Map(result.outputFiles.map((file) => [relative(root, file.path), file.contents]));
    // The stdin entry itself: lazily imported modules (languages) are entry points of their own chunks too.
    const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint?.endsWith('/entry.js'));
    // Walk static imports only: dynamic ones (other languages, Lock) are not part of the first load.
    const initial = new Set();
    const visit = (path) => {
      if (initial.has(path)) return;
      initial.add(path);
      for (const imported of outputs[path].imports) {
        if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
      }
    };
    visit(entry);
    let gzip = 0;
    let minified = 0;
    for (const path of initial) {
      const bytes = files.get(path);
      minified += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    const inputs = [...initial].flatMap((path) => Object.keys(outputs[path].inputs));
    const forbidden = forbid.filter((name) => inputs.some((input) => input.includes(`/node_modules/${name}/`) || input.includes(`node_modules/.pnpm/${name}@`)));
    const lazyChunks = Object.keys(outputs).filter((path) => !initial.has(path) && path.endsWith('.js')).length;
    return { gzip, minified, lazyChunks, forbidden };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

async function main() {
  const json = process.argv.includes('--json');
  const rows = [];
  let over = 0;
  for (const entry of BUDGETS) {
    if (!existsSync(join(root, entry.requires))) {
      rows.push({ name: entry.name, budget: entry.budget, status: 'not built yet' });
      continue;
    }
    const size = await measure(entry);
    const ok = size.gzip <= entry.budget && size.forbidden.length === 0;
    if (!ok) over += 1;
    rows.push({ name: entry.name, budget: entry.budget, ...size, status: ok ? 'ok' : 'OVER' });
  }
  console.log('Bundle budgets (esbuild --minify, production Lit, gzip -9, first load only)');
  for (const row of rows) {
    if (row.status === 'not built yet') {
      console.log(`  ${row.name.padEnd(58)} not built yet (budget ${row.budget} B)`);
      continue;
    }
    const extra = row.forbidden.length ? `  contains ${row.forbidden.join(', ')}` : '';
    console.log(`  ${row.name.padEnd(58)} ${String(row.gzip).padStart(6)} B gz / ${String(row.budget).padStart(6)} B  ${row.status}  (${row.minified} B min, ${row.lazyChunks} lazy chunks)${extra}`);
  }
  if (json) console.log(JSON.stringify(rows));
  process.exit(over === 0 ? 0 : 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
