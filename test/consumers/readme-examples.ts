/**
 * README examples that are compiled: a fenced code block right after a marker
 *
 *     <!-- compiled: lock-vite/src/readme-with-consent.ts -->
 *
 * becomes that file of that consumer app (apps/lock-vite/) before the app is type-checked and
 * built, so an example that no longer compiles fails the run.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './harness.js';

/** One marked example. */
export interface ReadmeExample {
  /** `README.md:12` (file relative to the repository, line of the marker). */
  readonly where: string;
  /** The consumer app it belongs to. */
  readonly app: string;
  /** Its path inside the app. */
  readonly path: string;
  readonly code: string;
}

const MARKER = /<!--\s*compiled:\s*([^\s]+)\s*-->\s*\n```[\w-]*\n([\s\S]*?)\n```/g;
const LOOSE_MARKER = /<!--\s*compiled:/g;

/** The Markdown files searched for markers: READMEs of the repository and of each package, and docs/. */
export function markdownFiles(): string[] {
  const files = [join(ROOT, 'README.md')];
  for (const folder of readdirSync(join(ROOT, 'packages'))) files.push(join(ROOT, 'packages', folder, 'README.md'));
  if (existsSync(join(ROOT, 'docs'))) for (const file of readdirSync(join(ROOT, 'docs'))) if (file.endsWith('.md')) files.push(join(ROOT, 'docs', file));
  return files.filter((file) => existsSync(file));
}

export function readmeExamples(): ReadmeExample[] {
  const examples: ReadmeExample[] = [];
  for (const file of markdownFiles()) {
    const text = readFileSync(file, 'utf8');
    const found = [...text.matchAll(MARKER)];
    // A marker not directly followed by a code block would silently check nothing.
    const markers = [...text.matchAll(LOOSE_MARKER)].length;
    if (markers !== found.length) throw new Error(`${relative(ROOT, file)}: ${markers - found.length} "compiled:" marker(s) not directly followed by a fenced code block`);
    for (const match of found) {
      const [, target = '', code = ''] = match;
      const [app = '', ...rest] = target.split('/');
      const line = text.slice(0, match.index).split('\n').length;
      examples.push({ where: `${relative(ROOT, file)}:${line}`, app, path: rest.join('/'), code: `${code}\n` });
    }
  }
  return examples;
}
