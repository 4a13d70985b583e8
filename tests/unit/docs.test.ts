import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The README is a newcomer's page, and what it leaves out it links to in docs/: it stays
 * short, and every link in it and in docs/ leads somewhere, down to the heading it names.
 */
const ROOT = path.resolve(__dirname, "../..");
const README = path.join(ROOT, "README.md");
const DOCS = path.join(ROOT, "docs");
const pages = [
  README,
  ...fs
    .readdirSync(DOCS)
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.join(DOCS, name)),
];

/** The text of a page without its fenced code, where brackets are not links. */
const prose = (file: string) => fs.readFileSync(file, "utf8").replace(/^```[\s\S]*?^```/gm, "");

/** The anchors GitHub gives a page's headings (github-slugger's rule, repeats numbered). */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, heading] of prose(file).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = heading!
      .replace(/`|\*\*|\[([^\]]*)\]\([^)]*\)/g, "$1")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** The relative links of a page (`[text](target)`), with the line each is on. */
function links(file: string): { target: string; line: number }[] {
  const found: { target: string; line: number }[] = [];
  prose(file)
    .split("\n")
    .forEach((text, i) => {
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (!/^[a-z][a-z0-9+.-]*:/i.test(target!)) found.push({ target: target!, line: i + 1 });
      }
    });
  return found;
}

describe("the README and docs/", () => {
  it("keep the README to at most 300 lines", () => {
    const lines = fs.readFileSync(README, "utf8").split("\n").length;
    expect(lines).toBeLessThanOrEqual(300);
  });

  it("link the README to each page of docs/", () => {
    const linked = new Set(links(README).map(({ target }) => target.split("#")[0]));
    for (const name of ["architecture.md", "operations.md", "testing.md", "benchmark.md"]) {
      expect(linked, `README links docs/${name}`).toContain(`docs/${name}`);
    }
  });

  it("have every relative link lead to a file and every anchor to a heading", () => {
    const broken: string[] = [];
    for (const file of pages) {
      for (const { target, line } of links(file)) {
        const [where, anchor] = target.split("#") as [string, string | undefined];
        const to = where === "" ? file : path.resolve(path.dirname(file), decodeURI(where));
        const at = `${path.relative(ROOT, file)}:${line} → ${target}`;
        if (!fs.existsSync(to)) broken.push(`${at} (no such file)`);
        else if (anchor !== undefined && to.endsWith(".md") && !anchors(to).has(anchor)) {
          broken.push(`${at} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
