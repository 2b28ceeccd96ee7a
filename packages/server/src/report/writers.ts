/** Report output: CSV (RFC 4180, safe to open in a spreadsheet) or JSON Lines. */
import { REPORT_COLUMNS, type ReportRow } from './rows.js';

export type ReportFormat = 'csv' | 'jsonl';

/**
 * A CSV cell. Values a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) get a
 * leading apostrophe (OWASP's advice against CSV injection): emails and ids come from users.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
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
