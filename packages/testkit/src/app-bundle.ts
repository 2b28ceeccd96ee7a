/**
 * Bundles a browser page the way an app's bundler would, for end-to-end pages and benchmarks that
 * must load what a user's app would ship.
 */
import { build } from 'esbuild';

/** A page given as source text: `/assets/<name>.js`, its imports resolved from `resolveDir`. */
export interface InlinePage {
  readonly name: string;
  readonly contents: string;
  readonly resolveDir: string;
}

/**
 * Bundles a page entry (a file, or source text) the way an app's bundler would: ES modules with
 * code splitting into `/assets/`, minified, the `source` condition for the workspace packages,
 * production React, and the module fields that give Lock's auth0-js its ES build (see
 * lock-bundle.mjs). Shared by the Lock end-to-end pages and the Lock benchmark, so both measure
 * the same build.
 */
export function bundleLikeAnApp(entry: string | InlinePage) {
  return build({
    ...(typeof entry === 'string'
      ? { entryPoints: [entry] }
      : { stdin: { contents: entry.contents, resolveDir: entry.resolveDir, sourcefile: `${entry.name}.js`, loader: 'js' as const }, entryNames: entry.name }),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    conditions: ['source'],
    mainFields: ['browser', 'module', 'main'],
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: '/assets',
    write: false,
    metafile: true,
    logLevel: 'error',
  });
}
