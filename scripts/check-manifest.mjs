#!/usr/bin/env node
// custom-elements.json is generated from the elements' JSDoc and committed (the demo's API tables
// and editors read it). This check regenerates it and fails when the committed copy is stale, so
// an API change can never ship with an outdated manifest.
//
//   node scripts/check-manifest.mjs          check
//   node scripts/check-manifest.mjs --write  regenerate the committed copy
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'packages', 'elements');
const committed = join(pkg, 'custom-elements.json');
const outdir = mkdtempSync(join(tmpdir(), 'assent-cem-'));

try {
  const result = spawnSync('pnpm', ['exec', 'cem', 'analyze', '--litelement',
    '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.test.ts', '--exclude', 'src/**/*.styles.ts',
    '--outdir', outdir], { cwd: pkg, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    console.error('custom-elements manifest: the analyzer failed.');
    process.exit(1);
  }
  const generated = join(outdir, 'custom-elements.json');
  if (process.argv.includes('--write')) {
    copyFileSync(generated, committed);
    console.log('custom-elements manifest: written to packages/elements/custom-elements.json');
    process.exit(0);
  }
  const fresh = readFileSync(generated, 'utf8');
  if (!existsSync(committed) || readFileSync(committed, 'utf8') !== fresh) {
    console.error('custom-elements manifest: packages/elements/custom-elements.json is stale. Run `node scripts/check-manifest.mjs --write` and commit it.');
    process.exit(1);
  }
  const tags = JSON.parse(fresh).modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean));
  console.log(`custom-elements manifest: up to date (${tags.length ? tags.join(', ') : 'no elements yet'})`);
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
