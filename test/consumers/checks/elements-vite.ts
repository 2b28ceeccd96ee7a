// The built Vite app in Chromium: <assent-terms> renders from the packed package, the form is
// blocked until the required box is ticked, then carries the consent fields; and the README's
// <assent-signup-form> page renders its fields in German and refuses an empty submit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, openGuardedPage } from '@assent/testkit/browser';
import { startPageServer } from '@assent/testkit/page-server';
import { staticRoutes } from './static-routes.js';
import type { ConsumerCheck } from './types.js';

/** The README's `<assent-signup-form>` page (readme-signup-form.html), built: it renders, and refuses an empty submit. */
async function signupFormPage(origin: string, browser: Awaited<ReturnType<typeof launchChromium>>): Promise<void> {
  const session = await openGuardedPage(browser);
  const { page } = session;
  await page.goto(`${origin}/readme-signup-form.html`);
  const form = page.locator('assent-signup-form');
  await form.locator('assent-terms input[type="checkbox"]').first().waitFor({ state: 'visible' });
  assert.equal(await form.locator('input[autocomplete="email"]').count(), 1, 'an email input browsers autofill');
  assert.equal(await form.locator('input[autocomplete="new-password"]').count(), 1, 'a new-password input');
  assert.equal(await form.locator('input[autocomplete="given-name"]').count(), 1, 'ask-name: a first name');
  assert.equal(await form.locator('form select[name="plan"]').count(), 1, "the app's own field is moved into the form");
  assert.equal(await form.locator('[slot="success"]').isVisible(), false, 'the success message waits for a signup');
  await form.locator('label[for]', { hasText: 'E-Mail' }).first().waitFor();

  await form.locator('.assent-submit:not([aria-disabled="true"])').click(); // once the signup code has loaded
  await form.locator('.assent-summary').waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.assent-summary') !== null), true, 'the error summary takes the focus');
  await session.close(); // fails if anything was sent off the machine (the tenant is acme.eu.auth0.com)
}

const check: ConsumerCheck = {
  title: "renders <assent-terms> in the built app, blocks the form until the box is ticked, then sends the consent fields; the README's <assent-signup-form> renders and refuses an empty submit",
  async run(app) {
    const routes = staticRoutes(join(app.dir, 'dist'));
    // The README pages name the policy by URL (`policy-src="/consent-policy.json"`): the app's policy.
    routes['/consent-policy.json'] = { type: 'application/json', body: readFileSync(join(app.dir, 'consent-policy.json'), 'utf8') };
    const server = await startPageServer(routes);
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

      await signupFormPage(server.origin, browser);
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
export default check;
