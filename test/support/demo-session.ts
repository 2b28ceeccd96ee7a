/**
 * What every end-to-end test of the demo site shares: the real demo server (Vite with the embedded
 * emulator, as `npm start` runs it) and a fenced headless Chromium for the whole test file, pages
 * opened per test that fail the test on a console error, and axe run on a page as it is now.
 *
 * ```ts
 * const session = useDemo();
 * test('…', async (t) => {
 *   const { page } = await openDemoPage(t, session, 'signup.html');
 *   await assertAccessible(page, 'the first render');
 * });
 * ```
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openGuardedPage, type GuardedPage } from '@assent/testkit/browser';
import { startDemoServer, type DemoServer } from '../../demo/server/demo-server.js';

/** The demo server and the browser of one test file, started in its `before` hook. */
export interface DemoSession {
  readonly demo: DemoServer;
  readonly browser: Browser;
}

/** The part of a node:test context a page needs: somewhere to close it when the test ends. */
export interface TestContextLike {
  after(fn: () => Promise<void> | void): void;
}

/** Registers the file's `before`/`after` hooks: a demo server on free ports and a browser, both stopped after the last test. */
export function useDemo(): DemoSession {
  let demo: DemoServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    demo = await startDemoServer({ emulatorPort: 0, demoPort: 0 });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });
  return {
    get demo(): DemoServer {
      if (!demo) throw new Error('the demo server is started in the before hook: use it inside a test');
      return demo;
    },
    get browser(): Browser {
      if (!browser) throw new Error('the browser is launched in the before hook: use it inside a test');
      return browser;
    },
  };
}

/** Options of {@link openDemoPage}. */
export interface OpenDemoPageOptions {
  /** Viewport width in CSS pixels (the height is 900). Default: Playwright's. */
  readonly width?: number;
  /**
   * Console errors the page logs on purpose (each line starts with `error:`), or `'any'` for a test
   * that checks the console itself. Any other console error fails the test when it ends.
   */
  readonly expectedErrors?: readonly RegExp[] | 'any';
}

/** Console errors of a page, but the expected ones. */
export function consoleErrors(session: GuardedPage, expected: readonly RegExp[] = []): string[] {
  return session.console.filter((line) => line.startsWith('error:') && !expected.some((pattern) => pattern.test(line)));
}

/** Opens `path` of the demo in a fenced tab that is closed (and its console checked) when the test ends. */
export async function openDemoPage(t: TestContextLike, session: DemoSession, path: string, options: OpenDemoPageOptions = {}): Promise<GuardedPage> {
  const guarded = await openGuardedPage(session.browser);
  const expected = options.expectedErrors ?? [];
  t.after(async () => {
    const errors = expected === 'any' ? [] : consoleErrors(guarded, expected);
    await guarded.close();
    assert.deepEqual(errors, [], `${path} logged console errors`);
  });
  if (options.width !== undefined) await guarded.page.setViewportSize({ width: options.width, height: 900 });
  await guarded.page.goto(new URL(path, session.demo.url).href);
  return guarded;
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Runs axe on the page as it is now, leaving out `exclude` (selectors of markup that is not ours).
 * Evaluated through the DevTools protocol rather than a <script>: pages with a strict CSP (the
 * consent page, the hosted Form) refuse inline scripts, and an audit must not loosen what it audits.
 */
export async function runAxe(page: Page, exclude: readonly string[] = []): Promise<AxeResults> {
  await page.evaluate(await readFile(axeSource, 'utf8'));
  return page.evaluate((selectors) => (window as unknown as { axe: { run(context: unknown): Promise<AxeResults> } }).axe.run({ exclude: selectors.map((selector) => [selector]) }), [...exclude]);
}

/** axe's violations, one line each with the nodes it found them on. */
export function describeViolations(results: AxeResults): string {
  return results.violations.map((v) => `${v.id}: ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('\n    ')}`).join('\n');
}

/** Fails with axe's findings when the page as it is now has any; `step` names the moment in the failure. */
export async function assertAccessible(page: Page, step: string, exclude: readonly string[] = []): Promise<void> {
  const results = await runAxe(page, exclude);
  assert.equal(results.violations.length, 0, `after ${step}:\n${describeViolations(results)}`);
}
