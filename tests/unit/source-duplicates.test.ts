import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../factories";
import type { Editor } from "@/lib/data/session";
import { createTestDatabase } from "./helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let editor: Editor;
let admin: typeof import("@/lib/data/sources-admin");

beforeAll(async () => {
  t = await createTestDatabase();
  editor = (await createAccount(t.db, {
    email: "o@example.org",
    name: "O. Nce",
    password: "a-long-password",
  })) as Editor;
  admin = await import("@/lib/data/sources-admin");
}, 60_000);
afterAll(() => t.cleanup());

const source = (fields: { url: string; text: string; title?: string }) => ({
  title: fields.title ?? "A wire report",
  publisher: "Example Wire",
  url: fields.url,
  publishedOn: null,
  dateNote: "",
  text: fields.text,
});

describe("one source, once", () => {
  it("refuses a new source with a stored address or text, naming the stored one", async () => {
    const first = await admin.createSource(
      editor,
      source({ url: "https://example.org/wire/1", text: "The minister will attend." }),
    );
    if (!first.ok) throw new Error(first.message);
    const count = await t.db.source.count();

    const sameAddress = await admin.createSource(
      editor,
      source({ url: "http://www.example.org/wire/1/?utm_source=x&gclid=y", text: "Other words." }),
    );
    expect(sameAddress).toMatchObject({
      ok: false,
      kind: "invalid",
      help: { url: { kind: "existing-source", sourceId: first.sourceId, title: "A wire report" } },
    });
    const sameText = await admin.createSource(
      editor,
      source({ url: "https://example.org/wire/2", text: "The minister will attend.\r\n" }),
    );
    expect(sameText).toMatchObject({
      ok: false,
      help: { text: { kind: "existing-source", sourceId: first.sourceId } },
    });
    expect(await t.db.source.count()).toBe(count);
  });

  it("refuses an edit that makes a source a copy of another, and lets others through", async () => {
    const a = await admin.createSource(
      editor,
      source({ url: "https://example.org/a", text: "Text A." }),
    );
    const b = await admin.createSource(
      editor,
      source({ url: "https://example.org/b", text: "Text B." }),
    );
    if (!a.ok || !b.ok) throw new Error("not created");
    const copy = await admin.updateSource(
      editor,
      b.sourceId,
      1,
      source({ url: "https://www.example.org/a/", text: "Text B." }),
    );
    expect(copy).toMatchObject({ ok: false, help: { url: { sourceId: a.sourceId } } });
    // Its own address, written another way, and a new title: saved.
    const renamed = await admin.updateSource(
      editor,
      b.sourceId,
      1,
      source({ url: "https://example.org/b/", text: "Text B.", title: "Renamed" }),
    );
    expect(renamed.ok).toBe(true);
  });
});
