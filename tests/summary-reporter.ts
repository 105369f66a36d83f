import type { Reporter, TestModule } from 'vitest/node';

/** Prints the plain closing line CI reads: `unit: N passed, N failed` (or `e2e: …`). */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const s = t.result().state;
        if (s === 'passed') passed++;
        else if (s === 'failed') failed++;
        else skipped++;
      }
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) failed++;
    }
    const suite = process.argv.some((a) => a.includes('e2e')) ? 'e2e' : 'unit';
    process.stdout.write(`\n${suite}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
