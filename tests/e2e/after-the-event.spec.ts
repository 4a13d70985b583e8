import { parse } from "csv-parse/sync";
import type { Page } from "@playwright/test";
import { createEntry, createEvent, createLeader, createSource } from "../factories";
import { expect, test } from "../fixtures";
import { chooseSource } from "./helpers/steps";
import { WIRE_REPORTS, type WireReportKey } from "./fixtures/wire-reports";

/**
 * After the event: an editor records, from three wire reports, who came, who did not, who
 * came in part and who was sent instead; the list, the as-of view, the map, both CSVs and the
 * API follow. Each test makes its own event, leaders and sources.
 */

async function parade(db: Parameters<typeof createEvent>[0]) {
  // A year before the seeded parade: the home page features the most recent event, and this
  // one must not take its place.
  const event = await createEvent(db, { date: "2024-05-09" });
  const tag = String(event.id);
  const sources = new Map<WireReportKey, { id: number; option: string }>();
  for (const report of WIRE_REPORTS) {
    const source = await createSource(db, {
      title: `${report.title} ${tag}`,
      text: report.text,
      publishedOn: report.publishedOn,
    });
    sources.set(report.key, { id: source.id, option: `${source.title} (Example Wire)` });
  }
  const cite = (key: WireReportKey, quote: string) => [{ sourceId: sources.get(key)!.id, quote }];
  const leader = (name: string, office: string, polity: string, countryCode: string) =>
    createLeader(db, { name: `${name} ${tag}`, office, polity, countryCode });
  const planned = async (name: string, polity: string, code: string, quote: string) =>
    createEntry(db, {
      eventId: event.id,
      leader: (await leader(name, "President", polity, code)).id,
      steps: [{ status: "confirmed", asOf: "2024-04-20", citations: cite("plans", quote) }],
    });
  const entries = {
    xi: await planned("Xi Jinping", "China", "CN", "Xi Jinping will attend the Victory Day parade"),
    lula: await planned("Lula da Silva", "Brazil", "BR", "will travel to Moscow for the parade"),
    aliyev: await planned("Ilham Aliyev", "Azerbaijan", "AZ", "Ilham Aliyev will attend"),
    fico: await planned("Robert Fico", "Slovakia", "SK", "Robert Fico said he will go to Moscow"),
  };
  const modi = await leader("Narendra Modi", "Prime Minister", "India", "IN");
  const singh = await leader("Rajnath Singh", "Defence Minister", "India", "IN");
  return { event, tag, sources, entries, modi, singh };
}

type Parade = Awaited<ReturnType<typeof parade>>;

