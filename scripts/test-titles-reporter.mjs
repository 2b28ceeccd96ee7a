// A node:test reporter that writes one JSON line per test that ran: its file, the titles of the
// suites around it, its own title and whether it passed. scripts/test.mjs keeps these per stage so
// that scripts/compliance.mjs can tell which tagged tests passed.
import { relative } from 'node:path';

/** @param {AsyncIterable<{ type: string, data: any }>} source */
export default async function* titles(source) {
  // Suites report after their tests: the titles around a test are those started before it at
  // lower nesting in the same file (files may run side by side).
  const open = new Map();
  for await (const { type, data } of source) {
    if (type === 'test:start') {
      const stack = open.get(data.file) ?? [];
      stack[data.nesting] = data.name;
      stack.length = data.nesting + 1;
      open.set(data.file, stack);
    } else if ((type === 'test:pass' || type === 'test:fail') && data.details?.type !== 'suite' && !data.skip && !data.todo) {
      const file = data.file ? relative(process.cwd(), data.file).split('\\').join('/') : '';
      yield `${JSON.stringify({ file, suites: (open.get(data.file) ?? []).slice(0, data.nesting), name: data.name, passed: type === 'test:pass' })}\n`;
    }
  }
}
