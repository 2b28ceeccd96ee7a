// The built Vite app in Chromium: <assent-terms> renders from the packed package, the form is
// blocked until the required box is ticked, then carries the consent fields.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { launchChromium, openGuardedPage } from '../../support/browser.js';
import { startPageServer, type PageRoute } from '../../support/page-server.js';
import type { ConsumerCheck } from './types.js';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** Every file of Vite's dist/ folder, served as it would be by a static host. */
function staticRoutes(dist: string): Record<string, PageRoute> {
  const routes: Record<string, PageRoute> = {};
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    routes[`/${relative(dist, path).split('\\').join('/')}`] = { type: TYPES[extname(path)] ?? 'application/octet-stream', body: readFileSync(path, 'utf8') };
  }
  routes['/'] = routes['/index.html']!;
  return routes;
}

const check: ConsumerCheck = {
  title: 'renders <assent-terms> in the built app, blocks the form until the box is ticked, then sends the consent fields',
  async run(app) {
    const server = await startPageServer(staticRoutes(join(app.dir, 'dist')));
    const browser = await launchChromium();
    try {
      const session = await openGuardedPage(browser);
      const { page } = session;
      await page.goto(`${server.origin}/`);
      const required = page.locator('assent-terms input[type="checkbox"]').first();
      await required.waitFor({ state: 'visible' });
      assert.equal(await page.locator('assent-terms input[type="checkbox"]').count(), 2, 'one required and one optional box');

      await page.locator('button').click();
      assert.equal(await page.locator('#sent').textContent(), '', 'the form must not submit with the required box unticked');

      await required.check();
      await page.locator('button').click();
      await page.locator('#sent').filter({ hasText: 'consent_' }).waitFor();
      const sent = JSON.parse((await page.locator('#sent').textContent()) ?? '{}') as Record<string, string>;
      assert.equal(sent.consent_policy, 'acme-signup@2026-11-01');
      assert.equal(sent.consent_purposes, 'terms');
      assert.equal(sent.consent_locale, 'en');
      assert.match(sent.consent_hash ?? '', /^[0-9a-f]{64}$/);
      assert.ok(!Number.isNaN(Date.parse(sent.consent_at ?? '')), `consent_at is a date: ${sent.consent_at}`);
      await session.close();
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
export default check;
