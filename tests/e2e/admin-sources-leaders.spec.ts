import { expect, test } from "../fixtures";
import { createEntry } from "../factories";

test("an editor creates a source; a non-web address is refused and the input kept", async ({
  signedIn: page,
  db,
}) => {
  const title = `Wire report ${Date.now()}`;
  await page.goto("/admin/sources/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Publisher").fill("Example Wire");
  await page.getByLabel("Web address").fill("javascript:alert(1)");
  await page
    .getByLabel("Full text")
    .fill("Leaders gathered on Monday. The host said all were welcome.");
  await page.getByRole("button", { name: "Create source" }).click();
  // Said by the field, and listed in the summary at the top.
  await expect(page.locator("#url-error")).toHaveText(
    "Enter a web address that starts with http:// or https://.",
  );
  await expect(page.getByLabel("Title")).toHaveValue(title);
  expect(await db.source.count({ where: { title } })).toBe(0);

  await page.getByLabel("Web address").fill("https://example.org/wire/1");
  await page.getByRole("button", { name: "Create source" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Source created." })).toBeVisible();
  await page.getByRole("link", { name: "View public page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

test("a source edit that moves a citation relocates it, and the save says so", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const quote = "Borduria's leader Boris Sample is expected to attend";
  const start = testEvent.text.indexOf(quote);
  const entry = await createEntry(db, {
    eventId: testEvent.id,
    leader: { name: `Boris Sample ${testEvent.id}`, office: "Leader", polity: "Borduria" },
    steps: [{ status: "reported", citations: [{ sourceId: testEvent.sourceId, quote }] }],
  });

  await page.goto(`/admin/sources/${testEvent.sourceId}`);
  await page.getByLabel("Full text").fill(`UPDATE: details added.\n${testEvent.text}`);
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(
    page.getByRole("status").filter({
      hasText: "Saved as version 2 of the text: 1 citation re-found exactly.",
    }),
  ).toBeVisible();
  const citation = await db.citation.findFirstOrThrow({
    where: { step: { attendanceId: entry.id } },
    include: { source: true },
  });
  expect(citation.start).toBe(start + "UPDATE: details added.\n".length);
  expect(citation.source.text.slice(citation.start, citation.end)).toBe(quote);

  await page.goto(`/sources/${testEvent.sourceId}#passage-${citation.start}-${citation.end}`);
  await expect(page.locator("mark:target")).toHaveText(quote);
});

test("an editor renames a leader and the public list shows it; a leader in use cannot be deleted", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const leader = await db.leader.create({
    data: {
      name: `Kinbote ${testEvent.id}`,
      office: "Prime Minister",
      polity: "Zembla",
      searchText: "kinbote",
    },
  });
  const quote = "Zembla’s Prime Minister Kinbote “will not travel”";
  await createEntry(db, {
    eventId: testEvent.id,
    leader: leader.id,
    steps: [{ status: "declined", citations: [{ sourceId: testEvent.sourceId, quote }] }],
  });

  await page.goto(`/admin/leaders/${leader.id}`);
  await expect(
    page.getByText(`Kinbote ${testEvent.id} cannot be deleted while entries use this leader.`),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await page.getByLabel("Name").fill(`Charles Kinbote ${testEvent.id}`);
  await page.getByRole("button", { name: "Save leader" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await page.goto(`/events/${testEvent.slug}`);
  await expect(
    page
      .getByRole("table")
      .getByRole("link", { name: `Charles Kinbote ${testEvent.id}`, exact: true }),
  ).toBeVisible();
  await expect(page.getByRole("table").getByText("Declined", { exact: true })).toBeVisible();
});

test("an unused leader can be deleted", async ({ signedIn: page, db }) => {
  const leader = await db.leader.create({
    data: {
      name: `Unused ${Date.now()}`,
      office: "Envoy",
      polity: "Nowhere",
      searchText: "unused",
    },
  });
  await page.goto(`/admin/leaders/${leader.id}`);
  await page.getByRole("link", { name: `Delete ${leader.name}` }).click();
  await expect(page.getByRole("main")).toContainText("No entry uses it.");
  await page.getByRole("button", { name: `Delete ${leader.name}` }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "The leader was deleted." }),
  ).toBeVisible();
  expect(await db.leader.count({ where: { id: leader.id } })).toBe(0);
});
