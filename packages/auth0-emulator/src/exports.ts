/**
 * User exports as Auth0 produces them: CSV with a header row, or "JSON" as NDJSON (one user per
 * line), each field taken by path (`user_metadata.country`, `identities[0].connection`) and named
 * by `export_as` when given; the file is gzipped.
 */
import { gzipSync } from 'node:zlib';
import type { ExportField } from './store/jobs.js';

/** Fields exported when a job names none. */
export const DEFAULT_EXPORT_FIELDS: readonly ExportField[] = [{ name: 'user_id' }, { name: 'email' }, { name: 'email_verified' }, { name: 'name' }, { name: 'created_at' }, { name: 'updated_at' }];

/** Reads `user_metadata.country` or `identities[0].connection` from a user view. */
export function valueAt(record: Record<string, unknown>, path: string): unknown {
  let current: unknown = record;
  for (const segment of path.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(segment);
    if (!match) return undefined;
    current = (current as Record<string, unknown> | undefined)?.[match[1] as string];
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) {
      current = Array.isArray(current) ? current[Number(index[1])] : undefined;
    }
    if (current === undefined || current === null) return current;
  }
  return current;
}

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The export document (before compression). */
export function renderExport(users: readonly Record<string, unknown>[], fields: readonly ExportField[], format: 'csv' | 'json'): string {
  const columns = fields.map((field) => ({ path: field.name, label: field.export_as ?? field.name }));
  if (format === 'csv') {
    const lines = [columns.map((c) => csvCell(c.label)).join(',')];
    for (const user of users) lines.push(columns.map((c) => csvCell(valueAt(user, c.path))).join(','));
    return `${lines.join('\n')}\n`;
  }
  return users
    .map((user) => {
      const row: Record<string, unknown> = {};
      for (const c of columns) {
        const value = valueAt(user, c.path);
        if (value !== undefined) row[c.label] = value;
      }
      return `${JSON.stringify(row)}\n`;
    })
    .join('');
}

/** The gzipped export. */
export function gzipExport(text: string): Buffer {
  return gzipSync(Buffer.from(text, 'utf8'));
}
