import type { Page } from "@playwright/test";
import { leaderSearchKey } from "../../lib/text/search-key";
import { createEntry, createLeader, unique } from "../factories";
import { expect, test, type TestEvent } from "../fixtures";
import { expectNoSeriousA11yViolations } from "./helpers/a11y";

const HEADER = "leader,country,office,status,as_of,source,quote,note";

/** A CSV cell, quoted as a spreadsheet quotes it. */
const cell = (v: string) => (/[",\r\n;]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (rows: string[][], sep = ",") =>
  rows.map((r) => r.map(cell).join(sep)).join("\r\n") + "\r\n";

async function upload(page: Page, event: TestEvent, name: string, buffer: Buffer) {
  await page.goto(`/admin/events/${event.id}`);
  await page.getByRole("link", { name: "Import from a spreadsheet" }).click();
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer });
  await page.getByRole("button", { name: "Dry run" }).click();
  await expect(
    page.getByRole("heading", { name: /Dry run: nothing has been written/ }),
  ).toBeVisible();
}

/** The dry run's table: row number → [result, the rest of the row's text]. */
async function dryRunRows(page: Page) {
  return page
    .getByRole("table", { name: /Each row of the file/ })
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        row: Number(tr.querySelector("th")!.textContent),
        verdict: tr.getAttribute("data-verdict"),
        text: tr.textContent ?? "",
      })),
    );
}

/**
 * What the import wrote for this test: other tests run at the same time, so leaders and
 * revisions are counted by this test's tag and event.
 */
async function storyCounts(
  db: Parameters<Parameters<typeof test>[2]>[0]["db"],
  eventId: number,
  tag: string,
) {
  const [entries, steps, revisions, leaders] = await Promise.all([
    db.attendance.count({ where: { eventId } }),
    db.statusStep.count({ where: { attendance: { eventId } } }),
    db.revision.count({
      where: { OR: [{ eventId }, { entityType: "leader", summary: { contains: tag } }] },
    }),
    db.leader.count({ where: { name: { contains: tag } } }),
  ]);
  return { entries, steps, revisions, leaders };
}

