import type { Locator, Page } from "@playwright/test";
import { createEntry, createEvent, createSource, SAMPLE_ARTICLE, unique } from "../factories";
import { expect, test } from "../fixtures";
import { expectNoSeriousA11yViolations } from "./helpers/a11y";

/** The chart's drawing, read as a user of a mouse sees it: each bar's leader, claim and days. */
async function drawnSegments(figure: Locator) {
  return figure.locator('svg[data-chart="rows"] g[data-step]').evaluateAll((groups) =>
    groups.map((g) => ({
      step: g.getAttribute("data-step"),
      leader: g.parentElement!.getAttribute("data-leader"),
      claim: g.getAttribute("data-claim"),
      from: g.getAttribute("data-from"),
      // The table gives the last day a claim held; the drawing, the day it ends before.
      last: new Date(Date.parse(`${g.getAttribute("data-to")}T00:00:00Z`) - 86_400_000)
        .toISOString()
        .slice(0, 10),
      link: g.querySelector("a")?.getAttribute("href") ?? null,
    })),
  );
}

const CLAIM_WORDS: Record<string, string> = {
  confirmed: "Confirmed",
  reported: "Reported",
  declined: "Declined",
  attended: "Attended",
  partly_attended: "Partly attended",
  did_not_attend: "Did not attend",
};

/** The same, read from the table a screen reader is given. */
async function tabledSegments(figure: Locator) {
  const rows = await figure
    .getByRole("table", { name: /each claim and its days/ })
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = tr.querySelectorAll("th, td");
        return {
          step: tr.getAttribute("data-step"),
          leader: cells[0]!.textContent,
          claim: cells[1]!.textContent,
          from: cells[2]!.querySelector("time")!.getAttribute("datetime"),
          last: cells[3]!.querySelector("time")!.getAttribute("datetime"),
          link: cells[4]!.querySelector("a")?.getAttribute("href") ?? null,
        };
      }),
    );
  return rows;
}

async function expectDrawingMatchesTable(page: Page, figure: Locator) {
  await figure.getByText("The chart as tables").click();
  const drawn = await drawnSegments(figure);
  const tabled = await tabledSegments(figure);
  expect(drawn.length).toBeGreaterThan(0);
  expect(tabled).toEqual(drawn.map((d) => ({ ...d, claim: CLAIM_WORDS[d.claim!] })));
  return drawn;
}

test("the seeded event's chart draws what its table says, every point linked to its source", async ({
  page,
}) => {
  await page.goto("/events/victory-day-parade-2025");
  const figure = page.getByRole("figure", { name: /Each leader's status over time/ });
  await expect(figure).toBeVisible();
  const drawn = await expectDrawingMatchesTable(page, figure);
  // One row per leader counted above the list, each point a link to the article.
  const total = await page.locator('dl[aria-label^="Entries by"] dd').first().textContent();
  expect(new Set(drawn.map((d) => d.leader)).size).toBe(Number(total));
  for (const d of drawn) expect(d.link).toMatch(/^https:\/\/intellinews\.com\//);
  await expectNoSeriousA11yViolations(page);
});

test("a story of three steps is drawn and tabled step by step, with the counts day by day", async ({
  page,
  db,
}) => {
  const tag = unique();
  const event = await createEvent(db, { date: "2000-06-01" });
  const source = await createSource(db, { text: SAMPLE_ARTICLE });
  const anna = `Anna Example ${tag}`;
  const boris = `Boris Sample ${tag}`;
  const cite = (quote: string) => [{ sourceId: source.id, quote }];
  const annaEntry = await createEntry(db, {
    eventId: event.id,
    leader: { name: anna, polity: "Ruritania" },
    steps: [
      { status: "reported", asOf: "2000-05-01", citations: cite("Anna Example will attend") },
      { status: "confirmed", asOf: "2000-05-15", citations: cite("her office said on Monday") },
      { status: "declined", asOf: "2000-05-25", citations: cite("Syldavia's King Ottokar") },
    ],
  });
  await createEntry(db, {
    eventId: event.id,
    leader: { name: boris, polity: "Borduria" },
    steps: [
      { status: "reported", asOf: "2000-05-10", citations: cite("Boris Sample is expected") },
    ],
  });

  await page.goto(`/events/${event.slug}`);
  const figure = page.getByRole("figure", { name: /Each leader's status over time/ });
  const drawn = await expectDrawingMatchesTable(page, figure);
  expect(drawn.map(({ leader, claim, from, last }) => [leader, claim, from, last])).toEqual([
    [anna, "reported", "2000-05-01", "2000-05-14"],
    [anna, "confirmed", "2000-05-15", "2000-05-24"],
    [anna, "declined", "2000-05-25", "2000-06-01"],
    [boris, "reported", "2000-05-10", "2000-06-01"],
  ]);
  for (const d of drawn) expect(d.link).toBe(source.url);

  // The drawing is hidden from screen readers, who get the figure's caption and the tables.
  await expect(figure.locator("svg").first()).toHaveAttribute("aria-hidden", "true");
  await expect(figure.getByRole("img")).toHaveCount(0);
  const counts = figure.getByRole("table", { name: /Leaders by status at the end of each day/ });
  const days = await counts
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent)),
    );
  expect(days).toEqual([
    ["1 May 2000", "0", "1", "0"],
    ["10 May 2000", "0", "2", "0"],
    ["15 May 2000", "1", "1", "0"],
    ["25 May 2000", "0", "1", "1"],
  ]);
  await expectNoSeriousA11yViolations(page);

  // A past day's view charts the story as it stood then, and marks that day.
  await page.goto(`/events/${event.slug}?asOf=2000-05-12`);
  const then = page.getByRole("figure", { name: /up to 12 May 2000/ });
  const drawnThen = await expectDrawingMatchesTable(page, then);
  expect(drawnThen.map(({ leader, claim, from, last }) => [leader, claim, from, last])).toEqual([
    [anna, "reported", "2000-05-01", "2000-05-12"],
    [boris, "reported", "2000-05-10", "2000-05-12"],
  ]);
  await expect(then.getByText(/the dashed line the end of 12 May 2000/)).toBeVisible();

  // The entry's page shows its own row only.
  await page.goto(`/attendance/${annaEntry.id}`);
  const own = page.getByRole("figure", { name: `${anna}'s status over time` });
  const ownDrawn = await expectDrawingMatchesTable(page, own);
  expect(ownDrawn.map((d) => d.claim)).toEqual(["reported", "confirmed", "declined"]);
  expect(new Set(ownDrawn.map((d) => d.leader))).toEqual(new Set([anna]));
  await expectNoSeriousA11yViolations(page);
});

test("the chart works on a phone: it scrolls inside its box, the page does not", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/events/victory-day-parade-2025");
  await expect(page.getByRole("figure", { name: /Each leader's status over time/ })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test("printed, the chart fits the page width", async ({ page }) => {
  await page.goto("/events/victory-day-parade-2025");
  await page.emulateMedia({ media: "print" });
  const figure = page.getByRole("figure", { name: /Each leader's status over time/ });
  const svg = figure.locator('svg[data-chart="rows"]');
  const [svgWidth, figureWidth] = await Promise.all([
    svg.evaluate((e) => e.getBoundingClientRect().width),
    figure.evaluate((e) => e.getBoundingClientRect().width),
  ]);
  expect(svgWidth).toBeLessThanOrEqual(figureWidth + 0.5);
  // The tables are for the screen; paper gets the drawing and the list.
  await expect(figure.getByText("The chart as tables")).toBeHidden();
});
