import http from "node:http";
import { expect, test } from "../fixtures";
import { unique } from "../factories";
import { SUGGESTION_PAGES_PORT } from "../../playwright.config";
import { expectNoSeriousA11yViolations } from "./helpers/a11y";

/**
 * A report added by its address and read for claims: four accepted (one of them a leader the
 * database does not have yet), one dismissed, and the steps then found with their anchored
 * quotes on the entry pages and the source's page.
 */
const id = unique();
const PAGE_PATH = `/world/guests-${id}`;
const ADDRESS = `http://127.0.0.1:${SUGGESTION_PAGES_PORT}${PAGE_PATH}`;

const PARAGRAPHS = [
  `MOSCOW, May 9 (Example Wire ${id}) - Chinese President Xi Jinping watched the parade from the reviewing stand on Red Square, the Kremlin said.`,
  "Brazil's President Luiz Inacio Lula da Silva was also among the guests, as columns of troops marched past.",
  "Mongolian President Ukhnaagiin Khurelsukh attended the parade, his office said in a statement.",
  "Slovak Prime Minister Robert Fico did not attend the parade itself but laid a wreath at the Tomb of the Unknown Soldier.",
  "Azerbaijan's President Ilham Aliyev stayed away, amid a row with Moscow over a downed airliner.",
];

