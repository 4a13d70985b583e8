import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ROOT } from "./paths";
import { countReloads, freePort } from "./server";

/**
 * The README's Quick start in the other order: `npm test`, then `npm run dev`. A clone of this
 * commit gets what the test run has left in this checkout so far (the build, the databases, the
 * logs, the dev server's and Playwright's folders: everything ignored by git), then runs
 * `npm run dev` as a new user would, from its own terminal. Its pages must load once and stay
 * put, the form must sign in with the editor `npm run dev` printed, and no tracked file may
 * have changed. Runs after the other specs of this suite that write into the checkout
 * (the config runs it last). It is also where sign-in is checked at every address `next dev`
 * answers on, the one dev server of the test run.
 */

/** What the test run writes into the checkout (all of it ignored by git). */
const LEFT_BY_TESTS = [".next", "data", "test-results", "next-env.d.ts", "tsconfig.tsbuildinfo"];

function run(cmd: string, args: string[], cwd: string) {
  const result = spawnSync(cmd, args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

test("after `npm test`, `npm run dev` serves pages that stay put, and sign-in works at every address it answers on", async ({
  page,
  browser,
}) => {
  test.slow(); // a cold `next dev` compiles each page on its first request
  const clone = fs.mkdtempSync(path.join(os.tmpdir(), "rollcall-test-then-dev-"));
  const log = path.join(clone, "..", `${path.basename(clone)}.log`);
  let pgid: number | undefined;
  try {
    run("git", ["clone", "--quiet", ROOT, clone], ROOT);
    // `npm ci`'s result, without its minutes: the same packages, hard-linked where the file
    // system allows, and the Prisma client the install generates.
    const linked = spawnSync("cp", ["-al", `${ROOT}/node_modules`, clone]);
    if (linked.status !== 0) run("cp", ["-a", `${ROOT}/node_modules`, clone], ROOT);
    run("cp", ["-a", `${ROOT}/lib/generated`, `${clone}/lib/`], ROOT);
    // What `npm test` left, copied (not linked: the dev server may write to it), but for what
    // a developer's own `npm run dev` left before the test run, which is theirs, not the test
    // run's:
    // - the development database holds that run's editor, whose password was printed then;
    // - `.next/dev` is that dev server's cache, which names this checkout's folder: copied to
    //   another folder, `next dev` rebuilt in a loop (in place it does not; docs/testing.md).
    const devDatabase = path.join(ROOT, "data", "rollcall.db");
    const skipped = [
      path.join(ROOT, ".next", "dev"),
      ...["", "-wal", "-shm", "-journal"].map((suffix) => devDatabase + suffix),
    ];
    for (const name of LEFT_BY_TESTS) {
      if (!fs.existsSync(path.join(ROOT, name))) continue;
      fs.cpSync(path.join(ROOT, name), path.join(clone, name), {
        recursive: true,
        preserveTimestamps: true,
        filter: (source) => !skipped.includes(source),
      });
    }
    const tracked = run("git", ["status", "--porcelain"], clone);

    // `npm run dev` from a terminal of its own: none of the test run's settings.
    const port = await freePort();
    const env: Record<string, string | undefined> = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    const out = fs.openSync(log, "w");
    const dev = spawn("npm", ["run", "dev", "--", "-p", String(port)], {
      cwd: clone,
      env: { ...env, PORT: String(port) } as unknown as NodeJS.ProcessEnv,
      detached: true,
      stdio: ["ignore", out, out],
    });
    fs.closeSync(out);
    pgid = dev.pid;
    const url = `http://localhost:${port}`;
    const deadline = Date.now() + 300_000;
    while (
      !(await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (dev.exitCode !== null || Date.now() > deadline)
        throw new Error(`npm run dev did not answer:\n${fs.readFileSync(log, "utf8")}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const printed = fs.readFileSync(log, "utf8");
    const email = /email:\s+(\S+)/.exec(printed)?.[1];
    const password = /password:\s+(\S+)/.exec(printed)?.[1];
    expect(email && password, `npm run dev printed an editor:\n${printed}`).toBeTruthy();

    // Each page compiled first, so that its load below is the page's and not the compiler's;
    // then both open side by side and are watched for the same five seconds.
    const watched = [];
    for (const pathname of ["/", "/sign-in"]) {
      await fetch(`${url}${pathname}`).then((r) => r.arrayBuffer());
      const tab = pathname === "/" ? page : await page.context().newPage();
      watched.push({ pathname, tab, loads: countReloads(tab) });
    }
    await Promise.all(watched.map(({ pathname, tab }) => tab.goto(`${url}${pathname}`)));
    await page.waitForTimeout(5_000);
    for (const { pathname, tab, loads } of watched) {
      const seen = loads.summary();
      expect(
        seen.loads,
        `${pathname} stays put (the dev client said "rebuilding" ${seen.rebuilds} times)`,
      ).toBe(1);
      if (tab !== page) await tab.close();
    }

    // Sign-in works at every address the dev server answers on (it prints the network one),
    // though BETTER_AUTH_URL is left at its default, localhost; from another site it is refused.
    const network = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
    const origins = [`http://127.0.0.1:${port}`, url];
    if (network) origins.push(`http://${network}:${port}`);
    const signIn = (origin: string, headers: Record<string, string> = {}) =>
      fetch(`${origin}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { origin, "content-type": "application/json", ...headers },
        body: JSON.stringify({ email, password }),
      });
    for (const origin of origins) {
      const response = await signIn(origin);
      expect(response.status, `${origin}: ${await response.text()}`).toBe(200);
    }
    const forged = await signIn(url, { origin: "https://evil.example" });
    expect(forged.status).toBe(403);

    // The form, at localhost and at 127.0.0.1: the page hydrates (Next serves its development
    // scripts at both) and signs in through the server action.
    for (const origin of [url, `http://127.0.0.1:${port}`]) {
      const context = await browser.newContext();
      const form = await context.newPage();
      const actions: string[] = [];
      form.on("request", (r) => {
        if (r.method() === "POST" && r.headers()["next-action"]) actions.push(r.url());
      });
      await form.goto(`${origin}/sign-in`);
      await form.getByLabel("Email address").fill(email!);
      await form.getByLabel("Password").fill(password!);
      await form.getByRole("button", { name: "Sign in" }).click();
      await expect(form.getByText(/Signed in as/), origin).toBeVisible({ timeout: 120_000 });
      expect(actions, `${origin}: the form was sent by the hydrated page`).toHaveLength(1);
      await context.close();
    }

    expect(run("git", ["status", "--porcelain"], clone), "no tracked file changed").toBe(tracked);
  } finally {
    if (pgid) {
      try {
        process.kill(-pgid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    fs.rmSync(clone, { recursive: true, force: true });
    fs.rmSync(log, { force: true });
  }
});
