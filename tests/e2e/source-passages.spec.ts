import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { createEntry, createEvent, createSource } from "../factories";
import { expectNoSeriousA11yViolations } from "./helpers/a11y";

const TEXT =
  "MOSCOW, May 9. Chinese President Xi Jinping and Brazilian President Luiz Inácio Lula da Silva watched the Victory Day parade from the stands. Other guests arrived later.";
// The two quotes overlap on "Brazilian President".
const XI = "Chinese President Xi Jinping and Brazilian President";
const LULA = "Brazilian President Luiz Inácio Lula da Silva watched the Victory Day parade";

/** The words the page outlines: every highlight drawn with an outline, in text order. */
async function outlinedWords(page: Page) {
  return page.locator("mark").evaluateAll((marks) =>
    marks
      .filter((m) => getComputedStyle(m).outlineStyle === "solid")
      .map((m) => m.textContent)
      .join(""),
  );
}

test("overlapping quotes for two leaders: each marker outlines its own whole quote, labelled for its leader", async ({
  page,
  db,
}) => {
  const event = await createEvent(db);
  const source = await createSource(db, { text: TEXT });
  const tag = event.id;
  const xi = `Xi Jinping ${tag}`;
  const lula = `Lula da Silva ${tag}`;
  for (const [name, quote] of [
    [xi, XI],
    [lula, LULA],
  ] as const) {
    await createEntry(db, {
      eventId: event.id,
      leader: { name, polity: "Testland" },
      steps: [
        { status: "confirmed", asOf: "2000-05-09", citations: [{ sourceId: source.id, quote }] },
      ],
    });
  }

  for (const [name, quote] of [
    [xi, XI],
    [lula, LULA],
  ] as const) {
    await page.goto(`/events/${event.slug}`);
    await page.getByRole("link", { name: new RegExp(`^Citation 1 for ${name}`) }).click();
    await expect(page).toHaveURL(new RegExp(`/sources/${source.id}#passage-\\d+-\\d+$`));
    await expect.poll(() => outlinedWords(page)).toBe(quote);
  }

  // One note after the overlapping words names each passage by its opening and its leader.
  const paragraph = page.locator(".source-text p").first();
  await expect(paragraph).toContainText(
    `[“Chinese President Xi Jinping and…” supports ${xi} (current: confirmed, as of 9 May 2000)]`,
  );
  await expect(paragraph).toContainText(
    `[“Brazilian President Luiz Inácio Lula…” supports ${lula} (current: confirmed, as of 9 May 2000)]`,
  );
  // No note falls inside a quote: the words of both passages run unbroken.
  const text = (await paragraph.textContent())!;
  expect(text.replace(/\(passage cited for [^)]*\) ?/g, "")).toContain(
    "Chinese President Xi Jinping and Brazilian President Luiz Inácio Lula da Silva watched the Victory Day parade",
  );
  // A screen reader hears where each passage begins and ends, and for whom.
  const spoken = text.replace(/\s+/g, " ");
  expect(spoken).toContain(`(passage cited for ${xi} begins) Chinese President`);
  expect(spoken).toContain(`(passage cited for ${lula} begins) Brazilian President`);
  expect(spoken).toContain(`Brazilian President (passage cited for ${xi} ends)`);
  expect(spoken).toContain(`Victory Day parade (passage cited for ${lula} ends)`);

  // The note's opening words are links to the passage: they outline it too.
  await paragraph.getByRole("link", { name: "“Chinese President Xi Jinping and…”" }).click();
  await expect.poll(() => outlinedWords(page)).toBe(XI);

  await expectNoSeriousA11yViolations(page);
});
