import { readdirSync } from 'node:fs';
import { defineConfig } from 'vite';

// Every page at the root is an entry: index.html and the README examples the harness writes here.
const pages = Object.fromEntries(
  readdirSync('.')
    .filter((file) => file.endsWith('.html'))
    .map((file) => [file.slice(0, -'.html'.length), file]),
);

export default defineConfig({
  build: { rollupOptions: { input: pages } },
});
