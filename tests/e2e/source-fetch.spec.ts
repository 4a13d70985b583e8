import http from "node:http";
import { expect, test } from "../fixtures";
import { unique } from "../factories";
import { SOURCE_PAGES_PORT } from "../../playwright.config";

/**
 * Adding a source by its address, from pages this spec serves on the one local address the
 * server's fetcher is allowed (SOURCE_FETCH_ALLOW_HOSTS in playwright.config.ts).
 */
test.describe.configure({ mode: "serial" });

const id = unique();
const PAGE_PATH = `/world/parade-${id}`;
const PAGES = `http://127.0.0.1:${SOURCE_PAGES_PORT}`;
const ADDRESS = `${PAGES}${PAGE_PATH}`;

const PARAGRAPHS = [
  `MOSCOW, May 9 (Example Wire ${id}) - Chinese President Xi Jinping arrived in Moscow on Wednesday for the Victory Day parade, the Kremlin said.`,
  "Brazil's President Luiz Inacio Lula da Silva has confirmed that he will attend, his office said on Tuesday.",
  "Slovak Prime Minister Robert Fico said he would travel to Moscow despite criticism from other European Union members.",
];
const ADDED = "Serbian President Aleksandar Vucic arrived on Thursday evening, his office said.";

/** What the page says now; the test changes it to see "Fetch again" find a new text. */
let page = { paragraphs: PARAGRAPHS, modified: "2025-05-09T10:15:00+03:00" };
/** Requests for the page's image: a snapshot must make none. */
let imageRequests = 0;

const articleHtml = () => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Leaders gather for the parade | Example Wire</title>
<meta property="og:title" content="Leaders gather in Moscow for the parade">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2025-05-08T18:00:00+03:00">
<meta property="article:modified_time" content="${page.modified}">
<script>document.title = "Changed by a script";</script>
</head>
<body>
<nav><a href="/">Home</a></nav>
<article>
<h1>Leaders gather in Moscow for the parade</h1>
<img src="${PAGES}/pixel.png" alt="">
${page.paragraphs.map((p) => `<p>${p}</p>`).join("\n")}
</article>
</body>
</html>`;

let server: http.Server;

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === PAGE_PATH) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(articleHtml());
    } else if (req.url === "/pixel.png") {
      imageRequests++;
      res.writeHead(200, { "content-type": "image/png" });
      res.end();
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("Not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(SOURCE_PAGES_PORT, "127.0.0.1", resolve));
});
test.afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

test("a private address is refused with a reason, and the form keeps what was typed", async ({
  signedIn: browser,
}) => {
  await browser.goto("/admin/sources/new");
  await browser.getByLabel("Title").fill("Typed by hand");
  await browser.getByLabel("Address to fetch").fill("http://10.0.0.1/internal");
  await browser.getByRole("button", { name: "Fetch", exact: true }).click();
  await expect(
    browser
      .getByText(
        "10.0.0.1 is a private, local or reserved network address; Rollcall fetches public web pages only.",
      )
      .first(),
  ).toBeVisible();
  await expect(browser.getByLabel("Title")).toHaveValue("Typed by hand");
});

test("a source added by its address: fetched, reviewed, saved, its snapshot viewed, fetched again", async ({
  signedIn: browser,
  db,
}) => {
  test.slow();
  await browser.goto("/admin/sources/new");
  await browser.getByLabel("Address to fetch").fill(ADDRESS);
  await browser.getByRole("button", { name: "Fetch", exact: true }).click();

  // What was read, for the editor to check.
  await expect(browser.getByRole("status").filter({ hasText: "Read from the page" })).toBeVisible();
  await expect(browser.getByLabel("Title")).toHaveValue("Leaders gather in Moscow for the parade");
  await expect(browser.getByLabel("Publisher")).toHaveValue("Example Wire");
  await expect(browser.getByLabel("Web address")).toHaveValue(ADDRESS);
  await expect(browser.getByLabel("Published on")).toHaveValue("2025-05-08");
  await expect(browser.getByLabel("Language")).toHaveValue("en");
  const text = browser.getByLabel("Full text");
  // Readability leaves out the heading that repeats the title.
  await expect(text).toHaveValue(/^MOSCOW, May 9 \(Example Wire/);
  for (const p of PARAGRAPHS) await expect(text).toHaveValue(new RegExp(escape(p)));
  await expect(text).not.toHaveValue(/Home|Changed by a script/);

  // The editor corrects the title, and saves.
  await browser.getByLabel("Title").fill(`Leaders gather in Moscow (${id})`);
  await browser.getByRole("button", { name: "Create source" }).click();
  await expect(browser.getByRole("status").filter({ hasText: "Source created." })).toBeVisible();
  const source = await db.source.findFirstOrThrow({ where: { url: ADDRESS } });
  expect(source.title).toBe(`Leaders gather in Moscow (${id})`);
  expect(source.language).toBe("en");

  // The page as fetched: its script does not run, its image is not loaded.
  const snapshotLink = browser.getByRole("link", { name: /^The page as fetched on / });
  await expect(snapshotLink).toHaveAttribute("href", `/sources/${source.id}/versions/1/snapshot`);
  await browser.goto(`/sources/${source.id}`);
  await expect(snapshotLink).toBeVisible();
  const [response] = await Promise.all([
    browser.waitForResponse((r) => r.url().endsWith("/versions/1/snapshot")),
    snapshotLink.click(),
  ]);
  expect(response.headers()["content-security-policy"]).toContain(
    "sandbox; default-src 'none'; img-src 'none'",
  );
  await expect(browser.getByRole("heading", { name: "Leaders gather in Moscow" })).toBeVisible();
  expect(await browser.title()).toBe("Leaders gather for the parade | Example Wire");
  expect(imageRequests).toBe(0);

  // Fetch again, the page unchanged.
  await browser.goto(`/admin/sources/${source.id}`);
  await browser.getByRole("button", { name: "Fetch again" }).click();
  await expect(
    browser
      .getByRole("status")
      .filter({ hasText: "The page’s text is unchanged: it is still version 1" }),
  ).toBeVisible();
  expect(await db.sourceVersion.count({ where: { sourceId: source.id } })).toBe(1);

  // The publisher adds a paragraph: fetched again, it is offered as version 2.
  page = { paragraphs: [...PARAGRAPHS, ADDED], modified: "2025-05-10T08:00:00+03:00" };
  await browser.getByRole("button", { name: "Fetch again" }).click();
  await expect(
    browser.getByRole("status").filter({ hasText: "to save as version 2" }),
  ).toBeVisible();
  await expect(browser.getByLabel("Full text")).toHaveValue(new RegExp(`${escape(ADDED)}$`));
  await expect(browser.getByLabel("The publisher changed the text on")).toHaveValue("2025-05-10");
  await expect(browser.getByLabel("Title")).toHaveValue(`Leaders gather in Moscow (${id})`);
  await browser.getByRole("button", { name: "Save source" }).click();
  await expect(browser.getByText("Saved as version 2 of the text")).toBeVisible();

  const version2 = await db.sourceVersion.findUniqueOrThrow({
    where: { sourceId_number: { sourceId: source.id, number: 2 } },
    include: { snapshot: { select: { id: true } } },
  });
  expect(version2.changedOn?.toISOString().slice(0, 10)).toBe("2025-05-10");
  expect(version2.snapshot).not.toBeNull();
  const response2 = await browser.request.get(`/sources/${source.id}/versions/2/snapshot`);
  expect(await response2.text()).toContain(ADDED);
});

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
