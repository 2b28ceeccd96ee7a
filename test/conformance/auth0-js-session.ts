/**
 * Opens everything the auth0-js conformance tests need: the target (emulator or tenant), a page
 * server with the auth0-js page script, Chromium trusting the target, one fenced page on which
 * `window.auth0Conformance` is configured.
 */
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium, openGuardedPage, type GuardedPage } from '@assent/testkit/browser';
import { buildBrowserModule, startPageServer, type PageServer } from '@assent/testkit/page-server';
import type { Auth0ConformancePage, Auth0JsPageConfig, Outcome } from './pages/auth0-js-page.js';
import { conformancePagePort, openConformanceTarget, type ConformanceTarget } from '@assent/testkit/conformance-target';

const PAGE_SCRIPT = fileURLToPath(new URL('./pages/auth0-js-page.ts', import.meta.url));

/** A running auth0-js page and what it talks to. */
export interface Auth0JsSession {
  readonly target: ConformanceTarget;
  readonly page: GuardedPage;
  /** Calls one of the page's functions in Chromium and returns its outcome. */
  call<K extends keyof Omit<Auth0ConformancePage, 'configure'>>(name: K, ...args: Parameters<Auth0ConformancePage[K]>): Promise<Awaited<ReturnType<Auth0ConformancePage[K]>>>;
  close(): Promise<void>;
}

export async function openAuth0JsSession(): Promise<Auth0JsSession> {
  const server: PageServer = await startPageServer(
    {
      '/': { type: 'text/html; charset=utf-8', body: '<!doctype html><title>auth0-js conformance</title><script type="module" src="/page.js"></script>' },
      '/page.js': { type: 'text/javascript; charset=utf-8', body: () => buildBrowserModule(PAGE_SCRIPT) },
    },
    { port: conformancePagePort() },
  );
  let target: ConformanceTarget | undefined;
  let browser: Browser | undefined;
  try {
    target = await openConformanceTarget({ suite: 'auth0-js', pageOrigins: [server.origin] });
    browser = await launchChromium({ trustCertificates: target.browserTrust });
    const page = await openGuardedPage(browser, { allowHosts: target.allowHosts });
    await page.page.goto(`${server.origin}/`);
    await page.page.waitForFunction(() => 'auth0Conformance' in window);
    const config: Auth0JsPageConfig = { domain: target.domain, clientId: target.clientId, connection: target.connection, managementAudience: target.managementAudience };
    await page.page.evaluate((value) => window.auth0Conformance.configure(value), config);

    const opened = { target, browser };
    return {
      target,
      page,
      call: (name, ...args) =>
        page.page.evaluate(([method, parameters]) => (window.auth0Conformance[method] as (...values: unknown[]) => Promise<Outcome<Record<string, unknown>>>)(...parameters), [
          name,
          args,
        ] as const) as never,
      async close() {
        await page.close().finally(async () => {
          await opened.browser.close();
          await opened.target.close();
          await server.close();
        });
      },
    };
  } catch (error) {
    await browser?.close();
    await target?.close();
    await server.close();
    throw error;
  }
}
