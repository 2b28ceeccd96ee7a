// A static export (out/): the pages are rendered at build time, the client components hydrate in the browser.
/** @type {import('next').NextConfig} */
const config = { output: 'export' };

export default config;
