import { expect, test, type Page } from "@playwright/test";
import { openDatabase } from "./db";
import { signIn } from "./http";
import { editors } from "./paths";
import { AppServer } from "./server";

/**
 * The Content-Security-Policy (docs/architecture.md, "Security") lets only the framework's own
 * inline scripts run on the pages rendered per request, and none at all on the cached public
 * pages, which are documents (and stay cached); pages still work without JavaScript; and no
 * page script can read the session's token.
 */
let server: AppServer;
let cookie: string;
/** Pages rendered per request, with the framework's scripts. */
let paths: string[];
/** The cached public pages: documents, without the framework's scripts. */
let documents: string[];

test.beforeAll(async () => {
  server = await AppServer.start("csp");
  const { emails, password } = editors();
  cookie = await signIn(server, emails[0]!, password);
  const db = openDatabase(server.dbFile, { readonly: true });
  try {
    const entry = db.prepare("SELECT id FROM Attendance ORDER BY id LIMIT 1").pluck().get();
    const source = db.prepare("SELECT id FROM Source ORDER BY id LIMIT 1").pluck().get();
    const event = db.prepare("SELECT id FROM Event ORDER BY id LIMIT 1").pluck().get();
    const leader = db.prepare("SELECT id FROM Leader ORDER BY id LIMIT 1").pluck().get();
    documents = [
      "/",
      "/?status=confirmed&sort=country",
      "/?q=lula",
      "/?asOf=2025-05-01&q=xi",
      "/events/victory-day-parade-2025",
      "/events/victory-day-parade-2025?status=confirmed",
      "/events",
      "/changes",
      "/changes?event=victory-day-parade-2025",
      `/attendance/${entry}`,
      `/sources/${source}`,
      `/leaders/${leader}`,
    ];
    paths = [
      "/?status=bogus",
      "/events/victory-day-parade-2025?q=lula&sort=country",
      "/changes",
      "/sign-in",
      "/admin",
      `/admin/entries/${entry}`,
      `/admin/sources/${source}/suggestions?event=${event}`,
      "/admin/accounts",
      "/admin/account/two-factor",
      "/no-such-page",
      // Again: Next's 404 for an unknown address is rendered for each reader with the proxy's
      // nonce, never served from the page cache without one (its scripts would be refused).
      "/no-such-page",
    ];
  } finally {
    db.close();
  }
});
test.afterAll(async () => {
  await server?.stop();
});

async function signedInPage(page: Page) {
  const [name, value] = cookie.split(/=(.*)/s) as [string, string];
  await page.context().addCookies([{ name, value, url: server.url, httpOnly: true }]);
}

test("on every page, Next's inline scripts run and an injected one does not", async ({ page }) => {
  await signedInPage(page);
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  for (const path of paths) {
    violations.length = 0;
    // Not "networkidle": a signed-in page's links prefetch, and a prefetch can keep the network
    // busy for many seconds. The inline scripts ran by "load"; the router is waited for below.
    await page.goto(server.url + path, { waitUntil: "load" });
    // Next's router exists only once its inline bootstrap and payload scripts have run.
    await expect
      .poll(() => page.evaluate(() => "next" in window && "__next_f" in window), {
        message: path,
      })
      .toBe(true);
    expect(violations, path).toEqual([]);
    // What an injected <script> would do (the xss suite checks nothing can be injected).
    await page
      .addScriptTag({ content: "window.__injected = true;" })
      .catch(() => undefined /* refused: the policy's doing */);
    expect(await page.evaluate(() => "__injected" in window), path).toBe(false);
    expect(violations.join("\n"), path).toMatch(
      /Refused to execute inline script|inline script violates[\s\S]*blocked/,
    );
  }
});

test("cached pages stay cached, without the framework's scripts, and no inline script may run on them", async () => {
  for (const path of documents) {
    await fetch(server.url + path).then((r) => r.arrayBuffer());
    const [first, second] = await Promise.all([fetch(server.url + path), fetch(server.url + path)]);
    expect(first.headers.get("x-nextjs-cache"), path).toBe("HIT");
    // A document (lib/cache/static-page.mjs): no payload, bootstrap or runtime to run.
    const html = await first.text();
    expect(html, path).toContain("</h1>");
    expect(html, path).not.toMatch(/<script\b/);
    const policies = first.headers.get("content-security-policy")!.split(/,\s*(?=default-src)/);
    const own = policies.find((p) => !/script-src[^;]*'unsafe-inline'/.test(p));
    expect(own, path).toMatch(/script-src 'self'\s*;/);
    expect(second.headers.get("content-security-policy")).toBe(
      first.headers.get("content-security-policy"),
    );
  }
});

test("an embed is a cached document any site may frame, with no inline script", async () => {
  for (const query of ["", "?status=confirmed", "?asOf=2025-05-01&status=declined"]) {
    const url = `${server.url}/embed/events/victory-day-parade-2025${query}`;
    await fetch(url).then((r) => r.arrayBuffer());
    const response = await fetch(url);
    const html = await response.text();
    expect(response.headers.get("x-nextjs-cache"), query).toBe("HIT");
    expect(response.headers.get("x-frame-options"), query).toBeNull();
    // Its one script is the file that tells the framing page its height.
    expect(html.match(/<script\b[^>]*>/g), query).toEqual([
      '<script src="/embed-frame.js" async="">',
    ]);
    const policies = response.headers.get("content-security-policy")!.split(/,\s*(?=default-src)/);
    for (const policy of policies) expect(policy, query).toContain("frame-ancestors *");
    const own = policies.find((p) => !/script-src[^;]*'unsafe-inline'/.test(p));
    expect(own, query).toMatch(/script-src 'self'\s*;/);
  }
});

