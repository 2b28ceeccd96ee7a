// The Next.js app's static export: the page was rendered at build time with the bare tag (the
// client component's server render), and in Chromium the form works (see react-signup.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reactSignupCheck } from './react-signup.js';
import type { ConsumerCheck } from './types.js';

const inBrowser = reactSignupCheck('19', ['component'], { output: 'out', title: /· Next\.js$/, name: 'Next.js (App Router, React 19)' });

const check: ConsumerCheck = {
  title: `the page is prerendered with the <assent-terms> tag; ${inBrowser.title}`,
  async run(app) {
    const html = readFileSync(join(app.dir, 'out', 'index.html'), 'utf8');
    assert.equal(html.match(/<assent-terms[\s>]/g)?.length, 1, 'the form holds the tag in the prerendered HTML');
    await inBrowser.run(app);
  },
};
export default check;
