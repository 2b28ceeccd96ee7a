/**
 * <assent-withdraw-button> in the flag and delete modes, in headless Chromium against the real
 * @assent/server consent handler and an HTTPS emulator (test/node/server-fixture.ts): the page reads
 * the state with the user's own Management API token and posts the withdrawal to the server with
 * the user's API token. What the server stored is read back with the official `auth0` Node SDK.
 * The page is served at the consent server's origin (Playwright answers its two files), so the
 * server is called same-origin, as an app that mounts the handler under its own domain calls it.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { decodeConsentObject } from '@assent/core';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openGuardedPage } from '@assent/testkit/browser';
import { serverCertificate } from '@assent/testkit/https-trust';
import { CONNECTION, POLICY, SPA, startServerFixture, type ServerFixture, type TestUser } from '../node/server-fixture.js';
import type { WithdrawPageOptions } from './account-pages/withdraw-page.js';

const PAGE = '/__account-e2e/';
let fixture: ServerFixture;
let browser: Browser;
let script: string;

before(async () => {
  fixture = await startServerFixture();
  browser = await launchChromium({ trustCertificates: [await serverCertificate(fixture.emulator.url, fixture.emulator.caCert!)] });
  // The sources as an app bundles them (the `source` condition: no build of the packages needed).
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./account-pages/withdraw-page.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    write: false,
    logLevel: 'error',
  });
  script = result.outputFiles[0]!.text;
});
after(async () => {
  await browser?.close();
  await fixture?.close();
});

/** A Management API token of the user with the consent client's scopes (password-realm grant). */
async function managementToken(user: TestUser): Promise<string> {
  const response = await fixture.fetch(`${fixture.emulator.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
      client_id: SPA,
      username: user.email,
      password: user.password,
      realm: CONNECTION,
      audience: fixture.emulator.tenant.managementAudience,
      scope: 'read:current_user update:current_user_metadata create:current_user_metadata',
    }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A signed-up user's page with the button in `mode`, its state read. */
async function openPage(t: { after(fn: () => Promise<void>): void }, mode: 'flag' | 'delete', accepted = ['terms', 'marketing']): Promise<{ page: Page; user: TestUser }> {
  const user = await fixture.signup({ accepted });
  const options: WithdrawPageOptions = {
    domain: fixture.emulator.url,
    userId: user.userId,
    managementToken: await managementToken(user),
    serverToken: await fixture.userToken(user),
    mode,
    policy: POLICY,
  };
  const session = await openGuardedPage(browser);
  t.after(() => session.close());
  const { page } = session;
  await page.route(`${fixture.api}${PAGE}**`, (route) =>
    route.request().url().endsWith('.js')
      ? route.fulfill({ contentType: 'text/javascript', body: script })
      : route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="en"><title>Account</title><main><h1>Account</h1></main><script type="module" src="${PAGE}page.js"></script></html>`,
        }),
  );
  // A document Playwright answers has no address of its own, so Chromium counts it as public and
  // asks before it calls a loopback host (the emulator): the test grants what a user would.
  await page.context().grantPermissions(['local-network-access'], { origin: fixture.api });
  await page.goto(`${fixture.api}${PAGE}`);
  await page.waitForFunction(() => typeof window.mountWithdraw === 'function');
  await page.evaluate((value) => window.mountWithdraw(value), options);
  try {
    await page.getByRole('button', { name: 'Withdraw consent' }).waitFor({ timeout: 10000 });
  } catch (error) {
    const shown = await page.evaluate(() => document.querySelector('assent-withdraw-button')?.shadowRoot?.textContent);
    throw new Error(`the button did not show; the element shows ${JSON.stringify(shown)}; ${session.diagnostics()}`, { cause: error });
  }
  return { page, user };
}

const appMetadata = async (user: TestUser) => (await fixture.management.users.get(user.userId)).app_metadata as { deleted?: boolean; consent?: unknown };
const events = (page: Page) => page.evaluate(() => window.withdrawEvents);

describe('<assent-withdraw-button> with the consent server', () => {
  test('flag mode: "withdraw all" records the withdrawal in app_metadata and closes the account [GDPR 7(3)]', async (t) => {
    const { page, user } = await openPage(t, 'flag');
    await page.getByRole('button', { name: 'Withdraw consent' }).click();
    await page.getByRole('button', { name: 'Withdraw all and close my account' }).click();
    await page.getByRole('status').filter({ hasText: 'Your consent has been withdrawn and your account closed.' }).waitFor();

    const stored = await appMetadata(user);
    assert.equal(stored.deleted, true);
    const consent = decodeConsentObject(stored.consent);
    assert.equal(consent.given, false);
    const [event] = await events(page);
    assert.deepEqual([event!.erased, event!.all, event!.mode], ['flag', true, 'flag']);
    assert.deepEqual([consent.history.at(-1)!.id, consent.history.at(-1)!.source], [event!.eventId, 'server']);
  });

  test('flag mode: withdrawing one optional purpose goes to the server and erases nothing', async (t) => {
    const { page, user } = await openPage(t, 'flag');
    await page.getByRole('button', { name: 'Withdraw consent' }).click();
    await page.getByRole('checkbox', { name: 'Email me news and offers from Acme GmbH.' }).check();
    await page.getByRole('button', { name: 'Withdraw selected' }).click();
    await page.getByRole('status').filter({ hasText: 'Your consent has been withdrawn.' }).waitFor();

    const stored = await appMetadata(user);
    assert.notEqual(stored.deleted, true);
    assert.deepEqual(decodeConsentObject(stored.consent).purposes, { terms: true, marketing: false });
    assert.equal((await events(page))[0]!.erased, null);
  });

  test('delete mode: the withdrawal is logged, then the account is deleted [GDPR 17]', async (t) => {
    const { page, user } = await openPage(t, 'delete');
    await page.getByRole('button', { name: 'Withdraw consent' }).click();
    await page.getByRole('button', { name: 'Withdraw all and delete my account' }).click();
    await page.getByRole('status').filter({ hasText: 'Your consent has been withdrawn and your account deleted.' }).waitFor();

    await assert.rejects(fixture.management.users.get(user.userId), (error: { statusCode?: number }) => error.statusCode === 404);
    const [event] = await events(page);
    const log = (await readFile(fixture.withdrawalLogPath, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event_id: string; user_id: string; erase: string });
    assert.deepEqual(
      log.filter((record) => record.user_id === user.userId).map((record) => [record.event_id, record.erase]),
      [[event!.eventId, 'delete']],
    );
  });

  test('after a lost answer, "Try again" sends the same event and the server records it once', async (t) => {
    const { page, user } = await openPage(t, 'flag');
    const sent: string[] = [];
    let first = true;
    await page.route(`${fixture.api}/consent/withdraw`, async (route) => {
      sent.push((route.request().postDataJSON() as { eventId: string }).eventId);
      if (!first) return route.continue();
      first = false;
      // The server gets the request and records it; the browser never sees the answer.
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Withdraw consent' }).click();
    await page.getByRole('button', { name: 'Withdraw all and close my account' }).click();
    await page.getByRole('alert').filter({ hasText: 'The server could not be reached. Check your connection and try again.' }).waitFor();
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('status').filter({ hasText: 'Your consent has been withdrawn and your account closed.' }).waitFor();

    assert.equal(sent.length, 2);
    assert.equal(sent[0], sent[1]);
    const consent = decodeConsentObject((await appMetadata(user)).consent);
    assert.deepEqual(
      consent.history.filter((entry) => entry.event === 'withdrawn').map((entry) => entry.id),
      [sent[0]],
    );
  });
});
