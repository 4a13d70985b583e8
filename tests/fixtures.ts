import { randomBytes } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import { createEditor } from "../lib/auth/editors";
import { generatePassword } from "../lib/auth/password";
import { createPrismaClient } from "../lib/database";
import { E2E_DATABASE_URL } from "../playwright.config";

export { expect };

const ARTICLE =
  "Ruritania's President Anna Example will attend the Harbour Summit on 1 June, her office said on Monday. " +
  "Borduria's leader Boris Sample is expected to attend as well, officials reported. " +
  "Syldavia's King Ottokar declined the invitation. Zembla’s Prime Minister Kinbote “will not travel”, aides said.";

export type TestEditor = { email: string; name: string; password: string };
export type TestEvent = {
  id: number;
  slug: string;
  name: string;
  sourceId: number;
  sourceTitle: string;
  text: string;
};

type Fixtures = {
  db: ReturnType<typeof createPrismaClient>;
  editor: TestEditor;
  signedIn: Page;
  testEvent: TestEvent;
};

const unique = () => randomBytes(4).toString("hex");

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, editor: TestEditor) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(editor.email);
  await page.getByLabel("Password").fill(editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export const test = base.extend<Fixtures>({
  db: async ({}, use) => {
    const db = createPrismaClient(E2E_DATABASE_URL);
    await use(db);
    await db.$disconnect();
  },
  /** A fresh editor account for this test only. */
  editor: async ({ db }, use) => {
    const editor = {
      email: `editor-${unique()}@example.org`,
      name: `Editor ${unique()}`,
      password: generatePassword(),
    };
    await createEditor(db, editor);
    await use(editor);
  },
  signedIn: async ({ page, editor }, use) => {
    await signIn(page, editor);
    await expect(page.getByRole("heading", { level: 1, name: "Entries" })).toBeVisible();
    await use(page);
  },
  /** An event with a source of its own, so editing tests never touch the seeded event. */
  testEvent: async ({ db }, use) => {
    const id = unique();
    const event = await db.event.create({
      data: {
        slug: `harbour-summit-${id}`,
        name: `Harbour Summit ${id}`,
        place: "Port Example",
        date: new Date("2000-06-01T00:00:00Z"),
        occasion: "A test event",
      },
    });
    const sourceTitle = `Harbour Summit report ${id}`;
    const source = await db.source.create({
      data: {
        title: sourceTitle,
        publisher: "Example Wire",
        url: `https://example.org/news/${id}`,
        text: ARTICLE,
      },
    });
    await use({
      id: event.id,
      slug: event.slug,
      name: event.name,
      sourceId: source.id,
      sourceTitle,
      text: ARTICLE,
    });
  },
});
