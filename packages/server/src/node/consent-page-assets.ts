/**
 * The consent page's script files for `consentPage.assets`: the ones this package ships
 * (`dist/consent-page-script/`, built by `consent-page/build.mjs`), or, inside this workspace where
 * nothing is built, the same files bundled on the fly with esbuild from the sources.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConsentPageAssets } from '../config.js';

const packageRoot = new URL('../../', import.meta.url);
const builtDir = fileURLToPath(new URL('dist/consent-page-script/', packageRoot));
const source = fileURLToPath(new URL('consent-page/consent-page.ts', packageRoot));

/** Reads (or, from sources, builds) the consent page script: `consent-page.js` and its language chunks. */
export async function consentPageAssets(): Promise<ConsentPageAssets> {
  if (existsSync(join(builtDir, 'consent-page.js'))) {
    const files: Record<string, string> = {};
    for (const entry of await readdir(builtDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
      const path = join(entry.parentPath, entry.name);
      files[relative(builtDir, path).split('\\').join('/')] = await readFile(path, 'utf8');
    }
    return files;
  }
  if (!existsSync(source)) throw new Error(`@assent/server: the consent page script is missing (${builtDir}); run the package build`);
  const { buildConsentPage } = (await import(new URL('consent-page/build.mjs', packageRoot).href)) as { buildConsentPage(options: { write: boolean }): Promise<ConsentPageAssets> };
  return buildConsentPage({ write: false });
}
