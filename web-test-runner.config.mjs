// Browser tests in real Chromium (Debian's, or CHROME_PATH). Files: `*.test.ts` of the browser
// packages and `test/browser/`. TypeScript goes through esbuild with tsconfig.base.json, which holds
// every emit-relevant option (the plugin does not follow `extends`).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium-path.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
import { browserTestPlugins } from './test/browser-plugins.mjs';

const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: install it or set CHROME_PATH (npm test does this for you).');

export default {
  files: ['packages/elements/src/**/*.test.ts', 'packages/lock/src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'development', 'browser'] },
  concurrency: 2,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 10000 } },
  // The whole browser stage (Lock, the emulator, every element) on a shared 2-core machine.
  testsFinishTimeout: 1200000,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
      // One window per test file: with `concurrency: 2`, a second tab in the same window is hidden,
      // gets no animation frames (open-wc's fixture() waits for one) and its tests time out.
      createPage: ({ context }) => context.newPage({ type: 'window' }),
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.base.json', target: 'es2022' }), ...browserTestPlugins()],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter(process.env.ASSENT_WTR_COUNTS)],
};