const articleHtml = () => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Guests on Red Square | Example Wire</title>
<meta property="og:title" content="Who stood beside Putin on Red Square">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2025-05-09T16:00:00+03:00">
</head>
<body>
<article>
<h1>Who stood beside Putin on Red Square</h1>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n")}
</article>
</body>
</html>`;

let server: http.Server;

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === PAGE_PATH) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(articleHtml());
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("Not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(SUGGESTION_PAGES_PORT, "127.0.0.1", resolve));
});
test.afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

test("claims read from a fetched report: four accepted (one a new leader), one dismissed, each quote anchored", async ({
  signedIn: browser,
  db,
}) => {
  test.slow();
  // Add the report by its address and review what was read.
  await browser.goto("/admin/sources/new");
  await browser.getByLabel("Address to fetch").fill(ADDRESS);
  await browser.getByRole("button", { name: "Fetch", exact: true }).click();
  await expect(browser.getByRole("status").filter({ hasText: "Read from the page" })).toBeVisible();
  await expect(browser.getByLabel("Title")).toHaveValue("Who stood beside Putin on Red Square");
  await expect(browser.getByLabel("Publisher")).toHaveValue("Example Wire");
  await expect(browser.getByLabel("Published on")).toHaveValue("2025-05-09");
  await expect(browser.getByLabel("Full text")).toHaveValue(/^MOSCOW, May 9 \(Example Wire/);
  await browser.getByLabel("Title").fill(`Who stood beside Putin (${id})`);
  await browser.getByRole("button", { name: "Create source" }).click();
  await expect(browser.getByRole("status").filter({ hasText: "Source created." })).toBeVisible();
  const source = await db.source.findFirstOrThrow({ where: { url: ADDRESS } });

  // From the source's page, the suggestions for the parade.
  await browser.getByLabel("Event").selectOption({ label: "Victory Day Parade (2025-05-09)" });
  await browser.getByRole("button", { name: "Suggest claims" }).click();
  await expect(browser.getByRole("heading", { level: 1, name: "Suggested claims" })).toBeVisible();
  const card = (heading: RegExp) =>
    browser.getByRole("article").filter({ has: browser.getByRole("heading", { name: heading }) });
  const xi = card(/^Xi Jinping: attended, as of 9 May 2025$/);
  const lula = card(/^Luiz Inacio Lula da Silva: attended/);
  const khurelsukh = card(/^Ukhnaagiin Khurelsukh \(new leader\): attended/);
  const fico = card(/^Robert Fico: partly attended/);
  const aliyev = card(/^Ilham Aliyev: did not attend/);
  for (const c of [xi, lula, khurelsukh, fico, aliyev]) await expect(c).toBeVisible();
  await expect(xi.getByText("Why: 'watched the parade' → attended")).toBeVisible();
  await expect(
    browser.getByRole("heading", { name: "New suggestions about Victory Day Parade (5)" }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(browser);

  // The new leader's office and country are proposed, and can be checked before accepting.
  await khurelsukh.getByText("Edit before accepting").click();
  await expect(khurelsukh.getByLabel("Office")).toHaveValue("President");
  await expect(khurelsukh.getByLabel("Country or entity")).toHaveValue("Mongolia");
  await expect(khurelsukh.getByLabel("Country code (ISO, two letters)")).toHaveValue("MN");

  for (const [c, name] of [
    [xi, "Xi Jinping"],
    [lula, "Luiz Inacio Lula da Silva"],
    [khurelsukh, "Ukhnaagiin Khurelsukh"],
    [fico, "Robert Fico"],
  ] as const) {
    await c.getByRole("button", { name: new RegExp(`^Accept ${name}`) }).click();
    await expect(browser.getByRole("status").filter({ hasText: "Accepted" })).toBeVisible();
    await expect(
      browser.getByRole("region", { name: /^Already recorded/ }).getByRole("link", { name }),
    ).toBeVisible();
  }
  await aliyev.getByRole("button", { name: /^Dismiss Ilham Aliyev/ }).click();
  await expect(browser.getByRole("status").filter({ hasText: "Dismissed" })).toBeVisible();
  await browser.reload();
  await expect(
    browser.getByRole("heading", { name: "New suggestions about Victory Day Parade (0)" }),
  ).toBeVisible();
  await expect(browser.getByRole("heading", { name: "Already recorded (4)" })).toBeVisible();
  await expect(browser.getByText("Dismissed (1)")).toBeVisible();

  // Each step cites the report with an anchored quote.
  const citations = await db.citation.findMany({
    where: { sourceId: source.id },
    include: { step: { include: { attendance: { include: { leader: true } } } } },
  });
  expect(citations.map((c) => c.step.attendance.leader.name).sort()).toEqual([
    "Luiz Inacio Lula da Silva",
    "Robert Fico",
    "Ukhnaagiin Khurelsukh",
    "Xi Jinping",
  ]);
  for (const c of citations) expect(source.text.slice(c.start, c.end)).toBe(c.quote);
  const newLeader = await db.leader.findFirstOrThrow({ where: { name: "Ukhnaagiin Khurelsukh" } });
  expect([newLeader.office, newLeader.polity, newLeader.countryCode]).toEqual([
    "President",
    "Mongolia",
    "MN",
  ]);
  const ficoStep = citations.find((c) => c.step.attendance.leader.name === "Robert Fico")!.step;
  expect([ficoStep.outcome, ficoStep.asOf?.toISOString().slice(0, 10)]).toEqual([
    "partly_attended",
    "2025-05-09",
  ]);

  // The entry pages and the source's page show the quotes.
  const xiCitation = citations.find((c) => c.step.attendance.leader.name === "Xi Jinping")!;
  await browser.goto(`/attendance/${xiCitation.step.attendanceId}`);
  await expect(browser.getByText(xiCitation.quote).first()).toBeVisible();
  const mongolia = citations.find(
    (c) => c.step.attendance.leader.name === "Ukhnaagiin Khurelsukh",
  )!;
  await browser.goto(`/attendance/${mongolia.step.attendanceId}`);
  await expect(
    browser.getByRole("heading", { level: 1, name: /Ukhnaagiin Khurelsukh/ }),
  ).toBeVisible();
  await expect(browser.getByText(mongolia.quote).first()).toBeVisible();
  await browser.goto(`/sources/${source.id}`);
  const marked = await browser.locator("mark").allTextContents();
  for (const c of citations) expect(marked.join("")).toContain(c.quote);
});
