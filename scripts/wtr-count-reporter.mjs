// A @web/test-runner reporter that writes how many tests passed and failed to a JSON file, so that
// scripts/test.mjs can add them to the closing `N passed, N failed` line.
import { writeFileSync } from 'node:fs';

function countSuite(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) continue;
    if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, totals);
}

/** @param {string | undefined} file where to write `{passed, failed}`; nothing is written without it. */
export function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      if (!file) return;
      const totals = { passed: 0, failed: 0 };
      for (const session of sessions) {
        const before = totals.failed;
        if (session.testResults) countSuite(session.testResults, totals);
        // A file that failed to load or threw outside a test has errors but no failed test: count it.
        if (!session.passed && totals.failed === before) totals.failed += 1;
      }
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
