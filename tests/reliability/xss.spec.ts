import { expect, test, type Page } from "@playwright/test";
import { SERVER_ACTIONS } from "./registry";
import { openDatabase } from "./db";
import { callAction, signIn } from "./http";
import { editors } from "./paths";
import { AppServer } from "./server";

/**
 * Nothing runs that an editor typed: script payloads saved through the forms' actions into every
 * text field, then every public and admin page opened in Chromium. Each payload, if it ran, would
 * call `__xss(<its name>)` (set up before any page script) or open a dialog; neither may happen.
 * This rests on React escaping every value and on the save refusing non-http(s) URLs; the CSP,
 * which lets only Next's own inline scripts run, is a second line (csp.spec.ts).
 */
let server: AppServer;
let cookie: string;
const visited: string[] = [];

/** Five ways to run a script, each naming the field it was saved in; under 200 characters. */
const payloads = (field: string) =>
  `<script>__xss('${field}')</script><img src=x onerror=__xss('${field}')>` +
  `"><svg onload=__xss('${field}')></textarea><script>alert('${field}')</script>` +
  `javascript:__xss('${field}')`;

const door = (name: string) => SERVER_ACTIONS.find((a) => a.exportName === name)!;

async function save(
  name: string,
  page: string,
  fields: Record<string, string>,
  bound: unknown[] = [],
) {
  const response = await callAction(server, door(name), {
    page,
    bound,
    fields,
    cookie,
    origin: server.origin,
  });
  expect(response.redirect, `${name}: ${JSON.stringify(response.state)}`).toBeTruthy();
  return Number(/\/(\d+)\?/.exec(response.redirect!)?.[1]);
}

const saved = {
  sourceId: 0,
  entryId: 0,
  leaderId: 0,
  slug: "victory-day-parade-2025",
  eventId: 0,
  eventSlug: "",
};

test.beforeAll(async () => {
  server = await AppServer.start("xss");
  const { emails, password } = editors();
  cookie = await signIn(server, emails[0]!, password);
  const quote = `Quoted ${payloads("quote")} end of quote.`;
  saved.sourceId = await save("createSourceAction", "/admin/sources/new", {
    title: payloads("title"),
    publisher: payloads("publisher"),
    url: "https://example.org/report?q=<script>__xss('url')</script>",
    publishedOn: "2025-04-12",
    dateNote: payloads("dateNote"),
    text: `Before. ${quote} After: ${payloads("text")}`,
  });
  const db = openDatabase(server.dbFile, { readonly: true });
  const eventId = db.prepare("SELECT id FROM Event WHERE slug = ?").pluck().get(saved.slug);
  db.close();
  saved.entryId = await save("createAttendanceAction", "/admin/entries/new", {
    eventId: String(eventId),
    leaderMode: "new",
    "leader.name": payloads("name"),
    "leader.office": payloads("office"),
    "leader.polity": payloads("polity"),
    "leader.countryCode": "",
    status: "reported",
    asOf: "2025-04-12",
    note: payloads("note"),
    // The public note beside the status (on the list, the map and the entry's story).
    stepNote: payloads("entryStepNote"),
    "citations.0.sourceId": String(saved.sourceId),
    "citations.0.quote": quote,
  });
  // A step of its story with a note of its own (the entry and admin pages show both).
  await save(
    "addStepAction",
    `/admin/entries/${saved.entryId}`,
    {
      status: "declined",
      asOf: "2025-04-20",
      note: payloads("stepNote"),
      "citations.0.sourceId": String(saved.sourceId),
      "citations.0.quote": quote,
    },
    [saved.entryId],
  );
  const db2 = openDatabase(server.dbFile, { readonly: true });
  saved.leaderId = db2
    .prepare("SELECT leaderId FROM Attendance WHERE id = ?")
    .pluck()
    .get(saved.entryId) as number;
  db2.close();
  await save(
    "updateLeaderAction",
    `/admin/leaders/${saved.leaderId}`,
    {
      name: payloads("name"),
      office: payloads("office"),
      polity: payloads("polity"),
      countryCode: "",
      aliases: `${payloads("alias")}\n${payloads("alias2")}`,
      wikidataId: "Q42",
      version: "1",
    },
    [saved.leaderId],
  );
  saved.eventId = await save("createEventAction", "/admin/events/new", {
    name: payloads("eventName"),
    date: "2003-04-05",
    place: payloads("place"),
    occasion: payloads("occasion"),
    slug: "",
  });
  const db3 = openDatabase(server.dbFile, { readonly: true });
  saved.eventSlug = db3
    .prepare("SELECT slug FROM Event WHERE id = ?")
    .pluck()
    .get(saved.eventId) as string;
  db3.close();
});
test.afterAll(async () => {
  await server?.stop();
  console.log(`xss: ${visited.length} pages opened, no payload ran:\n  ${visited.join("\n  ")}`);
});

