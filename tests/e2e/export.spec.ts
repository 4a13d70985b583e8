import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { test as testWithDb } from "../fixtures";
import { BASE_URL } from "../../playwright.config";

const EVENT = "/events/victory-day-parade-2025";
const HEADER = [
  "event",
  "event_date",
  "event_end_date",
  "leader",
  "office",
  "country",
  "country_code",
  "status",
  "outcome",
  "as_of",
  "sources_disagree",
  "represented_by",
  "step_note",
  "note",
  "quotes",
  "sources",
  "source_urls",
  "quote_reviews",
  "updated_at",
  "url",
];

type Row = { leader: string; country: string; status: string };

/**
 * What the attendee tables show, row by row, with the status as the CSV writes it. The seeded
 * parade is past with no outcome reported, so its list has a table per status ("Confirmed, no
 * report of attendance yet", then "Reported, ..."), each in the list's order.
 */
async function rowsOnPage(page: Page): Promise<Row[]> {
  const rows = page.getByRole("table").locator("tbody").getByRole("row");
  await expect(rows.first()).toBeVisible();
  const shown: Row[] = [];
  for (const row of await rows.all()) {
    const cells = row.getByRole("cell");
    shown.push({
      leader: (await row.getByRole("rowheader").getByRole("link").innerText()).trim(),
      country: (await cells.nth(0).innerText()).trim(),
      status: (await cells.nth(1).innerText()).trim().toLowerCase(),
    });
  }
  return shown;
}

/** The CSV's rows as the page groups them: by status, in the CSV's order within each. */
const grouped = (rows: Row[]) =>
  ["confirmed", "reported", "declined"].flatMap((status) =>
    rows.filter((row) => row.status === status),
  );

/** Parses strictly: CRLF record ends only, and every row as long as the header. */
function parseCsv(text: string): string[][] {
  return parse(text, { record_delimiter: "\r\n" });
}

function rowsInCsv(text: string): Row[] {
  const [header, ...rows] = parseCsv(text);
  const at = (name: string) => header!.indexOf(name);
  return rows.map((row) => ({
    leader: row[at("leader")]!,
    country: row[at("country")]!,
    status: row[at("status")]!,
  }));
}

/** Today's date at the server, allowing for a request that straddles midnight (UTC). */
async function withDates<T>(run: () => Promise<T>): Promise<{ result: T; dates: string[] }> {
  const before = new Date().toISOString().slice(0, 10);
  const result = await run();
  return { result, dates: [before, new Date().toISOString().slice(0, 10)] };
}

async function csvText(response: APIResponse) {
  expect(response.status()).toBe(200);
  return (await response.body()).toString("utf8");
}

test("the CSV export holds exactly the leaders, countries and statuses the page shows", async ({
  page,
  request,
}) => {
  for (const search of ["", "?sort=country", "?sort=status"]) {
    await page.goto(`${EVENT}${search}`);
    const shown = await rowsOnPage(page);
    expect(shown).toHaveLength(9);
    const text = await csvText(await request.get(`${EVENT}/attendance.csv${search}`));
    expect(rowsInCsv(text)).toHaveLength(9);
    expect(grouped(rowsInCsv(text)), `order of ${search || "the default sort"}`).toEqual(shown);
  }
});

test("a filtered export has the filtered rows: reported is Lula, and so is “Inácio”", async ({
  page,
  request,
}) => {
  for (const search of ["?status=reported", "?q=In%C3%A1cio"]) {
    await page.goto(`${EVENT}${search}`);
    const shown = await rowsOnPage(page);
    expect(shown).toEqual([
      { leader: "Luiz Inacio Lula da Silva", country: "Brazil", status: "reported" },
    ]);
    const text = await csvText(await request.get(`${EVENT}/attendance.csv${search}`));
    expect(rowsInCsv(text)).toEqual(shown);
  }
});

