import { randomBytes } from "node:crypto";
import { createEntry } from "../factories";
import { expect, test, type TestEvent } from "../fixtures";
import { expectNoSeriousA11yViolations } from "./helpers/a11y";

const unique = () => randomBytes(3).toString("hex");
type Db = Parameters<Parameters<typeof test>[2]>[0]["db"];

/** A leader record with one entry for `event`, citing its source, as an editor left it. */
async function leaderWithEntry(db: Db, event: TestEvent, eventId: number, name: string) {
  const quote = "Borduria's leader Boris Sample is expected to attend";
  const entry = await createEntry(db, {
    eventId,
    leader: { name, office: "Leader", polity: "Borduria" },
    steps: [{ status: "reported", citations: [{ sourceId: event.sourceId, quote }] }],
  });
  return { leader: entry.leader, entry };
}

test('adding the alias "Lukashenka" makes the list search find Alexander Lukashenko, and the entry page lists it', async ({
  signedIn: page,
  db,
}) => {
  await page.goto("/admin/leaders?q=lukashenko");
  await page.getByRole("link", { name: "Alexander Lukashenko" }).click();
  await page.getByLabel("Aliases").fill("Lukashenka\nŁukaszenka");
  await page.getByRole("button", { name: "Save leader" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

  for (const q of ["Lukashenka", "lukaszenka", "ŁUKASZENKA"]) {
    await page.goto(`/events/victory-day-parade-2025?q=${encodeURIComponent(q)}`);
    const rows = page.getByRole("table").getByRole("row").filter({ hasText: "Lukashenko" });
    await expect(rows, q).toHaveCount(1);
    await expect(page.getByRole("status").filter({ hasText: "Showing 1 of" })).toBeVisible();
  }
  await page.goto("/admin?q=lukashenka");
  await expect(page.getByRole("link", { name: /^Edit Alexander Lukashenko/ })).toBeVisible();

  const entry = await db.attendance.findFirstOrThrow({
    where: { leader: { name: "Alexander Lukashenko" } },
  });
  await page.goto(`/attendance/${entry.id}`);
  await expect(page.getByText("Also written: Lukashenka, Łukaszenka")).toBeVisible();
});

test("a leader's Wikidata id is validated and linked from the entry page", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const { leader, entry } = await leaderWithEntry(db, testEvent, testEvent.id, `Wiki ${unique()}`);
  await page.goto(`/admin/leaders/${leader.id}`);
  await page.getByLabel("Wikidata id").fill("312");
  await page.getByRole("button", { name: "Save leader" }).click();
  await expect(page.getByLabel("Wikidata id")).toHaveAttribute("aria-invalid", "true");
  // Said by the field, and listed in the summary at the top.
  await expect(page.locator("#wikidataId-error")).toContainText(
    "A Wikidata id is Q followed by digits",
  );
  await page.getByLabel("Wikidata id").fill("q312");
  await page.getByRole("button", { name: "Save leader" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await page.goto(`/attendance/${entry.id}`);
  await expect(page.getByRole("link", { name: "Wikidata: Q312" })).toHaveAttribute(
    "href",
    "https://www.wikidata.org/wiki/Q312",
  );
});

test("merging two records of one leader moves the entries and records it on both", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const id = unique();
  const other = await db.event.create({
    data: {
      slug: `other-summit-${id}`,
      name: `Other Summit ${id}`,
      place: "Port Example",
      date: new Date("2000-07-01T00:00:00Z"),
      endDate: new Date("2000-07-01T00:00:00Z"),
      occasion: "A second test event",
    },
  });
  const keep = await leaderWithEntry(db, testEvent, testEvent.id, `Boris Sample ${id}`);
  const twin = await leaderWithEntry(db, testEvent, other.id, `Borys Sample ${id}`);

  await page.goto(`/admin/leaders/${keep.leader.id}`);
  await page.getByRole("searchbox", { name: "Find the other record" }).fill(`Borys Sample ${id}`);
  await page.getByRole("button", { name: "Find" }).click();
  await page.getByRole("radio", { name: new RegExp(`^Borys Sample ${id}`) }).check();
  await page.getByRole("button", { name: "Review the merge…" }).click();
  // The confirmation says what will happen before anything does.
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    `Merge Borys Sample ${id} (Leader, Borduria) into Boris Sample ${id}?`,
  );
  await expect(page.getByRole("main")).toContainText(
    `1 entry move to Boris Sample ${id}: ${other.name}`,
  );
  await expect(page.getByRole("main")).toContainText(`“Borys Sample ${id}” become an alias`);
  expect(await db.leader.count({ where: { id: twin.leader.id } })).toBe(1);
  await page.getByRole("button", { name: `Merge into Boris Sample ${id}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Merged" })).toBeVisible();
  await expect(page.getByLabel("Aliases")).toHaveValue(`Borys Sample ${id}`);

  const moved = await db.attendance.findUniqueOrThrow({ where: { id: twin.entry.id } });
  expect(moved.leaderId).toBe(keep.leader.id);
  expect(await db.leader.count({ where: { id: twin.leader.id } })).toBe(0);
  await page.goto(`/events/${other.slug}`);
  await expect(page.getByRole("table")).toContainText(`Boris Sample ${id}`);

  await page.goto("/changes");
  const merged = page.getByRole("listitem").filter({ hasText: `Borys Sample ${id} (#` });
  await expect(merged.filter({ hasText: "deleted by" })).toHaveCount(1);
  await expect(
    merged
      .filter({ hasText: "changed by" })
      .getByRole("link", { name: `Leader: Boris Sample ${id}` }),
  ).toHaveAttribute("href", `/leaders/${keep.leader.id}`);
  await expect(
    merged
      .filter({ hasText: "deleted by" })
      .getByRole("link", { name: `Leader: Borys Sample ${id}` }),
  ).toHaveAttribute("href", `/changes?about=leader-${twin.leader.id}`);
});

test("a merge that would give one leader two entries for one event is refused", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const id = unique();
  const keep = await leaderWithEntry(db, testEvent, testEvent.id, `Ana Example ${id}`);
  const twin = await leaderWithEntry(db, testEvent, testEvent.id, `Anna Exampel ${id}`);
  await page.goto(
    `/admin/leaders/${keep.leader.id}?merge=${encodeURIComponent(`Anna Exampel ${id}`)}`,
  );
  await page.getByRole("radio", { name: new RegExp(`^Anna Exampel ${id}`) }).check();
  await page.getByRole("button", { name: "Review the merge…" }).click();
  // The confirmation says it cannot be done, and offers no button to try.
  await expect(page.getByRole("main")).toContainText(
    `cannot be merged: both have an entry for ${testEvent.name}`,
  );
  await expect(page.getByRole("button", { name: /^Merge into/ })).toHaveCount(0);
  expect((await db.attendance.findUniqueOrThrow({ where: { id: twin.entry.id } })).leaderId).toBe(
    twin.leader.id,
  );
  expect(await db.leader.count({ where: { id: twin.leader.id } })).toBe(1);
});

test("creating a leader whose name is taken warns in the form, with a link, before saving", async ({
  signedIn: page,
  db,
}) => {
  const maduro = await db.leader.findFirstOrThrow({ where: { name: "Nicolas Maduro" } });
  // Only this name's records: other tests add leaders to the same database meanwhile.
  const named = () => db.leader.count({ where: { name: "nicolás maduro" } });
  const before = await named();
  await page.goto("/admin/leaders/new");
  await page.getByLabel("Name").fill("nicolás maduro");
  // While typing, before any save.
  const warning = page.getByRole("link", { name: /^Nicolas Maduro \(President, Venezuela\)/ });
  await expect(warning.first()).toHaveAttribute("href", `/admin/leaders/${maduro.id}`);
  await page.getByLabel("Office").fill("President");
  await page.getByLabel("Country or entity").fill("Venezuela");
  await page.getByRole("button", { name: "Create leader" }).click();
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "There is already Nicolas Maduro (President, Venezuela)" }),
  ).toBeVisible();
  expect(await named()).toBe(before);
  await expect(page.getByLabel("Name")).toHaveValue("nicolás maduro");
  await expect(page.getByLabel("This is another person: save a separate record")).toBeVisible();
});

