/**
 * <assent-terms> under the strictest policy a careful site would send: no inline script or style,
 * scripts and styles from the page's own origin only, and Trusted Types required for every DOM
 * sink. The element must render, load another language, take a tick and fill the form with zero
 * violations. Two negative controls prove the policy is really enforced on that page.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium, openGuardedPage, type GuardedPage } from '@assent/testkit/browser';

// `lit-html` is the Trusted Types policy Lit creates in production builds; no other is allowed.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const HTML = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CSP</title><script type="module" src="/page.js"></script></head><body></body></html>';

let outdir: string;
let server: Server;
let origin: string;
let browser: Browser;

before(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'assent-csp-'));
  // Built as an app would ship it: production Lit, languages split into their own chunks.
  await build({
    entryPoints: { page: fileURLToPath(new URL('./csp-page/page.ts', import.meta.url)) },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir,
    logLevel: 'error',
  });
  server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    response.setHeader('content-security-policy', CSP);
    if (path === '/') {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(HTML);
      return;
    }
    const file = normalize(join(outdir, path));
    if (!file.startsWith(outdir) || !file.endsWith('.js')) {
      response.statusCode = 404;
      response.end();
      return;
    }
    try {
      const body = await readFile(file);
      response.setHeader('content-type', 'text/javascript');
      response.end(body);
    } catch {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

async function openPage(t: { after(fn: () => Promise<void>): void }): Promise<GuardedPage> {
  const session = await openGuardedPage(browser);
  t.after(() => session.close());
  await session.page.goto(`${origin}/`);
  await session.page.getByRole('checkbox', { name: /I agree to the Terms of Service/ }).waitFor();
  return session;
}

const violations = (session: GuardedPage): Promise<string[]> => session.page.evaluate(() => window.cspViolations);
const consoleViolations = (session: GuardedPage): string[] => session.console.filter((line) => /Content Security Policy|Trusted Type|TrustedHTML|TrustedScript/i.test(line));

describe('<assent-terms> under a strict Content-Security-Policy with Trusted Types', () => {
  test('renders, switches language, takes a tick and fills the form with zero violations', async (t) => {
    const session = await openPage(t);
    const { page } = session;

    await page.evaluate(() => {
      const terms = document.querySelector('assent-terms');
      if (terms) terms.lang = 'de';
    });
    const german = page.getByRole('checkbox', { name: /Nutzungsbedingungen/ });
    await german.waitFor();
    await german.check();
    await page
      .getByRole('checkbox', { name: /Newsletter|Neuigkeiten|E-Mail/ })
      .first()
      .check();
    await page.waitForFunction(() => new FormData(document.querySelector('form') ?? undefined).has('consent_hash'));

    const fields = await page.evaluate(() => Object.fromEntries([...new FormData(document.querySelector('form') ?? undefined)].map(([k, v]) => [k, String(v)])));
    assert.equal(fields.consent_locale, 'de');
    assert.match(fields.consent_hash ?? '', /^[0-9a-f]{64}$/);
    assert.deepEqual(await violations(session), []);
    assert.deepEqual(consoleViolations(session), [], session.diagnostics());
  });

  test('negative control: the page refuses a raw HTML string in innerHTML (Trusted Types are enforced)', async (t) => {
    const session = await openPage(t);
    const refused = await session.page.evaluate(() => {
      try {
        document.body.insertAdjacentHTML('beforeend', '<b>not trusted</b>');
        return false;
      } catch (error) {
        return error instanceof TypeError;
      }
    });
    assert.equal(refused, true);
  });

  test('negative control: an inline style is reported as a violation (the listener sees what the policy blocks)', async (t) => {
    const session = await openPage(t);
    await session.page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { color: red }';
      document.head.append(style);
    });
    await session.page.waitForFunction(() => window.cspViolations.length > 0);
    assert.match((await violations(session)).join('\n'), /style-src/);
  });
});
