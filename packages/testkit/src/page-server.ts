/**
 * A tiny loopback web server for end-to-end test pages (Hono on Node), and the esbuild step that
 * turns a TypeScript page script into one browser module.
 *
 * ```ts
 * const server = await startPageServer({
 *   '/': { type: 'text/html', body: '<script type="module" src="/page.js"></script>' },
 *   '/page.js': { type: 'text/javascript', body: () => buildBrowserModule(entry) },
 * });
 * await page.goto(`${server.origin}/`);
 * ```
 */
import { serve, type ServerType } from '@hono/node-server';
import { build } from 'esbuild';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';

/** What one path answers: a fixed body or one produced (once) on the first request. */
export interface PageRoute {
  readonly type: string;
  readonly body: string | (() => string | Promise<string>);
  /** More response headers, e.g. `Access-Control-Allow-Origin` for a module script another origin loads. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A running page server. */
export interface PageServer {
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  close(): Promise<void>;
}

/** Options of {@link startPageServer}. */
export interface PageServerOptions {
  /** Default 0 (a free port). A real tenant needs a fixed one in its allowed origins. */
  port?: number;
}

/** Serves `routes` on 127.0.0.1; any other path is 404. */
export async function startPageServer(routes: Readonly<Record<string, PageRoute>>, options: PageServerOptions = {}): Promise<PageServer> {
  const app = new Hono();
  const bodies = new Map<string, Promise<string>>();
  for (const [path, route] of Object.entries(routes)) {
    app.get(path, async (c) => {
      const source = route.body;
      if (!bodies.has(path)) bodies.set(path, Promise.resolve(typeof source === 'string' ? source : source()));
      c.header('content-type', route.type);
      c.header('cache-control', 'no-store');
      for (const [name, value] of Object.entries(route.headers ?? {})) c.header(name, value);
      return c.body(await bodies.get(path)!);
    });
  }

  const server = await new Promise<ServerType>((resolve) => {
    const started: ServerType = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: options.port ?? 0 }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Paths under this prefix stay imports in the built module: the page server answers them. */
export const SERVED_PREFIX = '/__assent/';

/**
 * Bundles a browser entry (TypeScript, npm imports such as auth0-js) into one ES module. Imports of
 * `/__assent/...` are left for the page server (e.g. the pre-bundled Lock).
 */
export async function buildBrowserModule(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
    external: [`${SERVED_PREFIX}*`],
  });
  return result.outputFiles[0]!.text;
}
