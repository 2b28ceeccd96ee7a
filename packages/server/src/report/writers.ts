/** Report output: CSV (RFC 4180, safe to open in a spreadsheet) or JSON Lines. */
import { REPORT_COLUMNS, type ReportRow } from './rows.js';

export type ReportFormat = 'csv' | 'jsonl';

/**
 * Characters a spreadsheet may read as the start of a formula or a command (OWASP's CSV injection
 * list: `=`, `+`, `-`, `@`, tab, CR, and `|` for DDE), with the fullwidth (U+FF0B, U+FF0D, U+FF1D,
 * U+FF20) and small forms (U+FE62, U+FE63, U+FE66, U+FE6B) some spreadsheets fold into them.
 */
const FORMULA_START = /^[=+\-@\t\r|\uFF0B\uFF0D\uFF1D\uFF20\uFE62\uFE63\uFE66\uFE6B]/;

/**
 * A CSV cell. Values a spreadsheet would run as a formula (`FORMULA_START`) get a leading
 * apostrophe (OWASP's advice against CSV injection): emails and ids come from users.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The first line of the file (CSV header), or nothing. */
export function header(format: ReportFormat): string {
  return format === 'csv' ? `${REPORT_COLUMNS.join(',')}\r\n` : '';
}

/** One row as a line of the format. */
export function line(format: ReportFormat, row: ReportRow): string {
  if (format === 'csv') return `${REPORT_COLUMNS.map((column) => csvCell(row[column])).join(',')}\r\n`;
  return `${JSON.stringify(Object.fromEntries(REPORT_COLUMNS.map((column) => [column, row[column]])))}\n`;
}
