import { expect, type Locator, type Page } from "@playwright/test";
import type { TestEvent } from "../../fixtures";

/**
 * On an entry's edit page (the test event's, current as of 1 May 2000): adds a newer step,
 * Declined as of 20 May 2000, citing the test event's source, and waits for the save.
 */
export async function addDeclinedStep(page: Page, event: TestEvent) {
  const add = page.getByRole("form", { name: "Add a step" });
  await add.getByRole("radio", { name: /^Declined/ }).check();
  await add.getByLabel("As of").fill("2000-05-20");
  await expect(add.getByText("This step is newer than the current one, 1 May 2000")).toContainText(
    "the current status becomes Declined",
  );
  await chooseSource(add.getByLabel("Source of citation 1"), `${event.sourceTitle} (Example Wire)`);
  await add
    .getByLabel("Quote of citation 1")
    .fill("Syldavia's King Ottokar declined the invitation.");
  await add.getByRole("button", { name: "Add step" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Step added. The current status is Declined" }),
  ).toBeVisible();
}

/**
 * Chooses a source in a citation's source picker by keyboard: types its title (`label` may end
 * in " (Publisher)", as the old dropdown named it) and takes the first match with Enter.
 */
export async function chooseSource(field: Locator, label: string) {
  await expect(field).toHaveAttribute("role", "combobox");
  await field.fill(label.replace(/ \([^)]*\)$/, ""));
  await field.press("Enter");
  await expect(field).toHaveAttribute("aria-expanded", "false");
}
