// Bench page (bench/lock-measure.ts): <assent-terms> with an inline policy (the custom-form path), for the time until its
// required checkbox is interactive. The policy comes from /config.json like the Lock page's, so
// both wait for the same one request before they can render.
import '@assent/elements/define/assent-terms.js';
import type { ConsentPolicy } from '@assent/core';

const { policy } = (await (await fetch('/config.json')).json()) as { policy: ConsentPolicy };
const terms = document.createElement('assent-terms');
terms.policy = policy;
document.querySelector('#signup')?.append(terms);
