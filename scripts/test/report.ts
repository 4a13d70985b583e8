/**
 * Counts read from Vitest's and Playwright's JSON reports, and the summary at the end of
 * `npm test`. Its last line, `N passed, N failed` (and `, N skipped` when there are), is what
 * CI reads: it says 0 failed only when every suite passed.
 */

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export type SuiteResult =
  | { name: string; status: "passed" | "failed"; seconds: number; counts?: Counts; note?: string }
  | { name: string; status: "not run"; reason: string };

/** Vitest's `--reporter=json` file. */
export function vitestCounts(report: unknown): Counts | undefined {
  const r = report as Record<string, unknown> | null;
  if (!r || typeof r.numPassedTests !== "number" || typeof r.numFailedTests !== "number")
    return undefined;
  const n = (key: string) => (typeof r[key] === "number" ? (r[key] as number) : 0);
  return {
    passed: n("numPassedTests"),
    failed: n("numFailedTests"),
    skipped: n("numPendingTests") + n("numTodoTests"),
  };
}

/** Playwright's json reporter. A test that passed on a retry counts as passed. */
export function playwrightCounts(report: unknown): Counts | undefined {
  const stats = (report as { stats?: Record<string, unknown> } | null)?.stats;
  if (!stats || typeof stats.expected !== "number") return undefined;
  const n = (key: string) => (typeof stats[key] === "number" ? (stats[key] as number) : 0);
  return { passed: n("expected") + n("flaky"), failed: n("unexpected"), skipped: n("skipped") };
}

/**
 * The run's totals. Lint and typecheck (no counts) count as one check each; a suite that
 * failed without a failed test (a server that did not start, a file that did not load) counts
 * one failure, so a failed run never reads `0 failed`. A suite not run is skipped, or under CI
 * a failure.
 */
export function totals(results: SuiteResult[], ci: boolean): Counts {
  const sum: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const result of results) {
    if (result.status === "not run") {
      if (ci) sum.failed += 1;
      else sum.skipped += 1;
    } else if (result.counts) {
      sum.passed += result.counts.passed;
      sum.skipped += result.counts.skipped;
      sum.failed += result.counts.failed || (result.status === "failed" ? 1 : 0);
    } else if (result.status === "passed") sum.passed += 1;
    else sum.failed += 1;
  }
  return sum;
}

export function formatCounts({ passed, failed, skipped }: Counts): string {
  return `${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : "");
}

export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** The lines printed at the end: one per suite, the total time, then the counts alone. */
export function summaryLines(results: SuiteResult[], ci: boolean, seconds: number): string[] {
  const width = Math.max(...results.map((r) => r.name.length), 4);
  const lines = results.map((result) => {
    const name = result.name.padEnd(width);
    if (result.status === "not run")
      return `  ${name}  not run  ${result.reason}${ci ? " (a failure under CI)" : ""}`;
    const detail = [result.counts && formatCounts(result.counts), result.note]
      .filter(Boolean)
      .join("; ");
    return `  ${name}  ${result.status.padEnd(7)}  ${formatSeconds(result.seconds).padEnd(10)}  ${detail}`.trimEnd();
  });
  return [`Summary (${formatSeconds(seconds)})`, ...lines, formatCounts(totals(results, ci))];
}
