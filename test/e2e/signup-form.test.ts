/**
 * <assent-signup-form> end to end: the demo page (demo/signup.html + demo/src/signup.ts, bundled
 * as an app bundles it) in headless Chromium against an HTTPS emulator. A user fills the form,
 * ticks the consent and submits; the user is then read back with the official `auth0` Node SDK,
 * and the decoded consent must be what was ticked, for the policy version shown and with the hash
 * of the text shown on the page.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ManagementClient } from 'auth0';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { createDecision, decodeSignupFields, en, parsePolicy, shownText, verifyDecision, type ConsentPolicy } from '@assent/core';
import { openConformanceTarget, type ConformanceTarget } from '@assent/testkit/conformance-target';
import { launchChromium, openGuardedPage, type GuardedPage } from '@assent/testkit/browser';
import { startPageServer, type PageServer } from '@assent/testkit/page-server';
import { strongPassword, uniqueEmail } from '../support/unique.js';
import { managementClient } from '../support/management.js';

const demo = (path: string) => fileURLToPath(new URL(`../../demo/${path}`, import.meta.url));

/** demo/src/signup.ts as one ES module, workspace packages from their sources. */
async function bundleSignupPage(): Promise<string> {
  const result = await build({
    entryPoints: [demo('src/signup.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

let server: PageServer;
let target: ConformanceTarget;
let browser: Browser;
let management: ManagementClient;
let policy: ConsentPolicy;

before(async () => {
  const policyJson = await readFile(demo('public/policies/acme-signup.json'), 'utf8');
  policy = parsePolicy(JSON.parse(policyJson));
  let env = '';
  server = await startPageServer({
    '/': { type: 'text/html; charset=utf-8', body: await readFile(demo('signup.html'), 'utf8') },
    '/src/demo.css': { type: 'text/css', body: await readFile(demo('src/demo.css'), 'utf8') },
    '/src/signup.ts': { type: 'text/javascript; charset=utf-8', body: bundleSignupPage },
    '/policies/acme-signup.json': { type: 'application/json', body: policyJson },
    '/assent-env.json': { type: 'application/json', body: () => env },
  });
  target = await openConformanceTarget({ suite: 'signup-form', pageOrigins: [server.origin] });
  // auth0Url: where the demo page sends its Auth0 requests (the demo server points it at a recording proxy).
  env = JSON.stringify({ emulatorUrl: target.baseUrl, auth0Url: target.baseUrl, clientId: target.clientId, connection: target.connection });
  browser = await launchChromium({ trustCertificates: target.browserTrust });
  management = managementClient({ domain: target.domain, fetch: target.fetch, machine: target.m2m });
});

after(async () => {
  await browser?.close();
  await target?.close();
  await server?.close();
});

async function openDemo(t: { after(fn: () => Promise<void>): void }): Promise<GuardedPage> {
  const session = await openGuardedPage(browser, { allowHosts: target.allowHosts });
  t.after(() => session.close());
  await session.page.goto(`${server.origin}/`);
  await session.page.locator('assent-terms #required').waitFor();
  return session;
}

describe('<assent-signup-form> on the demo page, read back with the auth0 Node SDK', () => {
  for (const optional of [[], ['marketing', 'analytics']]) {
    test(`a signup that accepts ${optional.length ? optional.join(' and ') : 'only the terms'} stores exactly that consent`, async (t) => {
      const { page, diagnostics } = await openDemo(t);
      const email = uniqueEmail('e2e-signup-form');
      await page.getByLabel('First name').fill('Ada');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(strongPassword());
      await page.getByLabel('Plan').selectOption('pro');
      await page.locator('assent-terms #required').check();
      for (const id of optional) await page.locator(`assent-terms #purpose-${id}`).check();
      const shown = (await page.locator('assent-terms label').allInnerTexts()).join('\n');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page
        .locator('#signup-done')
        .waitFor({ state: 'visible', timeout: 15_000 })
        .catch((error: unknown) => {
          throw new Error(`no success: ${String(error)}\n${diagnostics()}`);
        });

      const users = await management.users.listUsersByEmail({ email });
      assert.equal(users.length, 1, `users-by-email found ${users.length} users for ${email}`);
      const user = users[0]!;
      const stored = decodeSignupFields(user.user_metadata as Record<string, unknown>);
      assert.deepEqual(stored.purposes, ['terms', ...optional]);
      assert.equal(stored.policy, policy.id);
      assert.equal(stored.version, policy.version);
      assert.equal(stored.locale, 'en');
      // The hash covers the text the page showed: recompute it from that text's source and compare.
      assert.equal(shown, shownText(policy, 'en', en));
      const recomputed = await createDecision(policy, { accepted: stored.purposes, locale: 'en', messages: en, at: new Date(stored.at) });
      assert.equal(stored.hash, recomputed.hash);
      assert.equal(await verifyDecision(stored, policy, en), true);
      assert.equal((user.user_metadata as Record<string, unknown>).plan, 'pro');
      assert.equal(user.given_name, 'Ada');
    });
  }
});
