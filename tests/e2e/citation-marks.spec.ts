import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { createEntry } from "../factories";

const BORIS = "Borduria's leader Boris Sample is expected to attend as well";
const OTTOKAR = "Syldavia's King Ottokar declined the invitation";

/** Every citation marker on the event's list lands on a passage its page shows. */
async function expectEveryMarkerLands(page: Page, slug: string) {
  await page.goto(`/events/${slug}`);
  const hrefs = await page
    .getByRole("list", { name: /^Citations for / })
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) {
    await page.goto(href);
    const hash = new URL(page.url()).hash.slice(1);
    if (hash) await expect(page.locator(`[id="${hash}"]`)).toHaveCount(1);
  }
}

test("a source edit that orphans one citation and rewords another: the list, the map, the API and the CSV mark both until an editor settles them", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const tag = testEvent.id;
  const cite = (name: string, quote: string) =>
    createEntry(db, {
      eventId: testEvent.id,
      leader: { name: `${name} ${tag}`, polity: "Belgium", countryCode: "BE" },
      steps: [
        {
          status: "confirmed",
          asOf: "2000-05-01",
          citations: [{ sourceId: testEvent.sourceId, quote }],
        },
      ],
    });
  const boris = await cite("Boris Sample", BORIS);
  await cite("King Ottokar", OTTOKAR);

  await page.goto(`/admin/sources/${testEvent.sourceId}`);
  await page
    .getByLabel("Full text")
    .fill(
      testEvent.text
        .replace("is expected to attend", "is now expected to attend")
        .replace(`${OTTOKAR}.`, "Syldavia's court gave no answer."),
    );
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2" })).toBeVisible();

  // The public list marks both, in words beside each number.
  await page.goto(`/events/${testEvent.slug}`);
  await expect(
    page.getByRole("link", {
      name: `Citation 1 for Boris Sample ${tag}: ${testEvent.sourceTitle} (wording changed, under review)`,
    }),
  ).toBeVisible();
  await expect(
    page.getByRole("link", {
      name: `Citation 1 for King Ottokar ${tag}: ${testEvent.sourceTitle} (removed from the source, under review)`,
    }),
  ).toBeVisible();
  const row = (name: string) => page.getByRole("row", { name: new RegExp(`${name} ${tag}`) });
  await expect(row("Boris Sample")).toContainText("wording changed, under review");
  await expect(row("King Ottokar")).toContainText("removed from the source, under review");
  // The map's title for each says so too.
  await expect(
    page.getByRole("link", {
      name: `Boris Sample ${tag}, Belgium: Confirmed (1 citation under review)`,
    }),
  ).toHaveCount(1);

  // No marker names a passage its page does not show.
  await expectEveryMarkerLands(page, testEvent.slug);

  // The API gives each citation's review; the CSV a column of it.
  const api = await (await page.request.get(`/api/events/${testEvent.slug}/attendance`)).json();
  const reviewOf = (name: string) =>
    api.entries.find((e: { leader: { name: string } }) => e.leader.name === `${name} ${tag}`)
      .citations[0].review;
  expect(reviewOf("Boris Sample")).toBe("wording-changed");
  expect(reviewOf("King Ottokar")).toBe("orphaned");
  const csv = await (await page.request.get(`/events/${testEvent.slug}/attendance.csv`)).text();
  const lines = csv.split("\r\n");
  const column = lines[0]!.split(",").indexOf("quote_reviews");
  expect(column).toBeGreaterThan(0);
  expect(lines.find((l) => l.includes(`Boris Sample ${tag}`))).toContain(",wording-changed,");
  expect(lines.find((l) => l.includes(`King Ottokar ${tag}`))).toContain(",orphaned,");

  // The entry's public record says when and how its quote changed.
  await page.goto(`/attendance/${boris.id}`);
  await expect(
    page.getByText(/Wording changed in the source on \d+ \w+ \d{4}; under review\./),
  ).toBeVisible();
  const record = page.getByRole("region", { name: "Record of edits" });
  await expect(record).toContainText("Re-found in the new text of its source with changed wording");
  await expect(record).toContainText("is now expected to attend");

  // An editor confirms the new wording: its mark is gone from the list and the API.
  await page.goto("/admin/review");
  await page
    .getByRole("listitem")
    .filter({ hasText: `Boris Sample ${tag}` })
    .getByRole("button", { name: "Confirm the new wording" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Confirmed." })).toBeVisible();
  await page.goto(`/events/${testEvent.slug}`);
  await expect(row("Boris Sample")).not.toContainText("under review");
  await expect(row("King Ottokar")).toContainText("removed from the source, under review");
  const after = await (await page.request.get(`/api/events/${testEvent.slug}/attendance`)).json();
  expect(
    after.entries.find((e: { leader: { name: string } }) => e.leader.name === `Boris Sample ${tag}`)
      .citations[0].review,
  ).toBeNull();
  await page.goto(`/attendance/${boris.id}`);
  await expect(page.getByRole("region", { name: "Record of edits" })).toContainText(
    "Confirmed its new wording",
  );
});
