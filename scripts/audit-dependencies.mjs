#!/usr/bin/env node
// `npm audit --omit=dev`, failing on a high or critical advisory (CI runs this).
//
// When npm cannot get an answer from the registry's advisory endpoint (some mirrors and
// proxies refuse its POST with 405), nothing was audited: that is said loudly, and the run
// passes unless AUDIT_REQUIRED=1, so that an unreachable endpoint does not fail every build.
// The version floors in tests/unit/dependencies.test.ts apply either way.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The exit code and the lines to print for `npm audit --json` output (undefined when it was
 * not JSON).
 * @param {any} report
 * @param {{ required?: boolean, stderr?: string }} [options]
 * @returns {{ code: number, lines: string[] }}
 */
export function auditVerdict(report, { required = false, stderr = "" } = {}) {
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const reason = report?.message ?? (stderr.trim().split("\n").at(-1) || "no answer");
    return {
      code: required ? 1 : 0,
      lines: [
        `WARNING: npm audit could not reach the advisory endpoint (${reason}).`,
        "The production dependencies were NOT audited on this run.",
      ],
    };
  }
  const serious = Object.values(report.vulnerabilities ?? {}).filter((v) =>
    ["high", "critical"].includes(v.severity),
  );
  const total = report.metadata.dependencies?.prod ?? "?";
  if (serious.length === 0) {
    return {
      code: 0,
      lines: [
        `npm audit: no high or critical advisory in ${total} production dependencies ` +
          `(${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low).`,
      ],
    };
  }
  return {
    code: 1,
    lines: [
      `npm audit: ${serious.length} production dependencies with high or critical advisories:`,
      ...serious.map((v) => {
        const via = (v.via ?? []).map((x) => (typeof x === "object" ? `${x.title} ${x.url}` : x));
        return `  ${v.name} (${v.severity}, ${v.range}): ${via.join("; ")}`;
      }),
    ],
  };
}

const invokedDirectly =
  process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const result = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8" });
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    report = undefined;
  }
  const { code, lines } = auditVerdict(report, {
    required: process.env.AUDIT_REQUIRED === "1",
    stderr: result.stderr,
  });
  (code === 0 && report?.metadata ? console.log : console.error)(lines.join("\n"));
  process.exit(code);
}
