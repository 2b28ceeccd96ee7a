// A @web/test-runner reporter that writes how many tests passed and failed to a JSON file, so that
// scripts/test.mjs can add them to the closing `N passed, N failed` line, and each test that ran
// (file, suite titles, title, passed) for scripts/compliance.mjs.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

function collect(suite, file, suites, totals, tests) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) continue;
    if (test.passed) totals.passed += 1;
    else totals.failed += 1;
    tests.push({ file, suites, name: test.name, passed: Boolean(test.passed) });
  }
  for (const child of suite.suites ?? []) collect(child, file, [...suites, child.name], totals, tests);
}

/** @param {string | undefined} file where to write `{passed, failed, tests}`; nothing is written without it. */
export function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      if (!file) return;
      const totals = { passed: 0, failed: 0 };
      const tests = [];
      for (const session of sessions) {
        const before = totals.failed;
        const testFile = relative(process.cwd(), session.testFile).split('\\').join('/');
        if (session.testResults) collect(session.testResults, testFile, [], totals, tests);
        // A file that failed to load or threw outside a test has errors but no failed test: count it.
        if (!session.passed && totals.failed === before) totals.failed += 1;
      }
      writeFileSync(file, JSON.stringify({ ...totals, tests }));
    },
  };
}
