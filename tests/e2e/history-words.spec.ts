import { expect, test } from "../fixtures";
import { createEntry, createEvent, createSource } from "../factories";

const BEFORE = "Ruritania's President Anna Example will travel to the Harbour Summit on Sunday.";
const AFTER = "Ruritania's President Anna Example will fly to the Harbour Summit on Sunday.";

test("a publisher's update dated 15 March: a view of the 14th quotes the old words, today the new; the version pages say both dates", async ({
  signedIn: page,
  db,
}) => {
  // Before the parade (9 May), so the home page still features the seeded event.
  const event = await createEvent(db, { date: "2025-05-01" });
  const source = await createSource(db, { text: `${BEFORE} Officials confirmed it.` });
  const leader = `Anna Example ${event.id}`;
  const entry = await createEntry(db, {
    eventId: event.id,
    leader: { name: leader, polity: "Ruritania" },
    steps: [
      {
        status: "confirmed",
        asOf: "2025-03-10",
        citations: [{ sourceId: source.id, quote: BEFORE.slice(0, -1) }],
      },
    ],
  });

  // The editor stores the publisher's update and the day it was made.
  await page.goto(`/admin/sources/${source.id}`);
  await page.getByLabel("Full text").fill(`${AFTER} Officials confirmed it.`);
  await page.getByLabel("The publisher changed the text on (optional)").fill("2025-03-15");
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2" })).toBeVisible();

  const quoteOf = async (query: string) => {
    const body = await (
      await page.request.get(`/api/events/${event.slug}/attendance${query}`)
    ).json();
    const found = body.entries.find((e: { leader: { name: string } }) => e.leader.name === leader);
    return { current: found.citations[0].quote, story: found.story[0].citations[0].quote };
  };
  // Today the new words; on the 14th the words of that day.
  expect(await quoteOf("")).toEqual({ current: AFTER.slice(0, -1), story: AFTER.slice(0, -1) });
  expect(await quoteOf("?asOf=2025-03-14")).toEqual({
    current: BEFORE.slice(0, -1),
    story: BEFORE.slice(0, -1),
  });
  // From the 15th on, the update stood.
  expect((await quoteOf("?asOf=2025-03-15")).current).toBe(AFTER.slice(0, -1));

  // The long CSV of that day, and the page of that day (its printed notes).
  const csv = await (
    await page.request.get(`/events/${event.slug}/attendance.csv?format=long&asOf=2025-03-14`)
  ).text();
  expect(csv).toContain(BEFORE.slice(0, -1));
  expect(csv).not.toContain(AFTER.slice(0, -1));
  await page.goto(`/events/${event.slug}?asOf=2025-03-14`);
  const notes = page.locator("section", { has: page.locator("#footnotes-heading") });
  expect(await notes.textContent()).toContain(BEFORE.slice(0, -1));
  // Its marker opens the text that stood then.
  await expect(
    page.getByRole("link", { name: new RegExp(`^Citation 1 for ${leader}`) }),
  ).toHaveAttribute("href", `/sources/${source.id}/versions/1`);

  // The entry's story tells the step of 10 March in that day's words.
  await page.goto(`/attendance/${entry.id}`);
  await expect(page.locator(`#step-${entry.steps[0]!.id}`)).toContainText(BEFORE.slice(0, -1));

  // The version pages say both dates.
  await page.goto(`/sources/${source.id}`);
  await expect(page.getByRole("navigation", { name: "Versions of this text" })).toContainText(
    /changed by the publisher on 15 March 2025, saved here on \d+ \w+ \d{4}/,
  );
  await page.goto(`/sources/${source.id}/versions/1`);
  await expect(page.getByRole("note")).toContainText(
    "The publisher changed it again on 15 March 2025.",
  );
});
