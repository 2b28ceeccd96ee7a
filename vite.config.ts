// The demo site (demo/). `source` makes @assent/* resolve to their TypeScript sources, so the demo
// always shows the code in this checkout without a build step.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { DEMO_PAGES } from './demo/src/pages.js';

const page = (name: string) => fileURLToPath(new URL(`demo/${name}.html`, import.meta.url));

export default defineConfig({
  root: 'demo',
  resolve: {
    conditions: ['source', 'module', 'browser', 'development|production'],
  },
  server: {
    host: '127.0.0.1',
    strictPort: false,
  },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // auth0-lock (loaded by lock.html only, on demand) is 1.1 MB minified; every other chunk is far below.
    chunkSizeWarningLimit: 1200,
    // The pages that work without the demo server (demo/src/pages.ts: needsServer false): the
    // static site is the home page and the gallery; the flow pages need `npm start`, and the
    // navigation of the static pages says so instead of linking to them.
    rollupOptions: {
      input: Object.fromEntries(
        DEMO_PAGES.filter((demoPage) => !demoPage.needsServer).map((demoPage) => {
          const name = demoPage.path === '/' ? 'index' : demoPage.path.replace(/^\/(.*)\.html$/, '$1');
          return [name, page(name)];
        }),
      ),
    },
  },
});
