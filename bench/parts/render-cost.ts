/**
 * Rendering cost of <assent-terms> in headless Chromium: a fresh page per run mounts N elements
 * (inline policy) at once and measures, from the append: until every element has rendered
 * (`updateComplete`), and until the frame that shows them was produced (next animation frame, then
 * a task: the usual "after paint" mark). JS heap (CDP Performance.getMetrics, after a forced GC)
 * before and after gives the memory they hold. The control, interleaved run by run: N bare Lit
 * checkboxes (a minimal LitElement rendering one labelled checkbox, given the same policy object),
 * the floor any Lit element starts from; the ratios are computed run by run.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { launchChromium, openGuardedPage } from '@assent/testkit/browser';
import { startPageServer } from '@assent/testkit/page-server';
import { ratioPerRun, summarize, type RunSummary } from './stats.js';
import { BENCH_POLICY } from './policy.js';

/** Medians over fresh pages. */
export interface RenderCostReport {
  readonly elements: number;
  readonly mountMs: RunSummary;
  readonly firstPaintMs: RunSummary;
  /** The control: N bare Lit checkboxes, mounted the same way on their own fresh pages. */
  readonly bare: { readonly mountMs: RunSummary; readonly firstPaintMs: RunSummary; readonly heapBytes: RunSummary };
  /** <assent-terms> / bare Lit, run by run: until rendered, and until painted. */
  readonly mountOverBare: RunSummary;
  readonly paintOverBare: RunSummary;
  /** JS heap held after mounting, all elements together (bytes). */
  readonly heapBytes: RunSummary;
  /** JS heap used by the page after mounting (bytes). */
  readonly heapAfterBytes: RunSummary;
}

/** The control: a minimal LitElement rendering one labelled checkbox (it keeps the policy it is given). */
const BARE_LIT = [
  "import { LitElement, html } from 'lit';",
  'class BareCheckbox extends LitElement {',
  '  static properties = { policy: { attribute: false } };',
  '  render() {',
  '    return html`<input type="checkbox" id="c" required><label for="c">I agree to the Terms of Service and Privacy Policy.</label>`;',
  '  }',
  '}',
  "customElements.define('bare-checkbox', BareCheckbox);",
].join('\n');

/** A page script bundled as an app would (production, minified): <assent-terms>, or the control. */
async function bundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: fileURLToPath(new URL('../../packages/elements', import.meta.url)), loader: 'js' },
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
  if (!file) throw new Error(`esbuild produced no bundle for ${contents.slice(0, 60)}`);
  return file.text;
}

/** What one run on one fresh page measured. */
interface RunTiming {
  readonly mounted: number;
  readonly painted: number;
  readonly held: number;
  readonly after: number;
}

/** Mounts `elements` <assent-terms> on a fresh page `runs` times, each run followed by the bare Lit control. */
export async function measureRenderCost(runs: number, elements: number): Promise<RenderCostReport> {
  const page = (script: string) => ({
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><meta charset="utf-8"><title>render</title><div id="root"></div><script type="module" src="${script}"></script></html>`,
  });
  const server = await startPageServer({
    '/': page('/terms.js'),
    '/bare': page('/bare.js'),
    '/terms.js': { type: 'text/javascript; charset=utf-8', body: () => bundle("import '@assent/elements/define/assent-terms.js';") },
    '/bare.js': { type: 'text/javascript; charset=utf-8', body: () => bundle(BARE_LIT) },
  });
  const browser = await launchChromium();
  const terms: RunTiming[] = [];
  const bare: RunTiming[] = [];
  /** One fresh page mounting `elements` of `tag`. */
  const measure = async (path: string, tag: string): Promise<RunTiming> => {
    const session = await openGuardedPage(browser);
    try {
      const cdp = await session.context.newCDPSession(session.page);
      await cdp.send('Performance.enable');
      const heap = async (): Promise<number> => {
        await cdp.send('HeapProfiler.collectGarbage');
        const { metrics } = await cdp.send('Performance.getMetrics');
        return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
      };
      await session.page.goto(server.origin + path);
      await session.page.waitForFunction((name) => customElements.get(name) !== undefined, tag);
      const before = await heap();
      const timing = await session.page.evaluate(
        async ({ count, policy, name }) => {
          type Element = HTMLElement & { policy: unknown; updateComplete: Promise<boolean> };
          const fragment = document.createDocumentFragment();
          const all: Element[] = [];
          const start = performance.now();
          for (let i = 0; i < count; i++) {
            const element = document.createElement(name) as Element;
            element.policy = policy;
            all.push(element);
            fragment.append(element);
          }
          (document.querySelector('#root') ?? document.body).append(fragment);
          await Promise.all(all.map((element) => element.updateComplete));
          const mounted = performance.now() - start;
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          const painted = performance.now() - start;
          const boxes = all.filter((element) => element.shadowRoot?.querySelector('input[type="checkbox"]')).length;
          return { mounted, painted, boxes };
        },
        { count: elements, policy: BENCH_POLICY, name: tag },
      );
      if (timing.boxes !== elements) throw new Error(`only ${timing.boxes} of ${elements} <${tag}> rendered a checkbox\n${session.diagnostics()}`);
      const after = await heap();
      return { mounted: timing.mounted, painted: timing.painted, held: after - before, after };
    } finally {
      await session.close();
    }
  };
  try {
    for (let run = 0; run < runs; run++) {
      terms.push(await measure('/', 'assent-terms'));
      bare.push(await measure('/bare', 'bare-checkbox'));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const of = (timings: RunTiming[], key: keyof RunTiming) => timings.map((timing) => timing[key]);
  return {
    elements,
    mountMs: summarize(of(terms, 'mounted')),
    firstPaintMs: summarize(of(terms, 'painted')),
    heapBytes: summarize(of(terms, 'held')),
    heapAfterBytes: summarize(of(terms, 'after')),
    bare: { mountMs: summarize(of(bare, 'mounted')), firstPaintMs: summarize(of(bare, 'painted')), heapBytes: summarize(of(bare, 'held')) },
    mountOverBare: ratioPerRun(of(terms, 'mounted'), of(bare, 'mounted')),
    paintOverBare: ratioPerRun(of(terms, 'painted'), of(bare, 'painted')),
  };
}
