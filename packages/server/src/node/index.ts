/**
 * @assent/server/node: the Node parts. A request listener and a server for the Fetch-API handler,
 * the withdrawal log as an append-only JSON Lines file, the consent page script, and the consent
 * report behind the `assent-consent-report` command.
 */
export { serveConsentHandler, toNodeListener } from './serve.js';
export type { NodeListener, RunningConsentServer, ServeOptions } from './serve.js';
export { WithdrawalLogFileError, jsonLinesWithdrawalLog } from './withdrawal-log-file.js';
export { consentPageAssets } from './consent-page-assets.js';
export { ReportInterruptedError, runConsentReport } from '../report/run.js';
export type { ReportEvent, ReportOptions, ReportResult } from '../report/run.js';
export type { ReportRow } from '../report/rows.js';
export type { ReportFormat } from '../report/writers.js';
