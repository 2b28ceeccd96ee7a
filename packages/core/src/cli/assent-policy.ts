/// <reference types="node" />
// The reference: Node's types for this module only, so the rest of core stays checked as browser code.
/** Entry point of the `assent-policy` bin (see policy-check.ts). */
import { main } from './policy-check.js';

process.exitCode = await main(process.argv.slice(2));
