/**
 * Headless Chromium for Node-side end-to-end tests (playwright-core, Debian's Chromium, no
 * download). Pages opened here are fenced: a request to any host that is not loopback (or not
 * explicitly allowed) is aborted and recorded, and `close()` then fails the test; console messages
 * and uncaught page errors are captured for the assertion messages.
 *
 * ```ts
 * const browser = await launchChromium();
 * const session = await openGuardedPage(browser);
 * t.after(() => session.close());           // throws if the page tried to leave the machine
 * await session.page.goto(pageUrl);
 * ```
 */
import { X509Certificate, createHash } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

interface ChromiumPathModule {
  findChromium(): string | undefined;
  CHROMIUM_ARGS: readonly string[];
}

/** scripts/chromium-path.mjs is plain JavaScript without declarations: give it its type here. */
async function chromiumPath(): Promise<ChromiumPathModule> {
  const url = new URL('../../../scripts/chromium-path.mjs', import.meta.url).href;
  return (await import(url)) as ChromiumPathModule;
}

/** Options of {@link launchChromium}. */
export interface LaunchOptions {
  /**
   * PEM certificates (self-signed, e.g. the emulator's HTTPS certificate) that Chromium must accept
   * for this launch only. Pinned by public key, so any other invalid certificate still fails.
   */
  trustCertificates?: readonly string[];
}

/** The Chromium flag that accepts exactly the given certificates' public keys. */
export function certificateTrustArgs(certificates: readonly string[]): string[] {
  if (certificates.length === 0) return [];
  const pins = certificates.map((pem) =>
    createHash('sha256')
      .update(new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' }))
      .digest('base64'),
  );
  return [`--ignore-certificate-errors-spki-list=${pins.join(',')}`];
}

/**
 * Launches headless Chromium (CHROME_PATH or Debian's /usr/bin/chromium) with the project's quiet
 * offline flags. Playwright gives every launch a fresh temporary profile and deletes it on close.
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const { findChromium, CHROMIUM_ARGS } = await chromiumPath();
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROME_PATH.');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...certificateTrustArgs(options.trustCertificates ?? [])],
  });
}

/** A request the fence stopped. */
export interface BlockedRequest {
  readonly method: string;
  readonly url: string;
}

/** A fenced page in its own browser context, with what it logged. */
export interface GuardedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every console message, as `type: text`. */
  readonly console: readonly string[];
  /** Uncaught exceptions thrown in the page. */
  readonly pageErrors: readonly Error[];
  /** Requests to hosts that are neither loopback nor allowed (they were aborted). */
  readonly blocked: readonly BlockedRequest[];
  /** A readable digest of the above, for assertion messages. */
  diagnostics(): string;
  /**
   * Throws if the page tried to reach another host or threw an uncaught error (unless
   * `allowPageErrors`). For a page shared by several tests, call it in `afterEach`.
   */
  assertClean(): void;
  /** Closes the context, then {@link GuardedPage.assertClean}. Register it with `t.after`. */
  close(): Promise<void>;
}

/** Options of {@link openGuardedPage}. */
export interface GuardedPageOptions {
  /** Host names besides loopback that the page may reach (e.g. a real tenant's domain). */
  allowHosts?: readonly string[];
  /** Do not fail `close()` on uncaught page errors (a test that provokes one on purpose). */
  allowPageErrors?: boolean;
  /** `false` opens the page with JavaScript disabled (a page that must work without scripts). Default true. */
  javaScriptEnabled?: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True for URLs that stay on this machine (or in the browser: data:, blob:, about:). */
export function staysOnMachine(url: string, allowHosts: readonly string[] = []): boolean {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:' && parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') return true;
  return LOOPBACK.has(parsed.hostname) || parsed.hostname.endsWith('.localhost') || allowHosts.includes(parsed.hostname);
}

/** Opens a page in a fresh context of `browser`, fenced to loopback (see the module comment). */
export async function openGuardedPage(browser: Browser, options: GuardedPageOptions = {}): Promise<GuardedPage> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  const consoleLines: string[] = [];
  const pageErrors: Error[] = [];
  const blocked: BlockedRequest[] = [];

  await context.route('**/*', async (route) => {
    const request = route.request();
    if (staysOnMachine(request.url(), options.allowHosts)) return route.continue();
    blocked.push({ method: request.method(), url: request.url() });
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(/.*/, (socket) => {
    if (staysOnMachine(socket.url(), options.allowHosts)) return socket.connectToServer();
    blocked.push({ method: 'WEBSOCKET', url: socket.url() });
    return socket.close();
  });

  const page = await context.newPage();
  page.on('console', (message: ConsoleMessage) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => pageErrors.push(error));

  const diagnostics = (): string =>
    [
      blocked.length > 0 ? `blocked requests:\n  ${blocked.map((r) => `${r.method} ${r.url}`).join('\n  ')}` : '',
      pageErrors.length > 0 ? `page errors:\n  ${pageErrors.map((e) => e.stack ?? e.message).join('\n  ')}` : '',
      consoleLines.length > 0 ? `console:\n  ${consoleLines.join('\n  ')}` : '',
    ]
      .filter(Boolean)
      .join('\n');

  const assertClean = (): void => {
    if (blocked.length > 0) throw new Error(`The page tried to leave the machine.\n${diagnostics()}`);
    if (pageErrors.length > 0 && !options.allowPageErrors) throw new Error(`The page threw uncaught errors.\n${diagnostics()}`);
  };

  let closed = false;
  return {
    context,
    page,
    console: consoleLines,
    pageErrors,
    blocked,
    diagnostics,
    assertClean,
    async close() {
      if (closed) return;
      closed = true;
      await context.close();
      assertClean();
    },
  };
}
