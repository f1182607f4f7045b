// Ends a test run with the plain line "N passed, N failed, N skipped", which CI reads as the run's verdict; every
// way vitest can fail a run (a failed test, a file that does not load, a failed hook, an error thrown outside any
// test, a run that fails with nothing counted) is in the failed count, so the line and the exit code agree.
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

export interface RunTally {
  passed: number;
  failed: number;
  skipped: number;
  /** Failures that are not a failed test, one line each, printed above the summary so the count is explained. */
  outsideTests: string[];
}

function firstLine(error: SerializedError): string {
  return String(error.message ?? error.name ?? 'error').split('\n')[0];
}

/** Counts a finished run; pure over what vitest reports, so it reads like the rule it implements. */
export function tallyRun(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<SerializedError>,
  reason: TestRunEndReason,
): RunTally {
  const tally: RunTally = { passed: 0, failed: 0, skipped: 0, outsideTests: [] };
  for (const module of testModules) {
    let failedHere = 0;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') tally.passed++;
      else if (state === 'failed') {
        tally.failed++;
        failedHere++;
      } else tally.skipped++;
    }
    // Load errors and beforeAll/afterAll failures belong to the module or a suite, not to a test.
    const errors = [...module.errors(), ...[...module.children.allSuites()].flatMap((s) => s.errors())];
    for (const error of errors) {
      tally.failed++;
      failedHere++;
      tally.outsideTests.push(`${module.relativeModuleId}: ${firstLine(error)}`);
    }
    if (module.state() === 'failed' && failedHere === 0) {
      tally.failed++;
      tally.outsideTests.push(`${module.relativeModuleId}: failed with no failed test reported`);
    }
  }
  for (const error of unhandledErrors) {
    tally.failed++;
    tally.outsideTests.push(`unhandled error: ${firstLine(error)}`);
  }
  if (reason !== 'passed' && tally.failed === 0) {
    tally.failed++;
    tally.outsideTests.push(
      `the run ${reason === 'interrupted' ? 'was interrupted' : 'failed'} outside any test`,
    );
  }
  return tally;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    const { passed, failed, skipped, outsideTests } = tallyRun(testModules, unhandledErrors, reason);
    const notes = outsideTests.map((line) => `failed outside a test: ${line}\n`).join('');
    process.stdout.write(`\n${notes}${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
