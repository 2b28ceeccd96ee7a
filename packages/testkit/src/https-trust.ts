/**
 * Lets a Node test process talk HTTPS to the emulator's self-signed certificate without turning
 * TLS verification off and without restarting the process (NODE_EXTRA_CA_CERTS is read only at
 * start). An undici Agent that trusts the one CA is either handed to a client as its `fetch`
 * (scoped: preferred) or installed as the global dispatcher, which Node's built-in `fetch` uses.
 *
 * The official `auth0` Node SDK (7.x) takes such a function as its `fetch` option, for the
 * Management API calls and for its client-credentials token request alike:
 *
 * ```ts
 * const trust = trustingFetch(emulator.caCert);
 * const management = new ManagementClient({ domain, clientId, clientSecret, fetch: trust.fetch });
 * ...
 * await trust.close();
 * ```
 */
import { X509Certificate } from 'node:crypto';
import { connect, rootCertificates } from 'node:tls';
import { Agent, fetch as undiciFetch, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from 'undici';

/** A `fetch` that trusts one extra CA, and the way to release its connections. */
export interface TrustingFetch {
  readonly fetch: typeof globalThis.fetch;
  /** Closes the pooled connections (a keep-alive socket would keep the test process alive). */
  close(): Promise<void>;
}

/** A `fetch` that accepts certificates issued by `caPem` as well as the usual public CAs. */
export function trustingFetch(caPem: string): TrustingFetch {
  const agent = new Agent({ connect: { ca: withSystemRoots(caPem) } });
  // undici's fetch and the DOM's fetch differ only in type details (RequestInit vs undici's).
  const fetch = ((input: Parameters<typeof globalThis.fetch>[0], init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher: agent })) as unknown as typeof globalThis.fetch;
  return { fetch, close: () => agent.close() };
}

/**
 * Makes every `fetch` of this process trust `caPem` (for clients that take no `fetch` option).
 * Returns a function that restores the previous dispatcher and closes the agent.
 */
export function trustGlobally(caPem: string): () => Promise<void> {
  const previous: Dispatcher = getGlobalDispatcher();
  const agent = new Agent({ connect: { ca: withSystemRoots(caPem) } });
  setGlobalDispatcher(agent);
  return async () => {
    setGlobalDispatcher(previous);
    await agent.close();
  };
}

/** `ca` replaces Node's default roots; keep them, so a real tenant still verifies. */
function withSystemRoots(caPem: string): string[] {
  return [...rootCertificates, caPem];
}

/**
 * The certificate an HTTPS server presents, verified against `caPem`, as PEM. Chromium pins
 * certificates by public key (see browser.ts `launchChromium({ trustCertificates })`), and the
 * emulator presents a server certificate signed by its development CA, not the CA itself.
 */
export function serverCertificate(url: string, caPem: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port || 443), ca: [caPem], ...(/^[\d.]+$/.test(hostname) ? {} : { servername: hostname }) }, () => {
      const raw = socket.getPeerCertificate().raw;
      socket.end();
      resolve(new X509Certificate(raw).toString());
    });
    socket.once('error', reject);
  });
}
