import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, header, line } from '../src/report/writers.js';

const row = { user_id: 'auth0|1', email: 'a@example.com', status: 'given', policy_version: 'acme@1', purposes: 'terms marketing', date: '2026-11-01T00:00:00.000Z', source: 'app_metadata' };

test('CSV has a header and CRLF lines in the report column order', () => {
  assert.equal(header('csv'), 'user_id,email,status,policy_version,purposes,date,source\r\n');
  assert.equal(line('csv', row), 'auth0|1,a@example.com,given,acme@1,terms marketing,2026-11-01T00:00:00.000Z,app_metadata\r\n');
});

test('a CSV cell with a comma, quote or line break is quoted, quotes doubled', () => {
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
});

test('a CSV cell a spreadsheet would run as a formula is neutralised', () => {
  for (const value of ['=HYPERLINK("http://evil")', '+1', '-2', '@SUM(A1)']) assert.equal(csvCell(value).replace(/^"/, '').startsWith("'"), true, value);
});

test('a CSV cell starting with a fullwidth formula sign or a pipe is neutralised too', () => {
  for (const value of ['＝HYPERLINK("http://evil")', '＋1', '－2', '＠SUM(A1)', '|cmd', '\uFE62x', '\uFE63x']) assert.equal(csvCell(value).replace(/^"/, '').startsWith("'"), true, value);
});

test('JSON Lines has no header and one object per line', () => {
  assert.equal(header('jsonl'), '');
  assert.deepEqual(JSON.parse(line('jsonl', row)), row);
});
