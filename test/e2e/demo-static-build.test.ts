/**
 * `pnpm demo:build` as a static site (built into a temporary folder and served by `vite preview`,
 * no demo server, no emulator): it holds the pages that work without a server, each works and logs
 * no error, and their navigation says which pages need `npm start` instead of linking to nothing.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { DEMO_PAGES } from '../../demo/src/pages.js';
import { launchChromium, openGuardedPage } from '@assent/testkit/browser';

const configFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));

let outDir: string;
let server: PreviewServer;
let browser: Browser;
let url: string;

before(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'assent-demo-build-'));
  await build({ configFile, logLevel: 'warn', build: { outDir } });
  server = await preview({ configFile, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  url = server.resolvedUrls?.local[0] ?? '';
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('the static build of the demo', () => {
  test('holds exactly the pages that need no server', async () => {
    const pages = (await readdir(outDir)).filter((name) => name.endsWith('.html')).sort();
    const expected = DEMO_PAGES.filter((page) => !page.needsServer).map((page) => (page.path === '/' ? 'index.html' : page.path.slice(1)));
    assert.deepEqual(pages, expected.sort());
  });

  for (const page of DEMO_PAGES.filter((candidate) => !candidate.needsServer)) {
    test(`${page.path} works, logs no error, and names the pages that need npm start without linking to them`, async (t) => {
      const session = await openGuardedPage(browser);
      t.after(() => session.close());
      await session.page.goto(new URL(page.path, url).href);
      await session.page.locator(page.ready).first().waitFor({ state: 'attached', timeout: 30_000 });
      const nav = session.page.getByRole('navigation', { name: 'Demo pages' });
      for (const other of DEMO_PAGES) {
        const link = nav.getByRole('link', { name: other.title, exact: true });
        if (other.needsServer) {
          assert.equal(await link.count(), 0, `${other.path} is not linked`);
          await nav.getByText(`${other.title} (needs npm start)`).waitFor();
        } else {
          assert.equal(await link.count(), 1, `${other.path} is linked`);
        }
      }
      // The gallery's error cards log on purpose (see demo-pages.test.ts); the home page logs nothing.
      const errors = session.console.filter((line) => line.startsWith('error:') && !/unusable policy-src|could not be read/.test(line));
      assert.deepEqual(errors, []);
      assert.ok(!session.console.some((line) => line.includes('Lit is in dev mode')), 'the build uses production Lit');
    });
  }
});
