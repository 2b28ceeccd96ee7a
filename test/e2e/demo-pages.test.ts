/**
 * Every page of the demo site (demo/src/pages.ts) as a first-time visitor meets it, served by the
 * real demo server in headless Chromium: it fits a phone as well as a desktop (no sideways
 * scrolling), logs no console error, links to every other page, and says what it shows truthfully.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_PAGES } from '../../demo/src/pages.js';
import type { GuardedPage } from '@assent/testkit/browser';
import { openDemoPage, useDemo, type TestContextLike } from '../support/demo-session.js';

/** A small phone, a common phone, a tablet, a laptop. */
const WIDTHS = [320, 390, 768, 1280];

/**
 * The console errors a page logs on purpose: the gallery shows <assent-terms> failing to load its
 * policy and <assent-withdraw-button> refused by the Management API (the "error" state cards), and
 * the elements report why, as they do in an app.
 */
const EXPECTED_ERRORS: Readonly<Record<string, readonly RegExp[]>> = {
  '/gallery.html': [
    /^error: <assent-terms>: unusable policy-src "\/policies\/gallery-missing-policy\.json"/,
    /^error: <assent-withdraw-button>: the consent state could not be read\. ManagementError: Management API request failed: unauthorized \(HTTP 401\)/,
  ],
};

const site = useDemo();

/** Opens `path` at `width`; the console is checked by the test about it, against EXPECTED_ERRORS. */
function open(t: TestContextLike, path: string, width = 1280): Promise<GuardedPage> {
  return openDemoPage(t, site, path, { width, expectedErrors: 'any' });
}

describe('every demo page', () => {
  for (const { path, ready } of DEMO_PAGES) {
    test(`${path} needs no sideways scrolling at ${WIDTHS.join(', ')} px`, async (t) => {
      const { page } = await open(t, path);
      await page.locator(ready).first().waitFor({ state: 'attached', timeout: 30_000 });
      const overflowing: string[] = [];
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        // Layout settles in the next frame (grids, Lock's own resize handling).
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
        if (scrollWidth > innerWidth) overflowing.push(`${width} px: the page is ${scrollWidth} px wide`);
      }
      assert.deepEqual(overflowing, []);
    });

    test(`${path} loads with no console error and no failed request`, async (t) => {
      const session = await open(t, path);
      const failed: string[] = [];
      session.page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      await session.page.reload();
      await session.page.locator(ready).first().waitFor({ state: 'attached', timeout: 30_000 });
      await session.page.waitForLoadState('networkidle');
      const expected = EXPECTED_ERRORS[path];
      const errors = session.console.filter((line) => line.startsWith('error:') && !expected?.some((pattern) => pattern.test(line)));
      assert.deepEqual({ errors, failed }, { errors: [], failed: [] });
    });

    test(`${path} links to every other demo page and marks itself as the current one`, async (t) => {
      const { page } = await open(t, path);
      const nav = page.getByRole('navigation', { name: 'Demo pages' });
      await nav.waitFor();
      for (const other of DEMO_PAGES) {
        const link = nav.getByRole('link', { name: other.title, exact: true });
        assert.equal(new URL((await link.getAttribute('href')) ?? '', site.demo.url).pathname, other.path);
        assert.equal(await link.getAttribute('aria-current'), other.path === path ? 'page' : null, other.path);
      }
    });
  }

  test("the demo server's own sources (demo/server/) are not served", async () => {
    for (const path of ['server/demo-server.ts', 'server/start.ts']) assert.equal((await fetch(new URL(path, site.demo.url))).status, 404, path);
  });

  test('the favicon is served', async () => {
    const response = await fetch(new URL('favicon.svg', site.demo.url));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /svg/);
  });
});

describe('the home page (index.html)', () => {
  test('"The form is not valid yet" gives way to "Valid" once the email is typed and the terms are ticked', async (t) => {
    const { page } = await open(t, '/');
    await page.locator('assent-terms #required').waitFor();
    await page.getByRole('button', { name: 'Sign up' }).click();
    const status = page.locator('#submit-status');
    await status.filter({ hasText: 'The form is not valid yet' }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill('ada@example.com');
    assert.match(await status.innerText(), /not valid yet/, 'the terms are still unticked');
    await page.locator('assent-terms #required').check();
    await status.filter({ hasText: 'Valid: these fields would go to POST /dbconnections/signup.' }).waitFor();
    await page.locator('assent-terms #required').uncheck();
    await status.filter({ hasText: 'The form is not valid yet' }).waitFor();
  });
});
