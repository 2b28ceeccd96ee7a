/** Entry point of the `assent-policy` bin (see policy-check.ts). */
import { main } from './policy-check.js';

process.exitCode = await main(process.argv.slice(2));
