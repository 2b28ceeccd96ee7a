#!/usr/bin/env node
// Bundles the consent page script (consent-page.ts with <assent-terms>, Lit and core) into ES
// modules in dist/consent-page-script/ (beside tsc's dist/consent-page/, the server side of the
// page, which this build must not touch): the entry `consent-page.js` and one small chunk per language
// under `chunks/`, loaded only when the page shows that language. Run by the package build;
// consentPageAssets() in @assent/server/node calls it without writing when running from sources.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, '..', 'dist', 'consent-page-script');

/**
 * Builds the page script; writes it to dist/consent-page-script/ unless `write` is false.
 * Returns the files: path relative to the output directory -> JavaScript text.
 */
export async function buildConsentPage({ write = true } = {}) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(here, 'consent-page.ts')],
    bundle: true,
    splitting: true,
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'error',
    // Inside the workspace the packages resolve to their sources; installed, to their dist.
    conditions: ['source'],
    tsconfig: join(here, '..', '..', '..', 'tsconfig.base.json'),
    legalComments: 'none',
  });
  const files = {};
  for (const file of result.outputFiles) files[relative(outdir, file.path).split('\\').join('/')] = file.text;
  if (write) {
    await rm(outdir, { recursive: true, force: true });
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(outdir, name)), { recursive: true });
      await writeFile(join(outdir, name), text);
    }
  }
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const files = await buildConsentPage();
  console.log(`consent page: ${Object.keys(files).length} files in ${outdir}`);
}
