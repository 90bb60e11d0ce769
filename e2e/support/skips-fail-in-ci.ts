import type { Reporter, TestModule } from 'vitest/node';

/**
 * Under CI=true a skipped end-to-end test is a failure: a missing browser, a
 * build that was not made or a machine without root must not turn the
 * browser suites green by not running them. Locally, skips still say why.
 */
export default class SkipsFailInCi implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    if (process.env.CI !== 'true') return;
    const skipped: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        if (test.result().state === 'skipped')
          skipped.push(`${module.moduleId.replace(process.cwd() + '/', '')}: ${test.fullName}`);
      }
    }
    if (skipped.length === 0) return;
    process.stderr.write(
      `\nCI=true: ${skipped.length} end-to-end test(s) skipped, which CI counts as failed:\n${skipped.map((s) => `  - ${s}`).join('\n')}\n`,
    );
    process.exitCode = 1;
  }
}