test("deleting a cited source is refused, naming its entries; an uncited one is deleted", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const id = unique();
  const source = await db.source.create({
    data: {
      title: `Mistaken report ${id}`,
      publisher: "Example Wire",
      url: `https://example.org/mistake/${id}`,
      text: testEvent.text,
    },
  });
  await page.goto(`/admin/sources/${source.id}`);
  // The delete button asks first, on a page of its own.
  await page.getByRole("link", { name: "Delete source" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Delete the source “Mistaken report ${id}”?`,
  );
  // Meanwhile another editor cites it.
  const leader = await db.leader.create({
    data: { name: `Cites ${id}`, office: "King", polity: "Syldavia" },
  });
  const quote = "Syldavia's King Ottokar declined the invitation";
  const entry = await createEntry(db, {
    eventId: testEvent.id,
    leader: leader.id,
    steps: [{ status: "declined", citations: [{ sourceId: source.id, quote }] }],
  });
  await page.getByRole("button", { name: "Delete source" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "cannot be deleted" })).toContainText(
    `Cites ${id} (${testEvent.name})`,
  );
  expect(await db.source.count({ where: { id: source.id } })).toBe(1);
  await page.goto(`/admin/sources/${source.id}`);
  await expect(page.getByRole("region", { name: "Delete this source" })).toContainText(
    `Cites ${id}`,
  );

  await db.attendance.delete({ where: { id: entry.id } });
  await page.reload();
  await page.getByRole("link", { name: "Delete source" }).click();
  await page.getByRole("button", { name: "Delete source" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "The source was deleted." }),
  ).toBeVisible();
  expect(await db.source.count({ where: { id: source.id } })).toBe(0);
  expect((await page.request.get(`/sources/${source.id}`)).status()).toBe(404);
});

test("the editors' new pages pass axe's WCAG A and AA rules, warnings and merge choices shown", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  // A long flow through many pages (axe on each): more than one ordinary test's time.
  test.slow();
  const id = unique();
  const keep = await leaderWithEntry(db, testEvent, testEvent.id, `Axe Leader ${id}`);
  await leaderWithEntry(db, testEvent, testEvent.id, `Axe Leader ${id}`);
  const paths = [
    "/admin/events",
    `/admin/events/${testEvent.id}`,
    "/admin/events/new",
    `/admin/leaders/${keep.leader.id}`,
    `/admin/sources/${testEvent.sourceId}`,
    `/leaders/${keep.leader.id}`,
    "/changes",
  ];
  for (const path of paths) {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  }
  await expect(page.getByRole("link", { name: /^Event:|^Leader:|·/ }).first()).toBeVisible();
  await page.goto("/admin/leaders/new");
  await page.getByLabel("Name").fill(`axe leader ${id}`);
  await expect(page.getByText(`There is already Axe Leader ${id}`).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
