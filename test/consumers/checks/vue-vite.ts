// The built Vue app of docs/frameworks.md in Chromium: the box renders, the form is not sent
// without it, `assent-change` reaches the component, and the posted form carries the consent fields.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launchChromium, openGuardedPage } from '@assent/testkit/browser';
import { startPageServer } from '@assent/testkit/page-server';
import { staticRoutes } from './static-routes.js';
import type { ConsumerCheck } from './types.js';

const check: ConsumerCheck = {
  title: 'Vue 3: renders <assent-terms>, blocks the form until the box is ticked, receives assent-change and posts the consent fields',
  async run(app) {
    const server = await startPageServer(staticRoutes(join(app.dir, 'dist')));
    const browser = await launchChromium();
    try {
      const session = await openGuardedPage(browser);
      const { page } = session;
      let sent: URLSearchParams | undefined;
      // Read through a function: the route handler assigns `sent` where TypeScript's narrowing cannot see it.
      const posted = (): URLSearchParams | undefined => sent;
      await page.route('**/signup', async (route) => {
        sent = new URLSearchParams(route.request().postData() ?? '');
        await route.fulfill({ contentType: 'text/html', body: '<p>Signed up</p>' });
      });
      await page.goto(`${server.origin}/`);
      await page.getByRole('textbox').fill('ada@example.com');
      await page.getByRole('checkbox').first().waitFor();
      await page.getByRole('button', { name: 'Sign up' }).click();
      assert.equal(posted(), undefined, 'the form was sent without the required box');
      await page.getByText('Accepted: nothing yet').waitFor();
      await page.getByRole('checkbox', { name: /I agree to the Terms of Service and Privacy Policy/ }).check();
      await page.getByText('Accepted: terms').waitFor();
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.getByText('Signed up').waitFor();
      const form = posted();
      assert.ok(form);
      assert.equal(form.get('email'), 'ada@example.com');
      assert.equal(form.get('consent_policy'), 'acme-signup@2026-11-01');
      assert.equal(form.get('consent_purposes'), 'terms');
      assert.match(form.get('consent_hash') ?? '', /^[0-9a-f]{64}$/);
      await session.close();
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
export default check;
