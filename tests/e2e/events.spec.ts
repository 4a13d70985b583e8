import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { createEntry } from "../factories";
import { expect, test, type TestEvent } from "../fixtures";
import { chooseSource } from "./helpers/steps";

const unique = () => randomBytes(3).toString("hex");

/** A reader without a session: the cached public pages, as everyone else sees them. */
async function reader(browser: Browser) {
  const context = await browser.newContext();
  return { page: await context.newPage(), close: () => context.close() };
}

async function createEvent(page: Page, name: string, date = "2024-09-14") {
  await page.goto("/admin/events/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Date").fill(date);
  await page.getByLabel("Place").fill("Baie-Comeau");
  await page.getByLabel("Occasion").fill("Coastal leaders' summit");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Event created" })).toBeVisible();
}

/** From the event's public page: "Add a leader to this event", a new leader, one quote. */
async function addLeaderFromEventPage(
  page: Page,
  source: TestEvent,
  leader: { name: string; status: "Confirmed" | "Declined"; quote: string },
) {
  await page.getByRole("link", { name: "Add a leader to this event" }).click();
  await expect(page.getByRole("heading", { name: "New entry" })).toBeVisible();
  await page.getByLabel("A new leader").check();
  await page.getByLabel("Name", { exact: true }).fill(leader.name);
  await page.getByLabel("Office").fill("President");
  await page.getByLabel("Country or entity").fill("Ruritania");
  await page.getByRole("radio", { name: new RegExp(`^${leader.status}`) }).check();
  await chooseSource(
    page.getByLabel("Source of citation 1"),
    `${source.sourceTitle} (Example Wire)`,
  );
  await page.getByLabel("Quote of citation 1").fill(leader.quote);
  await page.getByRole("button", { name: "Create entry" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Entry created" })).toBeVisible();
}

test("an editor creates an event, adds two leaders from its page, finds it listed with its counts, exports it, renames its address, and cannot delete it while it has entries", async ({
  signedIn: page,
  testEvent: source,
  browser,
  db,
}) => {
  // A long flow through many pages (axe on each): more than one ordinary test's time.
  test.slow();
  const id = unique();
  const name = `Sommet de la Baie ${id}`;
  await createEvent(page, name);
  const slug = `sommet-de-la-baie-${id}-2024`;
  await page.getByRole("link", { name: "View public page" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${slug}$`));
  await expect(page.getByText("No leaders have been added to this event yet.")).toBeVisible();

  // The entry form opens with this event chosen.
  await page.getByRole("link", { name: "Add a leader to this event" }).click();
  await expect(page.getByLabel("Event", { exact: true })).toHaveValue(
    String((await db.event.findUniqueOrThrow({ where: { slug } })).id),
  );
  await page.goBack();
  await addLeaderFromEventPage(page, source, {
    name: `Anna Example ${id}`,
    status: "Confirmed",
    quote: "Ruritania's President Anna Example will attend the Harbour Summit",
  });
  await page.goto(`/events/${slug}`);
  await addLeaderFromEventPage(page, source, {
    name: `King Ottokar ${id}`,
    status: "Declined",
    quote: "Syldavia's King Ottokar declined the invitation",
  });

  // A reader sees it at once, with its counts, on /events and on its page.
  const anyone = await reader(browser);
  await anyone.page.goto("/events");
  const item = anyone.page.getByRole("listitem").filter({ hasText: name });
  await expect(item).toContainText("14 September 2024");
  await expect(item).toContainText("Baie-Comeau");
  await expect(item).toContainText("2 leaders");
  await expect(item).toContainText("1 confirmed");
  await expect(item).toContainText("0 reported");
  await expect(item).toContainText("1 declined");
  await item.getByRole("link", { name }).click();
  // The event is past: its counts are by what happened, and nobody has reported that yet.
  const counts = anyone.page.getByLabel("Entries by outcome");
  await expect(counts).toContainText("Leaders2");
  await expect(counts).toContainText("Attended0");
  await expect(counts).toContainText("Confirmed, no report of attendance yet1");
  await expect(counts).toContainText("Declined, no report of attendance1");
  await expect(anyone.page.getByRole("link", { name: "Add a leader to this event" })).toHaveCount(
    0,
  );

  // Its CSV.
  const href = await anyone.page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const csv = await anyone.page.request.get(href!);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines).toHaveLength(3);
  expect(lines.slice(1).every((l) => l.startsWith(`${slug},`))).toBe(true);

  // A new address: the old one, its CSV and its API answer with a permanent redirect.
  await page.goto("/admin/events");
  await page.getByRole("link", { name }).click();
  await page.getByLabel("Address (slug)").fill(`baie-${id}`);
  await page.getByRole("button", { name: "Save event" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  for (const [from, to] of [
    [`/events/${slug}`, `/events/baie-${id}`],
    [`/events/${slug}?status=declined`, `/events/baie-${id}?status=declined`],
    [`/events/${slug}?sort=country`, `/events/baie-${id}?sort=country`],
    [`/api/events/${slug}/attendance`, `/api/events/baie-${id}/attendance`],
    [
      `/api/events/${slug}/attendance?status=reported`,
      `/api/events/baie-${id}/attendance?status=reported`,
    ],
    [`/events/${slug}/attendance.csv`, `/events/baie-${id}/attendance.csv`],
    [`/api/events/${slug}/attendance?limit=1`, `/api/events/baie-${id}/attendance?limit=1`],
  ]) {
    const response = await anyone.page.request.get(from!, { maxRedirects: 0 });
    expect(response.status(), from).toBe(308);
    // Next repeats the header on the render that first caches the redirect, always the same.
    const locations = response
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "location")
      .map((h) => h.value);
    expect(locations.length, from).toBeGreaterThan(0);
    expect(new Set(locations), from).toEqual(new Set([to]));
  }
  await anyone.page.goto(`/events/${slug}`);
  await expect(anyone.page).toHaveURL(new RegExp(`/events/baie-${id}$`));
  await expect(anyone.page.getByRole("heading", { level: 1, name })).toBeVisible();
  await anyone.close();

  // Deleting is refused while it has entries, naming them.
  const deleteSection = page.getByRole("region", { name: "Delete this event" });
  await expect(deleteSection.getByRole("link", { name: `Delete ${name}` })).toHaveCount(0);
  await expect(deleteSection).toContainText("cannot be deleted while it has entries (2)");
  await expect(deleteSection.getByRole("link", { name: `Anna Example ${id}` })).toBeVisible();

  // Every change is on /changes, linked to the event.
  await page.goto(`/changes?event=baie-${id}`);
  await expect(page.getByRole("link", { name: `Event: ${name}` }).first()).toHaveAttribute(
    "href",
    `/events/baie-${id}`,
  );
});

test("deleting an event that got an entry after the page was opened is refused, naming it; an empty event is deleted", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const id = unique();
  await createEvent(page, `Late Summit ${id}`, "2023-03-03");
  const event = await db.event.findUniqueOrThrow({ where: { slug: `late-summit-${id}-2023` } });
  await page.getByRole("link", { name: `Delete Late Summit ${id}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Delete Late Summit ${id}?`);
  // Another editor adds an entry meanwhile.
  const leader = await db.leader.create({
    data: { name: `Late Leader ${id}`, office: "King", polity: "Syldavia" },
  });
  const quote = "Syldavia's King Ottokar declined the invitation";
  await createEntry(db, {
    eventId: event.id,
    leader: leader.id,
    steps: [{ status: "declined", citations: [{ sourceId: testEvent.sourceId, quote }] }],
  });
  await page.getByRole("button", { name: `Delete Late Summit ${id}` }).click();
  await expect(page.getByRole("alert").filter({ hasText: "cannot be deleted" })).toContainText(
    `Late Leader ${id}`,
  );
  expect(await db.event.count({ where: { id: event.id } })).toBe(1);

  await createEvent(page, `Empty Summit ${id}`, "2023-03-04");
  await page.getByRole("link", { name: "View public page" }).click();
  await expect(page.getByText("No leaders have been added to this event yet.")).toBeVisible();
  const csv = await page.request.get(`/events/empty-summit-${id}-2023/attendance.csv`);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).trim().split("\r\n")).toHaveLength(1);
  await page.goBack();
  await page.getByRole("link", { name: `Delete Empty Summit ${id}` }).click();
  await page.getByRole("button", { name: `Delete Empty Summit ${id}` }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "The event was deleted." }),
  ).toBeVisible();
  expect((await page.request.get(`/events/empty-summit-${id}-2023`)).status()).toBe(404);

  // Its history stays readable on /changes, without a dead link.
  await page.goto("/changes");
  const subject = page.getByRole("link", { name: `Event: Empty Summit ${id}` }).first();
  await subject.click();
  await expect(page.getByText("The history of one event only.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "deleted by" })).toHaveCount(1);
});

test("an empty event's page, map and CSV work for a reader", async ({ page, db }) => {
  const id = unique();
  const event = await db.event.create({
    data: {
      slug: `quiet-summit-${id}`,
      name: `Quiet Summit ${id}`,
      place: "Nowhere",
      date: new Date("2001-01-01T00:00:00Z"),
      endDate: new Date("2001-01-01T00:00:00Z"),
      occasion: "Nobody came",
    },
  });
  const response = await page.goto(`/events/${event.slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText("No leaders have been added to this event yet.")).toBeVisible();
  await expect(page.getByRole("group", { name: "No leaders yet" })).toBeVisible();
  await expect(page.getByText("No country is shaded yet")).toBeVisible();
  const csv = await page.request.get(`/events/${event.slug}/attendance.csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
});

test("the home page says why it features its event, and an editor's pin shows at once", async ({
  signedIn: page,
  browser,
  db,
}) => {
  // The seeded parade, already featured as the most recent event: pinning it changes the
  // reason the page gives, not the event, so tests reading "/" meanwhile are not disturbed.
  const parade = await db.event.findUniqueOrThrow({ where: { slug: "victory-day-parade-2025" } });
  const anyone = await reader(browser);
  await anyone.page.goto("/");
  const heading = anyone.page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(parade.name);
  await expect(
    anyone.page.getByText("Featured here as the most recent event: none is upcoming."),
  ).toBeVisible();
  // The home page by a status and in another order, and a search of it (cached too: the
  // reliability suite's csp.spec checks their HIT, as every event's edit here revalidates them),
  // and the pin shows there.
  const views = ["/?status=confirmed&sort=country", "/?q=xi"];
  for (const view of views) {
    await anyone.page.goto(view);
    await expect(
      anyone.page.getByText("Featured here as the most recent event: none is upcoming."),
    ).toBeVisible();
  }

  await page.goto(`/admin/events/${parade.id}`);
  await page.getByRole("button", { name: "Pin to the home page" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Pinned" })).toBeVisible();
  try {
    await anyone.page.goto("/");
    await expect(
      anyone.page.getByText("Featured here because the editors pinned it."),
    ).toBeVisible();
    await expect(heading).toHaveText(parade.name);
    for (const view of views) {
      await anyone.page.goto(view);
      await expect(
        anyone.page.getByText("Featured here because the editors pinned it."),
      ).toBeVisible();
    }
    await expect(anyone.page.getByLabel("Search name, office or country")).toHaveValue("xi");
  } finally {
    await page.getByRole("button", { name: "Unpin from the home page" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Unpinned" })).toBeVisible();
  }
  await anyone.page.goto("/");
  await expect(
    anyone.page.getByText("Featured here as the most recent event: none is upcoming."),
  ).toBeVisible();
  const revisions = await db.revision.findMany({
    where: { entityType: "event", entityId: parade.id },
    orderBy: { id: "asc" },
  });
  expect(revisions.slice(-2).map((r) => r.summary)).toEqual([
    "Pinned to the home page",
    "Unpinned from the home page: the date rule chooses again",
  ]);
  await anyone.close();
});