/** Records any payload that runs on `page` (a call to __xss, or a dialog) into the list. */
async function watch(page: Page): Promise<string[]> {
  const ran: string[] = [];
  page.on("dialog", (dialog) => {
    ran.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.exposeFunction("__xssReport", (what: string) => ran.push(what));
  await page.addInitScript(() => {
    const w = window as unknown as {
      __xss: (what: string) => void;
      __xssReport: (w: string) => void;
    };
    w.__xss = (what) => void w.__xssReport(what);
  });
  return ran;
}

/** Opens `path`, scrolls the page through, and fails on any payload that ran. */
async function expectNothingRuns(page: Page, ran: string[], path: string) {
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status(), path).toBeLessThan(400);
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp, `${path}: Content-Security-Policy`).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  // Only the embed may be framed, by any site.
  expect(csp).toContain(
    path.startsWith("/embed/") ? "frame-ancestors *" : "frame-ancestors 'none'",
  );
  expect(csp).not.toContain("unsafe-eval");
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  // Let images fail and their handlers fire.
  await page.waitForTimeout(300);
  // The payload is on the page, as text: the test is looking at the right thing.
  expect(await page.content(), path).toContain("__xss(");
  expect(ran, path).toEqual([]);
  visited.push(path);
}

test("the watcher sees a payload that does run (outside the app, without its escaping)", async ({
  page,
}) => {
  const ran = await watch(page);
  await page.goto(`${server.url}/api/health`);
  await page.evaluate((html) => (document.body.innerHTML = html), payloads("raw"));
  await page.waitForTimeout(300);
  expect(ran).toContain("raw");
});

test("script payloads in every field run on no public page", async ({ page }) => {
  const ran = await watch(page);
  for (const path of [
    "/",
    `/events/${saved.slug}`,
    `/events/${saved.slug}?q=${encodeURIComponent("<script>__xss('q')</script>")}&status=reported`,
    `/attendance/${saved.entryId}`,
    `/sources/${saved.sourceId}`,
    "/events",
    `/events/${saved.eventSlug}`,
    `/leaders/${saved.leaderId}`,
    "/changes",
    `/embed/events/${saved.slug}`,
    `/embed/events/${saved.eventSlug}?status=reported`,
  ]) {
    await expectNothingRuns(page, ran, path);
  }
});

test("script payloads in every field run on no admin page", async ({ page, context }) => {
  const [name, value] = cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
  const ran = await watch(page);
  for (const path of [
    "/admin",
    `/admin?q=${encodeURIComponent("<img src=x onerror=__xss('admin-q')>")}`,
    `/admin/entries/${saved.entryId}`,
    `/admin/entries/${saved.entryId}/delete`,
    "/admin/entries/new",
    "/admin/leaders",
    `/admin/leaders/${saved.leaderId}`,
    "/admin/sources",
    `/admin/sources/${saved.sourceId}`,
    "/admin/events",
    `/admin/events/${saved.eventId}`,
    `/admin/leaders?q=${encodeURIComponent("<img src=x onerror=__xss('leaders-q')>")}`,
    `/admin/leaders/${saved.leaderId}?merge=${encodeURIComponent("<img src=x onerror=__xss('merge-q')>")}`,
    // The public pages as an editor sees them, rendered per request.
    `/events/${saved.eventSlug}`,
    "/",
  ]) {
    await expectNothingRuns(page, ran, path);
  }
});

test("a leader's name typed as markup is text in the admin list's rows, whole and inert", async ({
  page,
  context,
}) => {
  const [name, value] = cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
  await page.goto(`${server.url}/admin?event=${saved.slug}`);
  const row = page.getByRole("row").filter({ hasText: "__xss('name')" });
  await expect(row.getByRole("rowheader").locator("strong")).toHaveText(payloads("name"));
  await expect(
    row.getByRole("link", { name: `View ${payloads("name")}`, exact: false }),
  ).toHaveAttribute("href", `/attendance/${saved.entryId}`);
  // The payload's elements were never made: its text is all there is.
  await expect(page.locator("tbody script, tbody img, tbody svg[onload]")).toHaveCount(0);
});

test("the source form refuses javascript: and data: addresses, and saves nothing", async ({
  page,
  context,
}) => {
  const [name, value] = cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
  const count = () => {
    const db = openDatabase(server.dbFile, { readonly: true });
    const n = db.prepare("SELECT count(*) FROM Source").pluck().get();
    db.close();
    return n;
  };
  const before = count();
  for (const url of [
    "javascript:alert(document.cookie)",
    " JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
  ]) {
    await page.goto(`${server.url}/admin/sources/new`);
    await page.getByLabel("Title").fill("A report");
    await page.getByLabel("Publisher").fill("Example Wire");
    await page.getByLabel("Web address").fill(url);
    await page.getByLabel("Full text").fill("Some text.");
    await page.getByRole("button", { name: "Create source" }).click();
    const field = page.getByLabel("Web address");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAttribute("aria-describedby", /\burl-error\b/);
    await expect(page.locator('[id="url-error"]')).toContainText(
      "Enter a web address that starts with http:// or https://.",
    );
    await expect(field, "the input is kept").toHaveValue(url.trim());
  }
  expect(count()).toBe(before);
});
