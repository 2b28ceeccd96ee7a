// The demo site (demo/). `source` makes @assent/* resolve to their TypeScript sources, so the demo
// always shows the code in this checkout without a build step.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

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
    // Every page of the demo, so `pnpm demo:build` builds the whole site.
    rollupOptions: {
      input: {
        index: page('index'),
        signup: page('signup'),
        lock: page('lock'),
        account: page('account'),
        social: page('social'),
        gallery: page('gallery'),
      },
    },
  },
});
