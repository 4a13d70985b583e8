import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUTH_ROUTES, isForwardedAuthRoute } from "@/lib/auth/routes";
import { MUTATING_ROUTES, READ_ONLY_AUTH_ROUTES, SERVER_ACTIONS } from "../reliability/registry";

/**
 * The registry of doors (tests/reliability/registry.ts) against the code: a server action or a
 * mutating route added without an entry there would escape the reliability suite's checks.
 */
const root = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|js|mjs)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

const codeFiles = ["app", "components", "lib"]
  .flatMap(sourceFiles)
  .filter((f) => !f.startsWith("lib/generated/"));
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
/** A file-level directive: the first statement, after comments. */
const startsWithUseServer = (code: string) =>
  /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(code);

describe("the registry of doors", () => {
  it("lists every exported function of every 'use server' file, and nothing else", () => {
    const found: string[] = [];
    for (const file of codeFiles) {
      const code = read(file);
      if (!startsWithUseServer(code)) continue;
      const names = [
        ...code.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g),
        ...code.matchAll(/export\s+const\s+(\w+)\s*=/g),
      ].map((m) => m[1]);
      expect(names.length, `${file} exports no function`).toBeGreaterThan(0);
      for (const name of names) found.push(`${file}#${name}`);
    }
    const listed = SERVER_ACTIONS.map((a) => `lib/actions/${a.module}.ts#${a.exportName}`);
    expect(found.sort()).toEqual(listed.sort());
  });

  it("finds no inline 'use server' function, which the registry could not list", () => {
    const inline = codeFiles.filter((file) => {
      const code = read(file);
      const directives = code.match(/["']use server["']/g)?.length ?? 0;
      return directives > (startsWithUseServer(code) ? 1 : 0);
    });
    expect(inline).toEqual([]);
  });

  it("lists a method of every route handler that exports POST, PUT, PATCH or DELETE", () => {
    const found = new Set<string>();
    for (const file of codeFiles.filter((f) => /(^|\/)route\.(ts|js)$/.test(f))) {
      for (const m of read(file).matchAll(
        /export\s+(?:async\s+function|const|function)\s+(POST|PUT|PATCH|DELETE)\b/g,
      )) {
        found.add(`${m[1]} ${file}`);
      }
    }
    const listed = new Set(MUTATING_ROUTES.map((r) => `${r.method} ${r.file}`));
    expect([...found].sort()).toEqual([...listed].sort());
  });

  it("forwards to Better Auth only the listed endpoints; every other one answers 404", async () => {
    process.env.BETTER_AUTH_SECRET ??= "a-test-secret-that-is-long-enough-0123456789";
    const { getAuth } = await import("@/lib/auth/auth");
    const { GET, POST } = await import("@/app/api/auth/[...all]/route");
    const endpoints = Object.values(getAuth().api as Record<string, unknown>).flatMap((e) => {
      const endpoint = e as { path?: string; options?: { method?: string | string[] } };
      if (!endpoint.path) return []; // server-only helpers have no URL
      const methods = [endpoint.options?.method ?? []].flat();
      return methods.map((method) => ({ method, path: `/api/auth${endpoint.path}` }));
    });
    // Better Auth has many more than the site uses: a new version adds to this count.
    expect(endpoints.length).toBeGreaterThan(20);

    const forwarded: string[] = [];
    for (const { method, path: urlPath } of endpoints) {
      const route = method === "GET" ? GET : method === "POST" ? POST : null;
      expect(route, `${method} ${urlPath}: /api/auth exports no ${method}`).not.toBeNull();
      const concrete = urlPath.replace(/:(\w+)/g, "x");
      if (isForwardedAuthRoute(method, concrete)) {
        forwarded.push(`${method} ${urlPath}`);
        continue;
      }
      const response = await route!(
        new Request(`http://localhost:3000${concrete}`, {
          method,
          headers: { origin: "http://localhost:3000", "content-type": "application/json" },
          body: method === "GET" ? undefined : "{}",
        }),
      );
      expect(response.status, `${method} ${urlPath}`).toBe(404);
    }
    const open = [
      ...MUTATING_ROUTES.filter((r) => r.access !== "closed"),
      ...READ_ONLY_AUTH_ROUTES,
    ].map((r) => `${r.method} ${r.path}`);
    expect(forwarded.sort()).toEqual(open.sort());
    // The runtime list and the registry name the same endpoints.
    expect(AUTH_ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(open.sort());
  });
});