test("a dry run of a 30-row file lists every kind of problem and writes nothing; apply writes exactly the accepted rows, once", async ({
  signedIn: page,
  testEvent,
  db,
  browser,
}) => {
  test.slow();
  const tag = unique();
  const url = (await db.source.findUniqueOrThrow({ where: { id: testEvent.sourceId } })).url;
  const src = String(testEvent.sourceId);
  const anna = await createLeader(db, { name: `Anna Example ${tag}`, polity: "Ruritania" });
  const aliasKey = `Kinbote Zemblan ${tag}`;
  const kinbote = await db.leader.create({
    data: {
      name: `Charles Kinbote ${tag}`,
      office: "Prime Minister",
      polity: "Zembla",
      aliases: JSON.stringify([aliasKey]),
      searchText: leaderSearchKey({
        name: `Charles Kinbote ${tag}`,
        office: "Prime Minister",
        polity: "Zembla",
        aliases: [aliasKey],
      }),
    },
  });
  const twin = `Ottokar Twin ${tag}`;
  await createLeader(db, { name: twin, polity: "Syldavia" });
  await createLeader(db, { name: twin, polity: "Borduria" });
  const boris = await createEntry(db, {
    eventId: testEvent.id,
    leader: { name: `Boris Sample ${tag}`, polity: "Borduria" },
    steps: [
      {
        status: "reported",
        asOf: "2000-05-10",
        citations: [{ sourceId: testEvent.sourceId, quote: "Boris Sample is expected to attend" }],
      },
    ],
  });

  const ANNA_QUOTE = "Anna Example will attend the Harbour Summit";
  const rows: string[][] = [
    // 2: found by name
    [anna.name, "", "", "confirmed", "2000-05-20", url, ANNA_QUOTE, ""],
    // 3: found by alias, quote with changed wording (straight quotes for the source's curly ones)
    [aliasKey, "", "", "declined", "2000-05-21", src, 'Kinbote "will not travel"', ""],
    // 4: a new leader
    [
      `New Leader ${tag}`,
      "Ruritania",
      "Foreign Minister",
      "reported",
      "2000-05-02",
      url,
      "her office said on Monday",
      "a note",
    ],
    // 5: a new leader without an office: refused
    [`Officeless ${tag}`, "Ruritania", "", "reported", "2000-05-02", url, ANNA_QUOTE, ""],
    // 6: not a status
    [anna.name, "", "", "maybe", "2000-05-02", url, ANNA_QUOTE, ""],
    // 7: not a date
    [anna.name, "", "", "reported", "05/06/2000", url, ANNA_QUOTE, ""],
    // 8: no source
    [anna.name, "", "", "reported", "2000-05-02", "", ANNA_QUOTE, ""],
    // 9: an address no source has
    [anna.name, "", "", "reported", "2000-05-02", "https://example.org/none", ANNA_QUOTE, ""],
    // 10: an id no source has
    [anna.name, "", "", "reported", "2000-05-02", "999999999", ANNA_QUOTE, ""],
    // 11: a quote not in the source
    [
      anna.name,
      "",
      "",
      "reported",
      "2000-05-02",
      url,
      "She will stay at home and watch on television",
      "",
    ],
    // 12: a quote found several times
    [anna.name, "", "", "reported", "2000-05-02", url, "said", ""],
    // 13: already recorded
    [
      boris.leader.name,
      "",
      "",
      "reported",
      "2000-05-10",
      url,
      "Boris Sample is expected to attend",
      "",
    ],
    // 14: repeats row 2
    [anna.name, "", "", "confirmed", "2000-05-20", url, ANNA_QUOTE, ""],
    // 15: no leader
    ["", "Ruritania", "President", "reported", "2000-05-02", url, ANNA_QUOTE, ""],
    // 16: a name two leaders have
    [
      twin,
      "",
      "",
      "declined",
      "2000-05-02",
      url,
      "Syldavia's King Ottokar declined the invitation",
      "",
    ],
    // 17: an outcome after the event, to a found leader
    [
      boris.leader.name,
      "",
      "",
      "Attended",
      "2000-06-01",
      url,
      "Boris Sample is expected to attend as well",
      "",
    ],
    // 18: no quote
    [anna.name, "", "", "reported", "2000-05-02", url, "", ""],
  ];
  // 19-31: new leaders, one claim each, the same new leader twice (one leader created).
  for (let i = 0; i < 12; i++)
    rows.push([
      `Import Leader ${i} ${tag}`,
      "Borduria",
      "Minister",
      ["confirmed", "reported", "declined"][i % 3]!,
      `2000-05-${String(10 + i).padStart(2, "0")}`,
      src,
      "officials reported",
      "",
    ]);
  rows.push([
    `Import Leader 0 ${tag}`,
    "Borduria",
    "Minister",
    "declined",
    "2000-05-30",
    src,
    "officials reported",
    "",
  ]);
  expect(rows.length).toBe(30);
  const file = Buffer.from(csv([HEADER.split(","), ...rows]));
  const ADDED = [2, 3, 4, 17, ...Array.from({ length: 13 }, (_, i) => 19 + i)];
  const SKIPPED = [13, 14];

  const before = await storyCounts(db, testEvent.id, tag);
  await upload(page, testEvent, "claims.csv", file);
  const listed = await dryRunRows(page);
  expect(listed.map((r) => r.row)).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
  expect(listed.filter((r) => r.verdict === "add").map((r) => r.row)).toEqual(ADDED);
  expect(listed.filter((r) => r.verdict === "skip").map((r) => r.row)).toEqual(SKIPPED);
  const say = (row: number) => listed.find((r) => r.row === row)!.text;
  expect(say(2)).toContain("Found by name");
  expect(say(2)).toContain("Found in the source");
  expect(say(3)).toContain("Found by alias");
  expect(say(3)).toContain("Found with changed wording");
  expect(say(3)).toContain("Cited as: “Kinbote “will not travel””");
  expect(say(4)).toContain("New leader: Foreign Minister, Ruritania (no country code");
  expect(say(5)).toContain("a new leader needs an office and a country");
  expect(say(6)).toContain("“maybe” is not a status");
  expect(say(7)).toContain("“05/06/2000” is not a date");
  expect(say(8)).toContain("No source");
  expect(say(9)).toContain("No source has this address");
  expect(say(10)).toContain("There is no source #999999999");
  expect(say(11)).toContain("Not found in the source");
  expect(say(12)).toContain("Found several times");
  expect(say(13)).toContain("Already recorded");
  expect(say(14)).toContain("Repeats row 2");
  expect(say(15)).toContain("No leader");
  expect(say(16)).toContain("Several leaders have this name");
  expect(say(17)).toContain("Attended, as of 1 June 2000");
  expect(say(18)).toContain("No quote");
  await expect(page.getByRole("status").filter({ hasText: "17 rows to add" })).toContainText(
    "(with 13 new leaders), 2 skipped, 11 refused",
  );
  await expectNoSeriousA11yViolations(page);
  // Nothing written by the dry run.
  expect(await storyCounts(db, testEvent.id, tag)).toEqual(before);

  // A second dry run of the same file, in another tab, before the first is applied.
  const other = await browser.newContext({ storageState: await page.context().storageState() });
  const second = await other.newPage();
  await upload(second, testEvent, "claims.csv", file);

  await page.getByRole("button", { name: "Apply: add 17 rows" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Imported: 17 steps added, 13 new leaders" }),
  ).toBeVisible();
  const after = await storyCounts(db, testEvent.id, tag);
  expect(after.steps - before.steps).toBe(17);
  expect(after.leaders - before.leaders).toBe(13);
  // New entries for the found Anna and Kinbote and the 13 new leaders; Boris's gained a step.
  expect(after.entries - before.entries).toBe(15);
  // A revision for each step written and each leader created.
  expect(after.revisions - before.revisions).toBe(17 + 13);
  const kinboteStep = await db.statusStep.findFirstOrThrow({
    where: { attendance: { eventId: testEvent.id, leaderId: kinbote.id } },
    include: { citations: true },
  });
  expect(kinboteStep.status).toBe("declined");
  expect(kinboteStep.citations[0]!.quote).toBe("Kinbote “will not travel”");
  expect(await db.leader.count({ where: { name: `Officeless ${tag}` } })).toBe(0);

  // The same rows applied again (the other tab's dry run) add nothing.
  await second.getByRole("button", { name: "Apply: add 17 rows" }).click();
  await expect(
    second.getByRole("status").filter({ hasText: "Imported: 0 steps added" }),
  ).toContainText("17 already recorded");
  expect(await storyCounts(db, testEvent.id, tag)).toEqual(after);

  // And the same file uploaded again has nothing to add.
  await upload(page, testEvent, "claims.csv", file);
  const again = await dryRunRows(page);
  expect(again.filter((r) => r.verdict === "add")).toEqual([]);
  await expect(page.getByText("Nothing to add")).toBeVisible();
  await other.close();
});

test("an Excel UTF-16 file with semicolons imports, without JavaScript", async ({
  signedIn: page,
  testEvent,
  db,
  browser,
}) => {
  const tag = unique();
  const leader = `Zofia Wzór ${tag}`;
  const text = csv(
    [
      ["Leader", "Country", "Country code", "Office", "Status", "As of", "Source", "Quote", "Note"],
      [
        leader,
        "Syldavia",
        "pl",
        "Président",
        "Confirmed",
        "2000-05-03",
        String(testEvent.sourceId),
        "Borduria's leader Boris Sample",
        "two\r\nlines; quoted",
      ],
    ],
    ";",
  );
  const body = Buffer.from(text, "utf16le");
  const file = Buffer.concat([Buffer.from([0xff, 0xfe]), body]);

  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const noScript = await context.newPage();
  await upload(noScript, testEvent, "excel.csv", file);
  await expect(noScript.getByRole("status").filter({ hasText: "1 row to add" })).toContainText(
    "UTF-16 LE, “;” between cells",
  );
  await expect(noScript.getByRole("table")).toContainText("New leader: Président, Syldavia (PL)");
  await noScript.getByRole("button", { name: "Apply: add 1 row" }).click();
  await expect(noScript.getByText("Imported: 1 step added, 1 new leader")).toBeVisible();
  const entry = await db.attendance.findFirstOrThrow({
    where: { eventId: testEvent.id, leader: { name: leader } },
    include: { steps: true },
  });
  expect(entry.status).toBe("confirmed");
  expect(entry.steps[0]!.note).toBe("two\r\nlines; quoted");
  await context.close();

  await page.goto(`/events/${testEvent.slug}`);
  await expect(page.getByRole("link", { name: leader, exact: true })).toBeVisible();
  // The code the file gave is the leader's: their flag is in the list.
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: leader }) });
  await expect(row.locator("svg.flag use")).toHaveAttribute("href", "#flag-PL");
});
