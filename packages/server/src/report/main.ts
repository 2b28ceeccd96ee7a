/** Entry point of the `assent-consent-report` bin. */
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2));
