/**
 * Opens what the @assent/lock end-to-end tests need: the conformance target (an HTTPS emulator),
 * a page server with the consent page bundled as an app would bundle it (esbuild, code splitting,
 * auth0-lock in a lazily loaded chunk), Chromium trusting the emulator, and the official `auth0`
 * Node SDK for reading users back.
 */
import type { ManagementClient } from 'auth0';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { bundleLikeAnApp } from '@assent/testkit/app-bundle';
import { launchChromium, openGuardedPage, type GuardedPage } from '@assent/testkit/browser';
import { startPageServer, type PageRoute, type PageServer } from '@assent/testkit/page-server';
import { openConformanceTarget, type ConformanceTarget } from '@assent/testkit/conformance-target';
import type { ConsentPageConfig, RecordedEvent } from './consent-page.js';
import { managementClient } from '../../support/management.js';

const ENTRY = fileURLToPath(new URL('./consent-page.ts', import.meta.url));
const HTML = '<!doctype html><html lang="en"><title>Lock consent</title><div id="signup"></div><script type="module" src="/assets/consent-page.js"></script></html>';

/** Output files of the page bundle by URL path, and the path of the chunk that holds auth0-lock. */
export interface PageBundle {
  readonly files: ReadonlyMap<string, string>;
  readonly lockChunk: string;
}

/** Bundles the consent page with {@link bundleLikeAnApp}; Lock must end in a chunk of its own. */
export async function bundleConsentPage(): Promise<PageBundle> {
  const result = await bundleLikeAnApp(ENTRY);
  const files = new Map(result.outputFiles.map((file) => [file.path, file.text]));
  const lockChunk = Object.entries(result.metafile.outputs).find(([, output]) => Object.keys(output.inputs).some((input) => input.includes('auth0-lock/lib/lock.js')))?.[0];
  if (!lockChunk) throw new Error('auth0-lock did not end in a chunk of its own');
  return { files, lockChunk: `/${lockChunk.replace(/^.*?assets\//, 'assets/')}` };
}

/** A fenced page with the recorded `assent-*` events. */
export interface ConsentPage extends GuardedPage {
  readonly requests: readonly string[];
  waitForEvent(type: string, timeoutMs?: number): Promise<RecordedEvent>;
}

export interface ConsentSession {
  readonly target: ConformanceTarget;
  readonly origin: string;
  readonly management: ManagementClient;
  readonly bundle: PageBundle;
  open(path: string): Promise<ConsentPage>;
  close(): Promise<void>;
}

export async function openConsentSession(policy: unknown): Promise<ConsentSession> {
  const bundle = await bundleConsentPage();
  let config: ConsentPageConfig | undefined;
  const routes: Record<string, PageRoute> = {
    '/': { type: 'text/html; charset=utf-8', body: HTML },
    '/callback': { type: 'text/html; charset=utf-8', body: HTML },
    '/config.json': { type: 'application/json', body: () => JSON.stringify(config) },
  };
  for (const [path, text] of bundle.files) routes[path.replace(/^.*?\/assets\//, '/assets/')] = { type: 'text/javascript; charset=utf-8', body: text };
  const server: PageServer = await startPageServer(routes);
  let target: ConformanceTarget | undefined;
  let browser: Browser | undefined;
  try {
    target = await openConformanceTarget({ suite: 'lock-consent', pageOrigins: [server.origin] });
    config = { domain: target.domain, clientId: target.clientId, assetsBaseUrl: target.baseUrl, policy };
    browser = await launchChromium({ trustCertificates: target.browserTrust });
    const opened = { target, browser };
    const management = managementClient({ domain: target.domain, fetch: target.fetch, machine: target.m2m });
    return {
      target,
      origin: server.origin,
      management,
      bundle,
      async open(path) {
        const guarded = await openGuardedPage(opened.browser, { allowHosts: opened.target.allowHosts });
        const requests: string[] = [];
        guarded.page.on('request', (request) => requests.push(request.url()));
        await guarded.page.goto(`${server.origin}${path}`);
        return {
          ...guarded,
          requests,
          async waitForEvent(type, timeoutMs = 15_000) {
            const handle = await guarded.page
              .waitForFunction((wanted) => window.assentEvents?.find((event) => event.type === wanted), type, { timeout: timeoutMs })
              .catch((error: unknown) => {
                throw new Error(`no ${type} event: ${String(error)}\n${guarded.diagnostics()}`);
              });
            return (await handle.jsonValue()) as RecordedEvent;
          },
        };
      },
      async close() {
        await opened.browser.close();
        await opened.target.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await target?.close();
    await server.close();
    throw error;
  }
}
