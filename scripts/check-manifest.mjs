#!/usr/bin/env node
// custom-elements.json is generated from the elements' JSDoc and committed (the demo's API tables
// and editors read it). This check regenerates it and fails when the committed copy is stale, so
// an API change can never ship with an outdated manifest.
//
//   node scripts/check-manifest.mjs          check
//   node scripts/check-manifest.mjs --write  regenerate the committed copy
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'packages', 'elements');
const committed = join(pkg, 'custom-elements.json');

/** Runs the analyzer into a temporary folder and returns the manifest's text. */
function generate() {
  const outdir = mkdtempSync(join(tmpdir(), 'assent-cem-'));
  // The analyzer also rewrites package.json's `customElements` field to wherever it wrote: keep ours.
  const packageJsonPath = join(pkg, 'package.json');
  const packageJson = readFileSync(packageJsonPath, 'utf8');
  try {
    const result = spawnSync(
      'pnpm',
      [
        'exec',
        'cem',
        'analyze',
        '--litelement',
        '--globs',
        'src/**/*.ts',
        '--exclude',
        'src/**/*.test.ts',
        '--exclude',
        'src/**/*.styles.ts',
        // The analyzer joins --outdir to the working directory even when it is absolute.
        '--outdir',
        relative(pkg, outdir),
      ],
      { cwd: pkg, encoding: 'utf8' },
    );
    if (result.status !== 0) {
      console.error(result.stdout, result.stderr);
      return undefined;
    }
    return inPathOrder(readFileSync(join(outdir, 'custom-elements.json'), 'utf8'));
  } finally {
    writeFileSync(packageJsonPath, packageJson);
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * The analyzer lists the modules in the order its file search happened to finish, which changes from
 * run to run: sorted by path, the same sources always give the same manifest.
 */
function inPathOrder(text) {
  const manifest = JSON.parse(text);
  manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

const fresh = generate();
if (fresh === undefined) {
  console.error('custom-elements manifest: the analyzer failed.');
  process.exitCode = 1;
} else if (process.argv.includes('--write')) {
  writeFileSync(committed, fresh);
  console.log('custom-elements manifest: written to packages/elements/custom-elements.json');
} else if (!existsSync(committed) || readFileSync(committed, 'utf8') !== fresh) {
  console.error('custom-elements manifest: packages/elements/custom-elements.json is stale. Run `node scripts/check-manifest.mjs --write` and commit it.');
  process.exitCode = 1;
} else {
  const tags = JSON.parse(fresh).modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean));
  console.log(`custom-elements manifest: up to date (${tags.join(', ') || 'no elements yet'})`);
}
