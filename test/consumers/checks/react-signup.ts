// What the React consumer apps must do in Chromium, for each of their forms: <assent-terms>
// renders from the packed packages, the form is blocked until the required box is ticked,
// assent-change reaches the app, and the submitted form data carries the consent fields.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launchChromium, openGuardedPage } from '@assent/testkit/browser';
import { startPageServer } from '@assent/testkit/page-server';
import { staticRoutes } from './static-routes.js';
import type { ConsumerCheck } from './types.js';

/** Where the built app is and what its page's title says. */
export interface ReactAppOptions {
  /** The build's output folder in the app: `dist` (Vite, the default) or `out` (Next's static export). */
  readonly output?: string;
  /** The page's title; default `React <major>.…` (the Vite apps show React's version). */
  readonly title?: RegExp;
  /** Whose app it is, for the test's name; default `React <major>`. */
  readonly name?: string;
}

/** The check of a React app whose page has one signup form per id of `forms`. */
export function reactSignupCheck(major: string, forms: readonly string[], options: ReactAppOptions = {}): ConsumerCheck {
  return {
    title: `${options.name ?? `React ${major}`}: ${forms.join(' and ')} render <assent-terms>, block the form until the box is ticked, receive assent-change and send the consent fields`,
    async run(app) {
      const server = await startPageServer(staticRoutes(join(app.dir, options.output ?? 'dist')));
      const browser = await launchChromium();
      try {
        const session = await openGuardedPage(browser);
        const { page } = session;
        await page.goto(`${server.origin}/`);
        assert.match(await page.title(), options.title ?? new RegExp(`^React ${major}\\.`));
        for (const id of forms) {
          const form = page.locator(`form#${id}`);
          const required = form.getByRole('checkbox', { name: /I agree to the Terms of Service and Privacy Policy/ });
          await required.waitFor({ state: 'visible' });

          await form.getByRole('button').click();
          assert.equal(await form.locator('.sent').textContent(), '', `${id}: the form must not submit with the required box unticked`);

          await required.check();
          await form
            .locator('.accepted')
            .filter({ hasText: /^terms$/ })
            .waitFor();
          await form.getByRole('button').click();
          await form.locator('.sent').filter({ hasText: 'consent_' }).waitFor();
          const sent = JSON.parse((await form.locator('.sent').textContent()) ?? '{}') as Record<string, string>;
          assert.equal(sent.consent_policy, 'acme-signup@2026-11-01', id);
          assert.equal(sent.consent_purposes, 'terms', id);
          assert.equal(sent.consent_locale, 'en', id);
          assert.match(sent.consent_hash ?? '', /^[0-9a-f]{64}$/, id);
        }
        await session.close();
      } finally {
        await browser.close();
        await server.close();
      }
    },
  };
}
