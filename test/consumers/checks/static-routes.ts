// A built app's output folder (Vite's dist/, Next's out/) served as a static host serves it.
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { PageRoute } from '@assent/testkit/page-server';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.txt': 'text/plain' };

/** Every file below `dist` by its path, and `/` as `/index.html`. */
export function staticRoutes(dist: string): Record<string, PageRoute> {
  const routes: Record<string, PageRoute> = {};
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    routes[`/${relative(dist, path).split('\\').join('/')}`] = { type: TYPES[extname(path)] ?? 'application/octet-stream', body: readFileSync(path, 'utf8') };
  }
  routes['/'] = routes['/index.html']!;
  return routes;
}