test("pages rendered per request carry a fresh nonce each time", async () => {
  const nonce = async () => {
    const policy = (await fetch(`${server.url}/sign-in`)).headers.get("content-security-policy");
    return /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
  };
  const [a, b] = [await nonce(), await nonce()];
  expect(a).toBeTruthy();
  expect(a).not.toBe(b);
  // A reader's list with a value the list reads as none is rendered per request and gets a
  // nonce; one by a status of its own is a cached view and needs none.
  for (const query of [
    "?status=bogus",
    "?sort=bogus",
    "?status=confirmed&sort=bogus",
    "?sort=country&status=bogus",
  ]) {
    const response = await fetch(`${server.url}/events/victory-day-parade-2025${query}`);
    expect(response.headers.get("x-nextjs-cache"), query).toBeNull();
    expect(response.headers.get("content-security-policy"), query).toMatch(/'nonce-[^']+'/);
    expect(await response.text(), query).toMatch(/<script nonce="/);
  }
  // A signed-in editor's search is rendered per request too.
  const editors = await fetch(`${server.url}/events/victory-day-parade-2025?q=lula`, {
    headers: { cookie },
  });
  expect(editors.headers.get("x-nextjs-cache")).toBeNull();
  expect(editors.headers.get("content-security-policy")).toMatch(/'nonce-[^']+'/);
});

test("a reader's search or day is a cached page: its policy names scripts by hash, never a nonce", async () => {
  for (const query of ["?q=lula", "?status=declined&q=lula", "?asOf=2025-05-01", "?q=Путин"]) {
    const url = `${server.url}/events/victory-day-parade-2025${query}`;
    const first = await fetch(url);
    expect(first.status, query).toBe(200);
    const html = await first.text();
    expect(first.headers.get("content-security-policy"), query).not.toContain("nonce");
    expect(html, query).not.toContain("nonce=");
    const again = await fetch(url);
    await again.text();
    expect(again.headers.get("x-nextjs-cache"), query).toBe("HIT");
    expect(again.headers.get("content-security-policy"), query).toBe(
      first.headers.get("content-security-policy"),
    );
  }
});

test("without JavaScript the pages still read and filter", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}/events/victory-day-parade-2025`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Victory Day");
  await page.getByLabel("Status", { exact: true }).selectOption("declined");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=declined/);
  await context.close();
});

test("no page script can read the session token: get-session leaves it out", async () => {
  const response = await fetch(`${server.url}/api/auth/get-session`, { headers: { cookie } });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { user?: { email?: string }; session?: object };
  expect(body.user?.email).toBe(editors().emails[0]);
  const token = decodeURIComponent(cookie.split("=")[1]!).split(".")[0]!;
  expect(JSON.stringify(body)).not.toContain(token);
  expect(body.session).not.toHaveProperty("token");
});

test("the index of events and the site's share picture are cached, and an event's new name shows on them at once", async ({
  page,
}) => {
  const read = async () => {
    const response = await fetch(`${server.url}/events`);
    return { response, html: await response.text() };
  };
  // The site's share picture (the featured event's, the seed's one event), under both names
  // (each stored apart) and whatever query Next gives it in a page's metadata.
  const picture = async (name = "/opengraph-image?0123456789abcdef") => {
    const response = await fetch(`${server.url}${name}`);
    expect(response.status, name).toBe(200);
    expect(response.headers.get("content-type"), name).toBe("image/png");
    return {
      state: response.headers.get("x-nextjs-cache"),
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  };
  await picture();
  const drawn = await picture();
  expect(drawn.state).toBe("HIT");
  await picture("/twitter-image?fedcba9876543210");
  const twitter = await picture("/twitter-image");
  expect(twitter.state).toBe("HIT");
  expect(twitter.bytes.equals(drawn.bytes)).toBe(true);
  await read();
  const before = await read();
  expect(before.response.headers.get("x-nextjs-cache")).toBe("HIT");
  // A document: no script, so its policy names none, by hash or by nonce.
  expect(before.response.headers.get("content-security-policy")).not.toMatch(/'sha256-|'nonce-/);
  expect(before.html).not.toMatch(/<script\b/);
  expect(before.html).toContain("Victory Day Parade");
  // A page past the last (the seed has one event) is not found, and nothing is kept for it.
  for (let i = 0; i < 2; i++) {
    const past = await fetch(`${server.url}/events?page=2`);
    expect(past.status).toBe(404);
    expect(past.headers.get("x-nextjs-cache")).not.toBe("HIT");
  }

  // Last in this file: the seeded event keeps its address, and only its name changes.
  const name = `Victory Day Parade, renamed ${Date.now()}`;
  await signedInPage(page);
  const db = openDatabase(server.dbFile, { readonly: true });
  const event = db.prepare("SELECT id FROM Event ORDER BY id LIMIT 1").pluck().get();
  db.close();
  await page.goto(`${server.url}/admin/events/${event}`);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Save event" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  const after = await read();
  expect(after.html).toContain(name);
  expect(after.response.headers.get("x-nextjs-cache")).not.toBe("HIT");
  const redrawn = await picture();
  expect(redrawn.state, "the share picture after the rename").not.toBe("HIT");
  expect(redrawn.bytes.equals(drawn.bytes), "the share picture shows the new name").toBe(false);
  // Stored again once the edit is a few seconds old (lib/cache/page-cache.mjs).
  await expect
    .poll(async () => (await read()).response.headers.get("x-nextjs-cache"), { timeout: 30_000 })
    .toBe("HIT");
});
