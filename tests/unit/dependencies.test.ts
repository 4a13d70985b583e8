import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditVerdict } from "../../scripts/audit-dependencies.mjs";

const root = path.resolve(__dirname, "../..");
const json = (file: string) => JSON.parse(readFileSync(path.join(root, file), "utf8"));

/** -1, 0 or 1, comparing x.y.z versions (pre-release tags sort before their release). */
function compareVersions(a: string, b: string) {
  const parse = (v: string) => {
    const [core, pre] = v.split("-", 2);
    return { parts: core!.split(".").map(Number), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  return x.pre ? -1 : 1;
}

describe("dependencies", () => {
  it("has next 16.2.6 or later, installed and locked (RSC remote code execution, Origin: null CSRF)", () => {
    const installed = json("node_modules/next/package.json").version as string;
    const locked = json("package-lock.json").packages["node_modules/next"].version as string;
    const declared = (json("package.json").dependencies.next as string).replace(/^[\^~]/, "");
    for (const version of [installed, locked, declared]) {
      expect(compareVersions(version, "16.2.6"), `next ${version}`).toBeGreaterThanOrEqual(0);
    }
    expect(installed).toBe(locked);
    expect(compareVersions("16.2.5", "16.2.6")).toBe(-1);
    expect(compareVersions("16.2.6-canary.1", "16.2.6")).toBe(-1);
  });

  it("fails CI on a high or critical advisory, and says so when the audit could not run", () => {
    const report = (severity: string) => ({
      vulnerabilities: {
        next: {
          name: "next",
          severity,
          range: "<16.2.6",
          via: [{ title: "RCE", url: "https://github.com/advisories/x" }],
        },
      },
      metadata: { vulnerabilities: { [severity]: 1 }, dependencies: { prod: 120 } },
    });
    expect(auditVerdict(report("critical")).code).toBe(1);
    expect(auditVerdict(report("high")).lines.join("\n")).toContain("next (high, <16.2.6): RCE");
    expect(auditVerdict(report("moderate")).code).toBe(0);
    const unreachable = {
      message:
        "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
    };
    expect(auditVerdict(unreachable).code).toBe(0);
    expect(auditVerdict(unreachable).lines[1]).toContain("NOT audited");
    expect(auditVerdict(unreachable, { required: true }).code).toBe(1);
  });
});
