/**
 * Builds the self-contained single-file `<assent-terms>` for a CDN or the app's static host:
 * `dist/cdn/assent-terms.js` (an ES module, Lit and core bundled, every language inside: one file,
 * no further request) and `dist/cdn/manifest.json` with its Subresource Integrity hash (sha384),
 * which the partials' `<script integrity>` needs. Prints the hash.
 *
 *   node --conditions=source --import tsx scripts/build-cdn.ts [outdir]
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');

/** What the manifest says of the build. */
export interface CdnManifest {
  readonly file: string;
  /** `sha384-<base64>`: the `integrity` of the `<script>` that loads it. */
  readonly integrity: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** Builds into `outdir` (default `dist/cdn`); returns the manifest. */
export async function buildCdn(outdir = join(pkg, 'dist', 'cdn')): Promise<CdnManifest> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(pkg, 'src', 'enhance.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2021',
    minify: true,
    write: false,
    legalComments: 'none',
    // Sources of the workspace packages; production checks of core (no `development` condition).
    conditions: ['source'],
    tsconfig: join(pkg, '..', '..', 'tsconfig.base.json'),
    logLevel: 'error',
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error('esbuild produced no output');
  const manifest: CdnManifest = {
    file: 'assent-terms.js',
    integrity: 'sha384-' + createHash('sha384').update(code).digest('base64'),
    bytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
  };
  await mkdir(outdir, { recursive: true });
  await writeFile(join(outdir, manifest.file), code);
  await writeFile(join(outdir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const manifest = await buildCdn(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`${manifest.file}: ${manifest.bytes} bytes, ${manifest.gzipBytes} gzip; integrity ${manifest.integrity}`);
}
