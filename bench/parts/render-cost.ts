/**
 * Rendering cost of <assent-terms> in headless Chromium: a fresh page per run mounts N elements
 * (inline policy) at once and measures, from the append: until every element has rendered
 * (`updateComplete`), and until the frame that shows them was produced (next animation frame, then
 * a task: the usual "after paint" mark). JS heap (CDP Performance.getMetrics, after a forced GC)
 * before and after gives the memory they hold.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { launchChromium, openGuardedPage } from '../../test/support/browser.js';
import { startPageServer } from '../../test/support/page-server.js';
import { summarize, type RunSummary } from './stats.js';
import { BENCH_POLICY } from './policy.js';

/** Medians over fresh pages. */
export interface RenderCostReport {
  readonly elements: number;
  readonly mountMs: RunSummary;
  readonly firstPaintMs: RunSummary;
  /** JS heap held after mounting, all elements together (bytes). */
  readonly heapBytes: RunSummary;
  /** JS heap used by the page after mounting (bytes). */
  readonly heapAfterBytes: RunSummary;
}


/** The page's script: <assent-terms> bundled as an app would (production, minified). */
async function bundleTerms(): Promise<string> {
  const result = await build({
    stdin: { contents: "import '@assent/elements/define/assent-terms.js';", resolveDir: fileURLToPath(new URL('../../packages/elements', import.meta.url)), loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    conditions: ['source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'error',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error('esbuild produced no bundle for <assent-terms>');
  return file.text;
}

/** Mounts `elements` <assent-terms> on a fresh page `runs` times. */
export async function measureRenderCost(runs: number, elements: number): Promise<RenderCostReport> {
  const server = await startPageServer({
    '/': { type: 'text/html; charset=utf-8', body: '<!doctype html><html lang="en"><meta charset="utf-8"><title>render</title><div id="root"></div><script type="module" src="/terms.js"></script></html>' },
    '/terms.js': { type: 'text/javascript; charset=utf-8', body: bundleTerms },
  });
  const browser = await launchChromium();
  const mount: number[] = [];
  const paint: number[] = [];
  const held: number[] = [];
  const after: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const session = await openGuardedPage(browser);
      const cdp = await session.context.newCDPSession(session.page);
      await cdp.send('Performance.enable');
      const heap = async (): Promise<number> => {
        await cdp.send('HeapProfiler.collectGarbage');
        const { metrics } = await cdp.send('Performance.getMetrics');
        return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
      };
      await session.page.goto(server.origin);
      await session.page.waitForFunction(() => customElements.get('assent-terms') !== undefined);
      const before = await heap();
      const timing = await session.page.evaluate(
        async ({ count, policy }) => {
          type Terms = HTMLElement & { policy: unknown; updateComplete: Promise<boolean> };
          const fragment = document.createDocumentFragment();
          const all: Terms[] = [];
          const start = performance.now();
          for (let i = 0; i < count; i++) {
            const terms = document.createElement('assent-terms') as Terms;
            terms.policy = policy;
            all.push(terms);
            fragment.append(terms);
          }
          (document.querySelector('#root') ?? document.body).append(fragment);
          await Promise.all(all.map((terms) => terms.updateComplete));
          const mounted = performance.now() - start;
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          const painted = performance.now() - start;
          const boxes = all.filter((terms) => terms.shadowRoot?.querySelector('input[type="checkbox"]')).length;
          return { mounted, painted, boxes };
        },
        { count: elements, policy: BENCH_POLICY },
      );
      if (timing.boxes !== elements) throw new Error(`only ${timing.boxes} of ${elements} <assent-terms> rendered a checkbox\n${session.diagnostics()}`);
      const heapAfter = await heap();
      mount.push(timing.mounted);
      paint.push(timing.painted);
      held.push(heapAfter - before);
      after.push(heapAfter);
      await session.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { elements, mountMs: summarize(mount), firstPaintMs: summarize(paint), heapBytes: summarize(held), heapAfterBytes: summarize(after) };
}
