/**
 * Running the Fetch-API handler on Node: as a request listener to mount in an existing
 * `node:http` / Express / Connect app, or as a server of its own (both through @hono/node-server's
 * adapter, which converts IncomingMessage to Request and Response back).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { ConsentHandler } from '../handler.js';

/** A Node request listener: `(req, res) => void`. */
export type NodeListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * The handler as a Node request listener. Mount it under the handler's `basePath` in an existing app.
 * @example
 * const assent = toNodeListener(handler);            // handler created with basePath: '/assent'
 * app.use('/assent', (req, res) => { req.url = req.originalUrl; assent(req, res); }); // Express
 */
export function toNodeListener(handler: Pick<ConsentHandler, 'fetch'>): NodeListener {
  return getRequestListener((request) => handler.fetch(request));
}

/** A running server of the handler. */
export interface RunningConsentServer {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

/** Options of `serveConsentHandler`. */
export interface ServeOptions {
  /** Default 0 (a free port). */
  readonly port?: number;
  /** Default 127.0.0.1: put a TLS-terminating proxy in front for anything else. */
  readonly host?: string;
}

/** Starts an HTTP server that answers every request with the handler. */
export async function serveConsentHandler(handler: Pick<ConsentHandler, 'fetch'>, options: ServeOptions = {}): Promise<RunningConsentServer> {
  const server = createServer(toNodeListener(handler));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