/** Adds a step through the entry's "Add a step" form. */
async function addStep(
  page: Page,
  p: Parade,
  entryId: number,
  step: { claim: RegExp; asOf: string; source: WireReportKey; quote: string; note?: string },
) {
  await page.goto(`/admin/entries/${entryId}`);
  const add = page.getByRole("form", { name: "Add a step" });
  await add.getByRole("radio", { name: step.claim }).check();
  await add.getByLabel("As of").fill(step.asOf);
  await chooseSource(add.getByLabel("Source of citation 1"), p.sources.get(step.source)!.option);
  await add.getByLabel("Quote of citation 1").fill(step.quote);
  if (step.note) await add.getByLabel("Public note on this status").fill(step.note);
  await add.getByRole("button", { name: "Add step" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Step added." })).toBeVisible();
}

/** Records the parade day's report, and Modi declined, represented by Rajnath Singh. */
async function recordOutcomes(page: Page, p: Parade) {
  const day = { asOf: "2024-05-09", source: "parade-day" as const };
  await addStep(page, p, p.entries.xi.id, {
    ...day,
    claim: /^Attended/,
    quote: "Xi and Lula watched the parade from the stands",
  });
  await addStep(page, p, p.entries.lula.id, {
    ...day,
    claim: /^Attended/,
    quote: "Xi and Lula watched the parade from the stands",
  });
  await addStep(page, p, p.entries.aliyev.id, {
    ...day,
    claim: /^Did not attend/,
    quote: "Aliyev did not attend",
  });
  await addStep(page, p, p.entries.fico.id, {
    ...day,
    claim: /^Partly attended/,
    quote: "Fico was in Moscow but skipped the parade",
    note: "in Moscow; did not attend the parade",
  });

  // Modi's entry, from the event's page: the event is chosen, and named beside the button.
  await page.goto(`/events/${p.event.slug}`);
  await page.getByRole("link", { name: "Add a leader to this event" }).click();
  await expect(page.getByLabel("Event", { exact: true })).toHaveValue(String(p.event.id));
  await expect(page.getByText(`Saves to ${p.event.name}, 9 May 2024`)).toBeVisible();
  await page
    .getByLabel("Existing leader", { exact: true })
    .selectOption({ label: `Narendra Modi ${p.tag} (India)` });
  await page.getByRole("radio", { name: /^Declined/ }).check();
  await page.getByLabel("As of").fill("2024-05-06");
  await page
    .getByLabel("Represented by")
    .selectOption({ label: `Rajnath Singh ${p.tag} (Defence Minister, India)` });
  await chooseSource(page.getByLabel("Source of citation 1"), p.sources.get("india")!.option);
  await page
    .getByLabel("Quote of citation 1")
    .fill("India will be represented by Defence Minister Rajnath Singh");
  await page.getByRole("button", { name: "Create entry" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Entry created" })).toBeVisible();
}

test("after the parade its page leads with who came, and as of the day before with the plans", async ({
  signedIn: page,
  db,
}) => {
  test.setTimeout(300_000);
  const p = await parade(db);
  await recordOutcomes(page, p);

  await page.goto(`/events/${p.event.slug}`);
  for (const heading of [
    "Attended (2)",
    "Partly attended (1)",
    "Did not attend (1)",
    "Declined, no report of attendance (1)",
  ]) {
    await expect(page.getByRole("heading", { level: 3, name: heading })).toBeVisible();
  }
  const counts = page.getByRole("definition");
  const byOutcome = page.getByLabel("Entries by outcome");
  await expect(byOutcome).toContainText("Attended2");
  await expect(byOutcome).toContainText("Did not attend1");
  await expect(byOutcome).toContainText("Leaders5");
  await expect(counts.first()).toHaveText("5");

  // Fico's row: the outcome with its public note beside it.
  const fico = page.getByRole("row").filter({ hasText: `Robert Fico ${p.tag}` });
  await expect(fico).toContainText("Partly attended");
  await expect(fico).toContainText("in Moscow; did not attend the parade");
  // Modi's row: his own status, and who represented him, under his name; Singh is no row.
  const modi = page.getByRole("row").filter({ hasText: `Narendra Modi ${p.tag}` });
  await expect(modi).toContainText("Declined: represented by Defence Minister Rajnath Singh");
  await expect(page.getByRole("link", { name: `Rajnath Singh ${p.tag}`, exact: true })).toHaveCount(
    0,
  );

  // The day before the parade: the plans, no outcome headings.
  await page.goto(`/events/${p.event.slug}?asOf=2024-05-08`);
  await expect(page.getByRole("heading", { level: 3, name: /^Attended/ })).toHaveCount(0);
  await expect(page.getByLabel("Entries by status")).toContainText("Confirmed4");
  const xi = page.getByRole("row").filter({ hasText: `Xi Jinping ${p.tag}` });
  await expect(xi.getByRole("cell").nth(1)).toHaveText("Confirmed");
  await expect(page.getByRole("row").filter({ hasText: `Narendra Modi ${p.tag}` })).toContainText(
    "represented by Defence Minister Rajnath Singh",
  );
});

test("the map shades India by Modi's own status, says it was represented, and its legend says how", async ({
  signedIn: page,
  db,
}) => {
  test.setTimeout(300_000);
  const p = await parade(db);
  await recordOutcomes(page, p);

  await page.goto(`/events/${p.event.slug}`);
  const map = page.getByRole("group", { name: /leaders from/ });
  await expect(map).toHaveAttribute("aria-label", /1 represented by someone else/);
  const india = map.locator("a").filter({
    has: page.locator("title", { hasText: `Narendra Modi ${p.tag}` }),
  });
  await expect(india.locator("title")).toHaveText(
    `Narendra Modi ${p.tag}, India: Declined, represented by Defence Minister Rajnath Singh ${p.tag}`,
  );
  await expect(india.locator("path")).toHaveAttribute("fill", "url(#map-declined)");
  const slovakia = map.locator("a").filter({
    has: page.locator("title", { hasText: `Robert Fico ${p.tag}` }),
  });
  await expect(slovakia.locator("title")).toContainText(
    "Partly attended (in Moscow; did not attend the parade)",
  );
  const legend = page.getByRole("list", { name: "Map legend" });
  for (const item of ["Declined", "Attended", "Partly attended", "Did not attend"]) {
    await expect(
      legend.getByRole("listitem").filter({ hasText: new RegExp(`^${item}$`) }),
    ).toHaveCount(1);
  }
  await expect(legend).toContainText("Diamond: represented by someone else");
});

test("both CSVs and the API carry the outcome, the representative and the notes", async ({
  signedIn: page,
  db,
}) => {
  test.setTimeout(300_000);
  const p = await parade(db);
  await recordOutcomes(page, p);
  const request = page.request;

  const wide = parse(await (await request.get(`/events/${p.event.slug}/attendance.csv`)).text(), {
    columns: true,
  }) as Record<string, string>[];
  const row = (name: string) => wide.find((r) => r.leader === `${name} ${p.tag}`)!;
  expect(wide).toHaveLength(5);
  expect(row("Xi Jinping")).toMatchObject({ status: "confirmed", outcome: "attended" });
  expect(row("Robert Fico")).toMatchObject({
    outcome: "partly_attended",
    step_note: "in Moscow; did not attend the parade",
  });
  expect(row("Narendra Modi")).toMatchObject({
    status: "declined",
    outcome: "",
    represented_by: `Rajnath Singh ${p.tag}`,
    event_date: "2024-05-09",
    event_end_date: "2024-05-09",
  });

  const long = parse(
    await (await request.get(`/events/${p.event.slug}/attendance.csv?format=long`)).text(),
    { columns: true },
  ) as Record<string, string>[];
  const fico = long.filter((r) => r.leader === `Robert Fico ${p.tag}`);
  expect(fico.map((r) => [r.status, r.outcome, r.as_of, r.current, r.step_note])).toEqual([
    ["confirmed", "", "2024-04-20", "false", ""],
    ["confirmed", "partly_attended", "2024-05-09", "true", "in Moscow; did not attend the parade"],
  ]);

  const api = await (await request.get(`/api/events/${p.event.slug}/attendance`)).json();
  expect(api.event).toMatchObject({ date: "2024-05-09", endDate: "2024-05-09" });
  expect(api.counts.outcome).toMatchObject({ attended: 2, partly_attended: 1, did_not_attend: 1 });
  const modi = api.entries.find((e: { leader: { name: string } }) =>
    e.leader.name.startsWith("Narendra Modi"),
  );
  expect(modi).toMatchObject({
    status: "declined",
    outcome: null,
    representedBy: { name: `Rajnath Singh ${p.tag}`, office: "Defence Minister" },
  });
  const ficoJson = api.entries.find((e: { leader: { name: string } }) =>
    e.leader.name.startsWith("Robert Fico"),
  );
  expect(ficoJson).toMatchObject({
    outcome: "partly_attended",
    stepNote: "in Moscow; did not attend the parade",
  });
  expect(ficoJson.story.at(-1)).toMatchObject({ outcome: "partly_attended", current: true });
});

test("a two-day event is listed on /events with its range", async ({ signedIn: page }) => {
  const name = `SCO Summit ${Date.now()}`;
  await page.goto("/admin/events/new");
  await page.getByLabel("Name").fill(name);
  // Before the seeded parade, so the home page keeps featuring it as the most recent event.
  await page.getByLabel("Date (first day)").fill("2024-07-03");
  await page.getByLabel("Last day (optional)").fill("2024-07-04");
  await page.getByLabel("Place").fill("Astana");
  await page.getByLabel("Occasion").fill("Summit of the Shanghai Cooperation Organisation");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Event created" })).toBeVisible();

  await page.goto("/events");
  const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name }) });
  await expect(item).toContainText("3 – 4 July 2024 · Astana");
});

test("New entry opened from /admin has no event chosen", async ({ signedIn: page }) => {
  await page.getByRole("link", { name: "New entry" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New entry" })).toBeVisible();
  await expect(page.getByLabel("Event", { exact: true })).toHaveValue("");
  await expect(page.getByText("No event chosen yet: choose one above.")).toBeVisible();
});
