import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * React escapes what it renders, except what is handed to `dangerouslySetInnerHTML`. Every use
 * in the app's code is listed here with why no editor's or reader's text can reach it; a new
 * use fails this test until someone has made that case and added it. See docs/architecture.md,
 * "Escaping".
 */
const ALLOWED: Record<string, string> = {
  // A flag's drawing from the country-flag-icons package, looked up by a code that must be two
  // letters A–Z (lib/flags/flag-svg.ts): the code picks a drawing, never becomes markup.
  "components/flag.tsx": "flag drawings from a package",
};

const ROOT = path.resolve(__dirname, "../..");
const FOLDERS = ["app", "components", "lib"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(?:[cm]?[jt]sx?)$/.test(entry.name) ? [full] : [];
  });
}

describe("markup that React does not escape", () => {
  it("is set only where the allowed list says why no editor's text can reach it", () => {
    const uses = FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)))
      .filter((file) =>
        /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=/.test(fs.readFileSync(file, "utf8")),
      )
      .map((file) => path.relative(ROOT, file).split(path.sep).join("/"));
    expect(uses.toSorted()).toEqual(Object.keys(ALLOWED).toSorted());
  });

  it("in a flag, takes only a two-letter code, so a country code typed as markup draws nothing", async () => {
    const { flagSvg } = await import("@/lib/flags/flag-svg");
    expect(flagSvg("ve")?.body).toMatch(/^<(?:path|g|rect)/);
    expect(flagSvg('"><script>alert(1)</script>')).toBeNull();
    expect(flagSvg("<b")).toBeNull();
  });
});
