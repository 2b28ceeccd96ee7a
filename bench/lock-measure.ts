/**
 * Measurements of @assent/lock (`node --conditions=source --import tsx bench/lock-measure.ts`).
 * Loopback only, bounded (BENCH_RUNS navigations per page and CPU setting), stops by itself.
 *
 * 1. Sizes (esbuild --minify, gzip -9, bundled as an app would: ES modules, code splitting,
 *    production React): auth0-lock alone; a page that includes <assent-lock> (first load, and the
 *    lazily loaded chunks once Lock is shown); a page with <assent-terms> for comparison.
 * 2. Page weight as Chromium receives it (the page server does not compress: bytes as served, and
 *    the same files gzipped), with and without <assent-lock> shown, including Lock's runtime
 *    requests to the tenant (client script, dictionary).
 * 3. Time from navigation start until the required consent checkbox is interactive (rendered,
 *    visible, not covered, enabled): Lock's terms box via <assent-lock> versus <assent-terms>, and
 *    <assent-terms> versus a bare Lit checkbox (the control: a minimal LitElement rendering one
 *    labelled checkbox, the floor any Lit element starts from), same machine, same page server, at
 *    normal CPU speed and with 4x CPU throttling. Reported, never asserted.
 *
 * Pages: bench/pages/{lock-element,terms}-page.ts and BARE_LIT_PAGE below. Writes
 * bench/out/lock-measure.{md,json}.
 */
import type { Metafile } from 'esbuild';
import { bundleLikeAnApp } from '@assent/testkit/app-bundle';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleAuth0Lock } from '@assent/testkit/lock-bundle';
import { launchChromium, openGuardedPage } from '@assent/testkit/browser';
import { startPageServer, type PageRoute } from '@assent/testkit/page-server';
import { openConformanceTarget } from '@assent/testkit/conformance-target';
import { readFile } from 'node:fs/promises';
import { BENCH_POLICY } from './parts/policy.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('./out/', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const gz = (text: string | Uint8Array): number => gzipSync(text, { level: 9 }).length;

/**
 * The control page: a minimal LitElement rendering one labelled checkbox, defined inline, after the
 * same /config.json request as terms-page.ts. Bundled from packages/elements, so it uses the very
 * Lit that <assent-terms> uses.
 */
const BARE_LIT_PAGE = [
  "import { LitElement, html } from 'lit';",
  'class BareCheckbox extends LitElement {',
  '  render() {',
  '    return html`<input type="checkbox" id="c" required><label for="c">I agree to the Terms of Service and Privacy Policy.</label>`;',
  '  }',
  '}',
  "customElements.define('bare-checkbox', BareCheckbox);",
  "await (await fetch('/config.json')).json();",
  "document.querySelector('#signup')?.append(document.createElement('bare-checkbox'));",
].join('\n');

/** The pages timed, each with the element whose shadow root holds its consent checkbox (null: Lock's, in the page). */
const PAGES = { lock: null, terms: 'assent-terms', bare: 'bare-checkbox' } as const;
type PageName = keyof typeof PAGES;

interface PageBundle {
  readonly files: Map<string, string>;
  /** gzip of the entry and its static imports. */
  readonly firstLoad: number;
  /** gzip of the lazily loaded chunk that holds auth0-lock (0 when none). */
  readonly lockChunk: number;
}

