/**
 * A React 18 app and a React 19 app in real Chromium: each renders <assent-terms> (React 18 through
 * the @assent/react component; React 19 both as a plain tag typed by @assent/react/jsx and through
 * the component), receives `assent-change`, and submits the consent fields with its form. Both apps
 * also type-check against their React's types (test/e2e/react-apps/tsconfig.react*.json).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, openGuardedPage, type GuardedPage } from '@assent/testkit/browser';
import { startPageServer, type PageServer } from '@assent/testkit/page-server';

const apps = fileURLToPath(new URL('./react-apps/', import.meta.url));
const testRoot = fileURLToPath(new URL('../', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

/** The app bundled as a browser module, with `react` and `react-dom` taken from `reactPackages`. */
async function bundle(entry: string, reactPackages: { react: string; 'react-dom': string }): Promise<string> {
  const result = await build({
    entryPoints: [apps + entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
    jsx: 'automatic',
    // React's development build, which warns in the console about props it cannot handle; Lit's
    // and core's production builds, as an app's bundle has them.
    define: { 'process.env.NODE_ENV': '"development"' },
    conditions: ['source'],
    // Resolved from test/, where both React versions are installed (React 18 under an alias).
    absWorkingDir: testRoot,
    alias: reactPackages,
  });
  return result.outputFiles[0]!.text;
}

const HTML = '<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/app.js"></script></head><body></body></html>';

const versions = [
  { name: 'React 18', entry: 'react18.tsx', packages: { react: 'react-18', 'react-dom': 'react-dom-18' }, major: '18', forms: ['wrapper'] },
  { name: 'React 19', entry: 'react19.tsx', packages: { react: 'react', 'react-dom': 'react-dom' }, major: '19', forms: ['native', 'wrapper'] },
] as const;

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

for (const version of versions) {
  describe(`a ${version.name} app`, () => {
    let server: PageServer;
    let session: GuardedPage;
    let page: Page;

    before(async () => {
      const script = await bundle(version.entry, version.packages);
      server = await startPageServer({
        '/': { type: 'text/html', body: HTML },
        '/app.js': { type: 'text/javascript', body: script },
      });
      session = await openGuardedPage(browser);
      page = session.page;
      await page.goto(`${server.origin}/`);
      assert.match(await page.title(), new RegExp(`^React ${version.major}\\.`));
    });
    after(async () => {
      await session?.close();
      await server?.close();
    });

    for (const form of version.forms) {
      const label = form === 'native' ? 'the <assent-terms> tag' : 'the AssentTerms component';
      const within = (): Locator => page.getByTestId(form);

      test(`${label} renders the required and optional boxes with the linked documents`, async () => {
        const terms = within().locator('assent-terms');
        await terms.getByRole('checkbox', { name: /I agree to the Terms of Service and Privacy Policy/ }).waitFor();
        await terms.getByRole('checkbox', { name: /Email me news and offers from Acme GmbH/ }).waitFor();
        assert.equal(await terms.getByRole('link', { name: 'Privacy Policy' }).getAttribute('href'), 'https://acme.example/privacy');
      });

      test(`${label}: the form cannot be sent before the required box is ticked`, async () => {
        await within().getByRole('button', { name: 'Sign up' }).click();
        assert.equal(await within().getByTestId('submitted').textContent(), '');
        assert.equal(await within().getByTestId('accepted').textContent(), 'no change yet');
      });

      test(`${label}: ticking boxes reaches the app as assent-change events`, async () => {
        await within()
          .getByRole('checkbox', { name: /I agree to the Terms/ })
          .check();
        await assertText(within().getByTestId('accepted'), 'terms');
        await within()
          .getByRole('checkbox', { name: /Email me news/ })
          .check();
        await assertText(within().getByTestId('accepted'), 'terms,marketing');
      });

      test(`${label}: the submitted form data carries the consent fields`, async () => {
        await within().getByRole('button', { name: 'Sign up' }).click();
        await within().getByTestId('submitted').filter({ hasText: 'consent_hash' }).waitFor();
        const submitted = JSON.parse((await within().getByTestId('submitted').textContent())!) as Record<string, string>;
        assert.equal(submitted.email, 'ada@example.com');
        assert.equal(submitted.consent_policy, 'acme-signup@2026-11-01');
        assert.equal(submitted.consent_purposes, 'terms,marketing');
        assert.equal(submitted.consent_locale, 'en');
        assert.match(submitted.consent_at!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
        assert.match(submitted.consent_hash!, /^[0-9a-f]{64}$/);
      });
    }

    test('logs no React warning or error', () => {
      const problems = session.console.filter((line) => /^(error|warning):/.test(line));
      assert.deepEqual(problems, [], session.diagnostics());
    });

    test(`type-checks against React ${version.major}'s types`, () => {
      const result = spawnSync(process.execPath, [root + 'node_modules/typescript/bin/tsc', '-p', `${apps}tsconfig.react${version.major}.json`], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stdout + result.stderr);
    });
  });
}

async function assertText(locator: Locator, expected: string): Promise<void> {
  await locator.filter({ hasText: new RegExp(`^${expected}$`) }).waitFor({ timeout: 5000 });
}

// Keep the app sources honest: each app's entry imports what its version supports.
test('the React 18 app uses only the component (React 18 attaches no listeners to custom element tags)', () => {
  assert.doesNotMatch(readFileSync(apps + 'react18.tsx', 'utf8'), /NativeForm/);
});
