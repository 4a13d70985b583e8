import { expect, test } from "@playwright/test";
import { runLighthouse } from "../../scripts/lighthouse-run.mjs";

// Performance depends on how busy the machine is: `npm run audit` checks it, outside the tests.
const CATEGORIES = ["accessibility", "best-practices", "seo"];
const MINIMUM = { accessibility: 1, "best-practices": 0.95, seo: 0.95 };

test.describe.configure({ mode: "serial", timeout: 240_000 });

test("Lighthouse: the event and source pages score 100 on accessibility, ≥ 95 on best practices and SEO", async ({
  page,
  baseURL,
}) => {
  await page.goto("/events/victory-day-parade-2025");
  const source = await page
    .getByRole("link", { name: /^Citation 1 for Robert Fico/ })
    .getAttribute("href");
  const pages = [
    new URL("/events/victory-day-parade-2025", baseURL).href,
    new URL(source!.replace(/#.*$/, ""), baseURL).href,
  ];
  for (const url of pages) {
    const { scores, failing } = await runLighthouse(url, { categories: CATEGORIES });
    for (const [category, minimum] of Object.entries(MINIMUM)) {
      expect(
        scores[category],
        `${url} ${category}; below 1: ${failing.join("; ")}`,
      ).toBeGreaterThanOrEqual(minimum);
    }
  }
});