/** Bundles a bench page like an app's bundler; `/assets/<name>.js` is its entry. */
async function bundlePage(name: string): Promise<PageBundle> {
  const result = await bundleLikeAnApp(name === 'bare-lit-page' ? { name, contents: BARE_LIT_PAGE, resolveDir: join(ROOT, 'packages/elements') } : join(ROOT, 'bench/pages', `${name}.ts`));
  const files = new Map(result.outputFiles.map((file) => [file.path.replace(/^.*\/assets\//, '/assets/'), file.text]));
  const outputs: Metafile['outputs'] = result.metafile.outputs;
  const key = (path: string) => path.replace(/^.*assets\//, '/assets/');
  const entry = Object.entries(outputs).find(([path, output]) => output.entryPoint && (output.entryPoint.endsWith(`${name}.ts`) || path.endsWith(`/${name}.js`)))?.[0];
  if (!entry) throw new Error(`no entry chunk for ${name}`);
  const initial = new Set<string>();
  const visit = (path: string): void => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const imported of outputs[path]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry);
  let firstLoad = 0;
  let lockChunk = 0;
  for (const [path, output] of Object.entries(outputs)) {
    if (!path.endsWith('.js')) continue;
    const size = gz(files.get(key(path)) ?? '');
    if (initial.has(path)) firstLoad += size;
    else if (Object.keys(output.inputs).some((input) => input.includes('auth0-lock/lib/'))) lockChunk += size;
  }
  return { files, firstLoad, lockChunk };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const lockAlone = await readFile(await bundleAuth0Lock(), 'utf8');
  const [lockPage, termsPage, barePage] = await Promise.all([bundlePage('lock-element-page'), bundlePage('terms-page'), bundlePage('bare-lit-page')]);

  const config: { value?: unknown } = {};
  const html = (name: string) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>bench</title><div id="signup"></div><script type="module" src="/assets/${name}.js"></script></html>`;
  const routes: Record<string, PageRoute> = {
    '/lock': { type: 'text/html; charset=utf-8', body: html('lock-element-page') },
    '/terms': { type: 'text/html; charset=utf-8', body: html('terms-page') },
    '/bare': { type: 'text/html; charset=utf-8', body: html('bare-lit-page') },
    '/config.json': { type: 'application/json', body: () => JSON.stringify(config.value) },
  };
  for (const [path, text] of [...lockPage.files, ...termsPage.files, ...barePage.files]) routes[path] = { type: 'text/javascript; charset=utf-8', body: text };
  const server = await startPageServer(routes);
  const target = await openConformanceTarget({ suite: 'lock-bench', pageOrigins: [server.origin] });
  config.value = { domain: target.domain, clientId: target.clientId, assetsBaseUrl: target.baseUrl, policy: BENCH_POLICY };
  const browser = await launchChromium({ trustCertificates: target.browserTrust });

  /** Bytes of every response a page load received, and their gzip size. */
  async function weigh(path: string, waitForBox: boolean): Promise<{ requests: number; bytes: number; gzip: number }> {
    const session = await openGuardedPage(browser);
    const bodies: Promise<Buffer | null>[] = [];
    session.page.on('response', (response) => bodies.push(response.body().catch(() => null)));
    await session.page.goto(`${server.origin}${path}`);
    if (waitForBox) await session.page.locator('#signup .auth0-lock-sign-up-terms-agreement input').waitFor({ state: 'visible' });
    else await session.page.waitForLoadState('networkidle');
    const received = (await Promise.all(bodies)).filter((body): body is Buffer => body !== null);
    await session.close();
    return { requests: received.length, bytes: received.reduce((sum, body) => sum + body.length, 0), gzip: received.reduce((sum, body) => sum + gz(body), 0) };
  }

  const weights = {
    withoutLockShown: await weigh('/lock?defer=1', false),
    withLockShown: await weigh('/lock', true),
    assentTermsPage: await weigh('/terms', false),
  };

  /** Milliseconds from navigation start until the page's consent checkbox is interactive. */
  async function timeToBox(page: PageName, throttle: number): Promise<number> {
    const session = await openGuardedPage(browser);
    const cdp = await session.context.newCDPSession(session.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await session.page.goto(`${server.origin}/${page}`, { waitUntil: 'commit' });
    const handle = await session.page.waitForFunction(
      (hostName) => {
        const host = hostName ? document.querySelector(hostName) : null;
        const box = hostName
          ? host?.shadowRoot?.querySelector<HTMLInputElement>('input[type="checkbox"]')
          : document.querySelector<HTMLInputElement>('.auth0-lock-sign-up-terms-agreement input[type="checkbox"]');
        if (!box || box.disabled || !box.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
        const rect = box.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) return false;
        const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
        const reachable = hit === box || (!!host && hit === host) || !!hit?.closest('label')?.contains(box);
        return reachable && performance.now();
      },
      PAGES[page],
      { polling: 'raf', timeout: 30_000 },
    );
    const ms = (await handle.jsonValue()) as number;
    await session.close();
    return ms;
  }

  // The per-run series (interleaved pairs) are kept in the JSON for `pnpm bench`'s min, max and per-run ratios.
  const timings: Record<string, { lockMs: number; termsMs: number; bareMs: number; runs: number; lockRunsMs: number[]; termsRunsMs: number[]; bareRunsMs: number[] }> = {};
  for (const throttle of [1, 4]) {
    const runs: Record<PageName, number[]> = { lock: [], terms: [], bare: [] };
    // Interleaved, so a burst of load from elsewhere on the machine hits every page alike.
    for (let run = 0; run < RUNS; run++) {
      for (const page of Object.keys(PAGES) as PageName[]) runs[page].push(await timeToBox(page, throttle));
    }
    timings[`${throttle}x CPU`] = {
      lockMs: median(runs.lock),
      termsMs: median(runs.terms),
      bareMs: median(runs.bare),
      runs: RUNS,
      lockRunsMs: runs.lock,
      termsRunsMs: runs.terms,
      bareRunsMs: runs.bare,
    };
  }
  await browser.close();
  await target.close();
  await server.close();

  const report = {
    machine: `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.versions.node}`,
    sizes: {
      auth0LockMinGz: gz(lockAlone),
      auth0LockMin: lockAlone.length,
      assentLockPageFirstLoadGz: lockPage.firstLoad,
      assentLockPageLockChunkGz: lockPage.lockChunk,
      assentTermsPageFirstLoadGz: termsPage.firstLoad,
      bareLitPageFirstLoadGz: barePage.firstLoad,
    },
    weights,
    timings,
  };
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  const md = [
    `# @assent/lock measurements`,
    ``,
    `${report.machine}; medians of ${RUNS} runs; Chromium headless; emulator over HTTPS on loopback.`,
    ``,
    `| bundle (esbuild --minify, gzip -9) | size |`,
    `|---|---:|`,
    `| auth0-lock 14.3.0 alone (with its auth0-js 9.32, React) | ${kb(report.sizes.auth0LockMinGz)} (${kb(report.sizes.auth0LockMin)} min) |`,
    `| page with <assent-lock>: first load | ${kb(report.sizes.assentLockPageFirstLoadGz)} |`,
    `| page with <assent-lock>: the lazily loaded Lock chunk | ${kb(report.sizes.assentLockPageLockChunkGz)} |`,
    `| page with <assent-terms>: first load | ${kb(report.sizes.assentTermsPageFirstLoadGz)} |`,
    `| page with a bare Lit checkbox (the control): first load | ${kb(report.sizes.bareLitPageFirstLoadGz)} |`,
    ``,
    `| page load (all responses) | requests | bytes as served | gzip -9 |`,
    `|---|---:|---:|---:|`,
    `| <assent-lock> defined, Lock not shown | ${weights.withoutLockShown.requests} | ${kb(weights.withoutLockShown.bytes)} | ${kb(weights.withoutLockShown.gzip)} |`,
    `| <assent-lock> shown (Lock, client script, dictionary) | ${weights.withLockShown.requests} | ${kb(weights.withLockShown.bytes)} | ${kb(weights.withLockShown.gzip)} |`,
    `| <assent-terms> page | ${weights.assentTermsPage.requests} | ${kb(weights.assentTermsPage.bytes)} | ${kb(weights.assentTermsPage.gzip)} |`,
    ``,
    `| navigation start -> consent checkbox interactive | Lock's terms box (<assent-lock>) | <assent-terms> | bare Lit checkbox | Lock / <assent-terms> | <assent-terms> / bare Lit |`,
    `|---|---:|---:|---:|---:|---:|`,
    ...Object.entries(timings).map(
      ([cpu, t]) => `| ${cpu} | ${t.lockMs.toFixed(0)} ms | ${t.termsMs.toFixed(0)} ms | ${t.bareMs.toFixed(0)} ms | ${(t.lockMs / t.termsMs).toFixed(1)}x | ${(t.termsMs / t.bareMs).toFixed(2)}x |`,
    ),
    ``,
  ].join('\n');
  await mkdir(OUT_DIR, { recursive: true });
  await writeFile(join(OUT_DIR, 'lock-measure.json'), JSON.stringify(report, null, 2));
  await writeFile(join(OUT_DIR, 'lock-measure.md'), md);
  console.log(md);
}

await main();
