import { test as base, expect, type Page } from "@playwright/test";
import { createEditor, createEvent, createSource, SAMPLE_ARTICLE } from "./factories";
import { createPrismaClient } from "../lib/database";
import { BASE_URL, E2E_DATABASE_URL } from "../playwright.config";

export { expect };

export type TestEditor = { email: string; name: string; password: string };
const ARTICLE = SAMPLE_ARTICLE;
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
    await use(await createEditor(db));
  },
  /**
   * The editor signed in, on the admin's first page: through Better Auth's sign-in endpoint
   * (what the form's action calls on the server), which sets the session cookie in the page's
   * browser. The form itself is tested where sign-in is the subject (accounts, editors,
   * passkeys and trust specs); skipping its page here spares every other editing test a page
   * load.
   */
  signedIn: async ({ page, editor }, use) => {
    const response = await page.request.post("/api/auth/sign-in/email", {
      data: { email: editor.email, password: editor.password },
      headers: { origin: BASE_URL },
    });
    expect(response.status(), await response.text()).toBe(200);
    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1, name: "Entries" })).toBeVisible();
    await use(page);
  },
  /** An event with a source of its own, so editing tests never touch the seeded event. */
  testEvent: async ({ db }, use) => {
    const event = await createEvent(db);
    const source = await createSource(db, { text: ARTICLE });
    await use({
      id: event.id,
      slug: event.slug,
      name: event.name,
      sourceId: source.id,
      sourceTitle: source.title,
      text: ARTICLE,
    });
  },
});
