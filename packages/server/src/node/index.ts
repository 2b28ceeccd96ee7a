/**
 * @assent/server/node: the Node parts. A request listener and a server for the Fetch-API handler,
 * the withdrawal stores (a JSON Lines file, SQLite, PostgreSQL; the database drivers are loaded only
 * when a URL asks for them), the consent page script, and the consent
 * report behind the `assent-consent-report` command.
 */
export { serveConsentHandler, toNodeListener } from './serve.js';
export type { NodeListener, RunningConsentServer, ServeOptions } from './serve.js';
export { WithdrawalLogFileError, jsonLinesWithdrawalLog } from '../store/file.js';
export { openWithdrawalStore } from '../store/open.js';
export type { OpenWithdrawalStoreOptions } from '../store/open.js';
export type { SqliteStoreOptions } from '../store/sqlite.js';
export type { PostgresStoreOptions } from '../store/postgres.js';
export { consentPageAssets } from './consent-page-assets.js';
export { ReportInterruptedError, runConsentReport } from '../report/run.js';
export type { ReportEvent, ReportOptions, ReportResult } from '../report/run.js';
export type { ReportRow } from '../report/rows.js';
export type { ReportFormat } from '../report/writers.js';
