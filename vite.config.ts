// The demo site (demo/). `source` makes @assent/* resolve to their TypeScript sources, so the demo
// always shows the code in this checkout without a build step.
import { defineConfig } from 'vite';

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
  },
});
