/**
 * The `<assent-terms>` enhancement of the Universal Login partials in real Chromium: the single-file
 * build of @assent/universal-login, served with CORS from a "CDN" and loaded by the partial with its
 * SRI hash, takes over the native boxes. The form then posts the element's `ulp-consent_` fields
 * once (no native box alongside), and the pre-user-registration Action records the consent with the
 * element's hash, which must be the one it recomputes.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { startEmulator, type RunningEmulator } from '@assent/auth0-emulator';
import { decodeConsentObject, parsePolicy } from '@assent/core';
import { deployUniversalLogin, universalLoginActionSecrets } from '@assent/universal-login';
import { ManagementClient } from 'auth0';
import type { Browser } from 'playwright-core';
import { buildCdn } from '../../packages/universal-login/scripts/build-cdn.js';
import { launchChromium, openGuardedPage } from '@assent/testkit/browser';
import { startPageServer, type PageServer } from '@assent/testkit/page-server';
import { strongPassword, uniqueEmail } from '../support/unique.js';

const SPA = 'ulp-app';
const M2M = 'ulp-deployer';
const M2M_SECRET = 'ulp-deployer-secret-for-tests-only';
const ACTION = createRequire(import.meta.url).resolve('@assent/server/actions/pre-user-registration.js');
const TEMPLATE = '<!DOCTYPE html><html lang="{{ locale }}"><head>{%- auth0:head -%}</head><body>{%- auth0:widget -%}</body></html>';

const policy = parsePolicy({
  id: 'acme-signup',
  version: '2026-11-01',
  controller: { name: 'Acme GmbH' },
  documents: [
    { id: 'terms', url: 'https://acme.example/terms', version: '3.1' },
    { id: 'privacy', url: 'https://acme.example/privacy', version: '2.0' },
  ],
  purposes: [
    { id: 'terms', required: true, basis: 'contract', documents: ['terms', 'privacy'] },
    { id: 'marketing', required: false, basis: 'consent' },
    { id: 'analytics', required: false, basis: 'consent' },
  ],
});

let app: PageServer;
let cdn: ServerType;
let cdnOrigin: string;
let emulator: RunningEmulator;
let browser: Browser;
let cdnDir: string;

before(async () => {
  cdnDir = await mkdtemp(join(tmpdir(), 'assent-cdn-'));
  const manifest = await buildCdn(cdnDir);
  const script = await readFile(join(cdnDir, manifest.file), 'utf8');
  const files = new Hono();
  files.get('/assent-terms.js', (c) => c.body(script, 200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' }));
  files.get('/policy.json', (c) => c.json(policy, 200, { 'access-control-allow-origin': '*' }));
  cdn = await new Promise<ServerType>((resolve) => {
    const started: ServerType = serve({ fetch: files.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  cdnOrigin = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;

  app = await startPageServer({ '/callback': { type: 'text/html', body: '<!doctype html><html lang="en"><title>Signed in</title></html>' } });
  emulator = await startEmulator({
    port: 0,
    tenant: {
      clients: [
        { client_id: SPA, name: 'Acme', app_type: 'spa', callbacks: [`${app.origin}/callback`] },
        {
          client_id: M2M,
          app_type: 'non_interactive',
          client_secret: M2M_SECRET,
          grants: [{ scope: ['read:prompts', 'update:prompts', 'read:branding', 'update:branding', 'read:actions', 'update:actions', 'create:actions'] }],
        },
      ],
      actions: [{ module: ACTION, name: 'assent-pre-user-registration', secrets: { ...universalLoginActionSecrets(policy) } }],
    },
    enableAdmin: true,
  });
  const https = emulator.url.replace(/^http:/, 'https:');
  const emulatorFetch: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    return request.url.startsWith(https) ? fetch(new Request(emulator.url + request.url.slice(https.length), request)) : fetch(request);
  };
  const management = new ManagementClient({ domain: new URL(emulator.url).host, clientId: M2M, clientSecret: M2M_SECRET, fetch: emulatorFetch });
  await deployUniversalLogin({
    management,
    policy,
    languages: ['en'],
    template: TEMPLATE,
    enhancement: { scriptUrl: `${cdnOrigin}/assent-terms.js`, integrity: manifest.integrity, policyUrl: `${cdnOrigin}/policy.json` },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await emulator?.stop();
  await app?.close();
  await new Promise((resolve) => cdn?.close(resolve));
  if (cdnDir) await rm(cdnDir, { recursive: true, force: true });
});

function signupUrl(): string {
  const query = new URLSearchParams({ client_id: SPA, redirect_uri: `${app.origin}/callback`, response_type: 'code', state: 's', screen_hint: 'signup', ui_locales: 'en' });
  return `${emulator.url}/authorize?${query}`;
}

test('the single-file <assent-terms> takes over the native boxes and the form posts its ulp- fields once; the Action records them', async (t) => {
  const session = await openGuardedPage(browser);
  t.after(() => session.close());
  const { page } = session;
  const email = uniqueEmail('ulp-enhanced');
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.postData() ?? '');
  });

  await page.goto(signupUrl());
  await page.locator('assent-terms').waitFor();
  await page.locator('[data-assent-ulp]').waitFor({ state: 'hidden' });
  assert.equal(await page.getByRole('checkbox').count(), 3, "only the element's boxes are visible");

  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(strongPassword());
  await page.getByRole('checkbox', { name: 'Email me news and offers from Acme GmbH.' }).check();
  await page.getByRole('checkbox', { name: /I agree to the Terms of Service/ }).check();
  await page.waitForFunction(() => ((document.querySelector('assent-terms') as unknown as { decision: unknown } | null)?.decision ?? null) !== null);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${app.origin}/callback?**`);

  const body = new URLSearchParams(posts.at(-1));
  const consentFields = [...body.keys()].filter((name) => name.startsWith('ulp-'));
  assert.deepEqual(consentFields.sort(), ['ulp-consent_at', 'ulp-consent_hash', 'ulp-consent_locale', 'ulp-consent_policy', 'ulp-consent_purposes']);
  assert.equal(body.get('ulp-consent_purposes'), 'terms,marketing');
  const users = (await (await fetch(`${emulator.url}/__emulator/users`)).json()) as { email: string; app_metadata?: { consent?: unknown } }[];
  const consent = decodeConsentObject(users.find((user) => user.email === email)?.app_metadata?.consent);
  assert.deepEqual(consent.purposes, { terms: true, marketing: true, analytics: false });
  assert.equal(consent.hash, body.get('ulp-consent_hash'));
});

test("with the element in place, an unticked required box still gets the Action's error in the prompt", async (t) => {
  const session = await openGuardedPage(browser);
  t.after(() => session.close());
  const { page } = session;
  await page.goto(signupUrl());
  await page.locator('[data-assent-ulp]').waitFor({ state: 'hidden' });
  await page.getByLabel('Email address').fill(uniqueEmail('ulp-enhanced-refused'));
  await page.getByLabel('Password').fill(strongPassword());
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('alert').first().waitFor();
  assert.match((await page.getByRole('alert').allTextContents()).join(' '), /Please accept the Terms of Service and Privacy Policy to continue\./);
});