test("the export is RFC 4180 CSV with the documented header, as an attachment", async ({
  request,
}) => {
  const { result: response, dates } = await withDates(() => request.get(`${EVENT}/attendance.csv`));
  const headers = response.headers();
  expect(headers["content-type"]).toBe("text/csv; charset=utf-8");
  const filename = headers["content-disposition"]?.match(/^attachment; filename="(.+)"$/)?.[1];
  expect(dates.map((d) => `rollcall-victory-day-parade-2025-${d}.csv`)).toContain(filename);

  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8");
  expect(text.startsWith(`${HEADER.join(",")}\r\n`)).toBe(true);
  expect(text.endsWith("\r\n")).toBe(true);
  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual(HEADER);
  expect(rows).toHaveLength(9);

  const cell = (row: string[], name: string) => row[HEADER.indexOf(name)];
  const maduro = rows.find((row) => cell(row, "leader") === "Nicolas Maduro")!;
  expect(cell(maduro, "event_date")).toBe("2025-05-09");
  expect(cell(maduro, "event_end_date")).toBe("2025-05-09");
  expect(cell(maduro, "outcome")).toBe(""); // no source has said who came
  expect(cell(maduro, "sources_disagree")).toBe("false");
  expect(cell(maduro, "quotes")?.split("\n")).toHaveLength(2); // two citations, one line each
  expect(cell(maduro, "quotes")).toContain(
    "We appreciate that President Maduro will be with us on Victory Day",
  );
  expect(cell(maduro, "quote_reviews")).toBe(""); // no citation under review
  expect(cell(maduro, "url")).toMatch(new RegExp(`^${BASE_URL}/attendance/\\d+$`));
  // The url column opens the entry's page.
  expect((await request.get(cell(maduro, "url")!)).status()).toBe(200);
});

test("only bom=1 starts the file with a byte-order mark", async ({ request }) => {
  const plain = await (await request.get(`${EVENT}/attendance.csv`)).body();
  const excel = await (await request.get(`${EVENT}/attendance.csv?bom=1`)).body();
  expect([...excel.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(excel.subarray(3).toString("utf8")).toBe(plain.toString("utf8"));
});

test("format=long has one row per citation of every step: ten for the seed, two for Maduro", async ({
  request,
}) => {
  const text = await csvText(await request.get(`${EVENT}/attendance.csv?format=long`));
  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual([
    "event",
    "leader",
    "status",
    "outcome",
    "as_of",
    "current",
    "represented_by",
    "step_note",
    "quote",
    "quote_start",
    "quote_end",
    "source",
    "source_url",
    "fragment_url",
    "quote_review",
  ]);
  const cell = (row: string[], name: string) => row[header!.indexOf(name)];
  expect(rows).toHaveLength(10);
  expect(rows.filter((row) => cell(row, "leader") === "Nicolas Maduro")).toHaveLength(2);
  for (const row of rows) {
    expect([cell(row, "outcome"), cell(row, "as_of"), cell(row, "current")]).toEqual([
      "",
      "2025-04-12",
      "true",
    ]);
    expect(cell(row, "fragment_url")).toMatch(/^https:\/\/intellinews\.com\/.+#:~:text=/);
    expect(Number(cell(row, "quote_end"))).toBeGreaterThan(Number(cell(row, "quote_start")));
  }
});

testWithDb("/attendance.csv exports every event", async ({ request, db, testEvent }) => {
  const leader = await db.leader.create({
    data: { name: "Export Tester", office: "Envoy", polity: "Ruritania", searchText: "export" },
  });
  await db.attendance.create({
    data: { eventId: testEvent.id, leaderId: leader.id, status: "reported" },
  });
  const response = await request.get("/attendance.csv");
  expect(response.headers()["content-disposition"]).toMatch(
    /^attachment; filename="rollcall-all-events-\d{4}-\d\d-\d\d\.csv"$/,
  );
  const rows = parseCsv(await csvText(response)).slice(1);
  // Other tests add events and entries to the same database, before or beside this one: check
  // the seeded event and this test's own, and that no entry comes twice.
  expect(rows.filter((row) => row[0] === "victory-day-parade-2025")).toHaveLength(9);
  const leaderAt = HEADER.indexOf("leader");
  expect(rows.filter((row) => row[0] === testEvent.slug).map((row) => row[leaderAt])).toEqual([
    "Export Tester",
  ]);
  expect(new Set(rows.map((row) => row[HEADER.indexOf("url")])).size).toBe(rows.length);
});

test("an unknown event's export answers 404", async ({ request }) => {
  expect((await request.get("/events/no-such-event/attendance.csv")).status()).toBe(404);
});

test("the Export CSV link carries the current filters and downloads those rows", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByLabel("Status", { exact: true }).selectOption("reported");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=reported/);

  const exportLink = page.getByRole("link", { name: "Export CSV" });
  await expect(exportLink).toHaveAttribute("href", `${EVENT}/attendance.csv?status=reported`);
  await expect(page.getByRole("link", { name: "Export for Excel" })).toHaveAttribute(
    "href",
    `${EVENT}/attendance.csv?status=reported&bom=1`,
  );

  const downloading = page.waitForEvent("download");
  await exportLink.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^rollcall-victory-day-parade-2025-reported-\d{4}-\d\d-\d\d\.csv$/,
  );
  const text = fs.readFileSync(await download.path(), "utf8");
  expect(rowsInCsv(text)).toEqual([
    { leader: "Luiz Inacio Lula da Silva", country: "Brazil", status: "reported" },
  ]);
});
