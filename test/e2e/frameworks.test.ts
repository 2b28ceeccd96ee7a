/**
 * docs/frameworks.md stays true: its Vue and Angular code blocks (those after a
 * `<!-- file: … -->` marker) are written out as small apps and compiled. The Vue app is type-checked
 * with vue-tsc (templates included), built with Vite and the page's config, and run in Chromium:
 * the box renders, `assent-change` reaches the component, and the posted form carries the consent
 * fields. The Angular component is compiled by the Angular compiler (ngc, strict templates), which
 * refuses it without CUSTOM_ELEMENTS_SCHEMA.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium, openGuardedPage } from '../support/browser.js';
import { startPageServer } from '../support/page-server.js';
import { policy } from './react-apps/policy.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const page = readFileSync(join(root, 'docs/frameworks.md'), 'utf8');
const files = new Map([...page.matchAll(/^<!-- file: (\S+) -->\n```\w+\n([\s\S]*?)^```$/gm)].map(([, path, body]) => [path!, body!]));
// Inside test/ so that the apps resolve vue, @angular/* and @assent/* from test/node_modules.
const work = join(root, 'test', '.cache', `frameworks-${process.pid}`);
after(() => rmSync(work, { recursive: true, force: true }));

function write(path: string, content: string): void {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), content);
}

function run(script: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: work, encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

const tsconfigBase = join(root, 'tsconfig.base.json');

test('docs/frameworks.md has the Vue and Angular sources', () => {
  assert.deepEqual([...files.keys()].sort(), ['angular/signup.component.ts', 'vue/src/App.vue', 'vue/src/assent-elements.d.ts', 'vue/vite.config.ts']);
});

describe('the Vue note', () => {
  let browser: Browser;
  before(async () => {
    for (const [path, body] of files) if (path.startsWith('vue/')) write(path, body);
    write('vue/index.html', '<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/src/main.ts"></script></head><body><div id="app"></div></body></html>');
    write('vue/src/main.ts', "import { createApp } from 'vue';\nimport App from './App.vue';\n\ncreateApp(App).mount('#app');\n");
    write('vue/public/consent-policy.json', JSON.stringify(policy));
    // Type specifications: each marked line must stay a type error, or vue-tsc fails.
    write(
      'vue/src/Refused.vue',
      [
        '<script setup lang="ts">',
        'function wrongDetail(event: CustomEvent<{ checked: boolean }>) {',
        '  return event.detail.checked;',
        '}',
        '</script>',
        '<template>',
        '  <!-- @vue-expect-error a policy is an object -->',
        '  <assent-terms :policy="\'acme\'"></assent-terms>',
        '  <!-- @vue-expect-error the detail of assent-change has no `checked` -->',
        '  <assent-terms @assent-change="wrongDetail"></assent-terms>',
        '  <!-- @vue-expect-error a withdrawal mode that does not exist -->',
        '  <assent-withdraw-button mode="everything"></assent-withdraw-button>',
        '</template>',
        '',
      ].join('\n'),
    );
    write(
      'vue/tsconfig.json',
      JSON.stringify({ extends: tsconfigBase, compilerOptions: { noEmit: true, types: [], jsx: 'preserve', lib: ['ES2023', 'DOM', 'DOM.Iterable'] }, include: ['src/**/*.ts', 'src/**/*.vue'] }),
    );
    browser = await launchChromium();
  });
  after(() => browser?.close());

  test('type-checks with vue-tsc, templates included', () => {
    const result = run(join(root, 'test/node_modules/vue-tsc/bin/vue-tsc.js'), ['--noEmit', '-p', join(work, 'vue/tsconfig.json')]);
    assert.equal(result.status, 0, result.output);
  });

  test('builds with Vite and the note\'s config, and runs: the box renders, assent-change reaches the component, the posted form carries the consent fields', async (t) => {
    const { build } = await import('vite');
    await build({
      root: join(work, 'vue'),
      configFile: join(work, 'vue/vite.config.ts'),
      logLevel: 'error',
      // This workspace's packages are TypeScript sources (an installed package resolves to its dist/).
      resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
    });
    const dist = join(work, 'vue/dist');
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    assert.ok(script, html);
    const server = await startPageServer({
      '/': { type: 'text/html', body: html },
      [script]: { type: 'text/javascript', body: readFileSync(join(dist, script), 'utf8') },
      '/consent-policy.json': { type: 'application/json', body: JSON.stringify(policy) },
    });
    t.after(() => server.close());
    const session = await openGuardedPage(browser);
    t.after(() => session.close());
    const { page: tab } = session;
    let sent: URLSearchParams | undefined;
    // Read through a function: the route handler assigns `sent` where TypeScript's narrowing cannot see it.
    const postedForm = (): URLSearchParams | undefined => sent;
    await tab.route('**/signup', async (route) => {
      sent = new URLSearchParams(route.request().postData() ?? '');
      await route.fulfill({ contentType: 'text/html', body: '<p>Signed up</p>' });
    });
    await tab.goto(`${server.origin}/`);
    await tab.getByRole('textbox').fill('ada@example.com');
    await tab.getByRole('button', { name: 'Sign up' }).click();
    assert.equal(postedForm(), undefined, 'the form was sent without the required box');
    await tab.getByRole('checkbox', { name: /I agree to the Terms of Service and Privacy Policy/ }).check();
    await tab.getByText('Accepted: terms').waitFor();
    await tab.getByRole('button', { name: 'Sign up' }).click();
    await tab.getByText('Signed up').waitFor();
    const posted = postedForm();
    assert.ok(posted);
    assert.equal(posted.get('email'), 'ada@example.com');
    assert.equal(posted.get('consent_policy'), 'acme-signup@2026-11-01');
    assert.equal(posted.get('consent_purposes'), 'terms');
    assert.match(posted.get('consent_hash') ?? '', /^[0-9a-f]{64}$/);
  });
});

describe('the Angular note', () => {
  const component = files.get('angular/signup.component.ts')!;
  // The Angular compiler (ngc) with strict template checking, as `ng build` runs it.
  const angularConfig = JSON.stringify({
    extends: tsconfigBase,
    compilerOptions: { outDir: 'out', noEmit: false, declaration: false, sourceMap: false, types: [], experimentalDecorators: true },
    files: ['signup.component.ts'],
    angularCompilerOptions: { strictTemplates: true, strictInjectionParameters: true },
  });
  const ngc = (folder: string) => run(join(root, 'test/node_modules/@angular/compiler-cli/bundles/src/bin/ngc.js'), ['-p', join(work, folder, 'tsconfig.json')]);

  test('compiles with the Angular compiler and strict template checking', () => {
    write('angular/signup.component.ts', component);
    write('angular/tsconfig.json', angularConfig);
    const result = ngc('angular');
    assert.equal(result.status, 0, result.output);
  });

  test('without CUSTOM_ELEMENTS_SCHEMA the same component fails to compile (the note\'s line is needed)', () => {
    const without = component.replace('schemas: [CUSTOM_ELEMENTS_SCHEMA],', '').replace('CUSTOM_ELEMENTS_SCHEMA, ', '').replace(', CUSTOM_ELEMENTS_SCHEMA', '');
    assert.notEqual(without, component);
    write('angular-without-schema/signup.component.ts', without);
    write('angular-without-schema/tsconfig.json', angularConfig);
    const result = ngc('angular-without-schema');
    assert.notEqual(result.status, 0);
    // The compiler colours its output.
    assert.match(result.output.replace(/\x1B\[[0-9;]*m/g, ''), /NG8001: 'assent-terms' is not a known element/);
  });
});
