/**
 * Opens everything the Lock conformance tests need: the target, a page server with the Lock page
 * (pre-bundled Lock, page script, config), Chromium trusting the target; each test then opens its
 * own fenced page with {@link LockSession.open}.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium, openGuardedPage, type GuardedPage } from '@assent/testkit/browser';
import { bundleAuth0Lock } from '@assent/testkit/lock-bundle';
import { AUTH0_LOCK_PATH } from '../support/lock-loader.js';
import { buildBrowserModule, startPageServer, type PageServer } from '@assent/testkit/page-server';
import type { LockEvent, LockPageConfig } from './pages/lock-page.js';
import { conformancePagePort, openConformanceTarget, type ConformanceTarget } from '@assent/testkit/conformance-target';

const PAGE_SCRIPT = fileURLToPath(new URL('./pages/lock-page.ts', import.meta.url));
const HTML = '<!doctype html><html lang="en"><title>Lock conformance</title><div id="lock"></div><script type="module" src="/page.js"></script></html>';

/** The hidden extra field every Lock signup sends: consent fields travel this way. */
export const HIDDEN_FIELD = { name: 'consent_policy', value: 'acme-signup@2026-11-01' } as const;

/** A Lock page in a fenced context. */
export interface LockPage extends GuardedPage {
  /** URLs of every request the page made (to check where Lock loaded from). */
  readonly requests: readonly string[];
  /** Lock's events so far. */
  events(): Promise<LockEvent[]>;
  /** Waits for the first event called `name` and returns it. */
  waitForEvent(name: string, timeoutMs?: number): Promise<LockEvent>;
}

export interface LockSession {
  readonly target: ConformanceTarget;
  readonly origin: string;
  /** Opens `path` ("/", "/?login=1") in a new fenced page and waits for Lock's sign-up form. */
  open(path: string): Promise<LockPage>;
  close(): Promise<void>;
}

export async function openLockSession(): Promise<LockSession> {
  let config: LockPageConfig | undefined;
  const server: PageServer = await startPageServer(
    {
      '/': { type: 'text/html; charset=utf-8', body: HTML },
      '/callback': { type: 'text/html; charset=utf-8', body: HTML },
      '/page.js': { type: 'text/javascript; charset=utf-8', body: () => buildBrowserModule(PAGE_SCRIPT) },
      [AUTH0_LOCK_PATH]: { type: 'text/javascript; charset=utf-8', body: async () => readFile(await bundleAuth0Lock(), 'utf8') },
      '/config.json': { type: 'application/json', body: () => JSON.stringify(config) },
    },
    { port: conformancePagePort() },
  );
  let target: ConformanceTarget | undefined;
  let browser: Browser | undefined;
  try {
    target = await openConformanceTarget({ suite: 'lock', pageOrigins: [server.origin] });
    config = {
      domain: target.domain,
      clientId: target.clientId,
      ...(target.kind === 'emulator' ? { assetsBaseUrl: target.baseUrl } : {}),
      hiddenField: HIDDEN_FIELD,
    };
    browser = await launchChromium({ trustCertificates: target.browserTrust });
    const opened = { target, browser };
    return {
      target,
      origin: server.origin,
      async open(path) {
        const guarded = await openGuardedPage(opened.browser, { allowHosts: opened.target.allowHosts });
        const requests: string[] = [];
        guarded.page.on('request', (request) => requests.push(request.url()));
        const events = (): Promise<LockEvent[]> => guarded.page.evaluate(() => window.lockEvents ?? []);
        const lockPage: LockPage = {
          ...guarded,
          requests,
          events,
          async waitForEvent(name, timeoutMs = 15_000) {
            const handle = await guarded.page.waitForFunction((wanted) => window.lockEvents?.find((event) => event.name === wanted), name, { timeout: timeoutMs });
            return (await handle.jsonValue()) as LockEvent;
          },
        };
        await guarded.page.goto(`${server.origin}${path}`);
        await guarded.page
          .locator('#lock input[name="email"]')
          .waitFor({ state: 'visible', timeout: 15_000 })
          .catch((error: unknown) => {
            throw new Error(`Lock did not show its sign-up form: ${String(error)}\n${guarded.diagnostics()}\nrequests:\n  ${requests.join('\n  ')}`);
          });
        return lockPage;
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
