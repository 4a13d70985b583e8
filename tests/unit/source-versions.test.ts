import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../factories";
import type { Editor } from "@/lib/data/session";
import { seedDatabase } from "../../prisma/seed";
import { createTestDatabase } from "./helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let editor: Editor;
let admin: typeof import("@/lib/data/sources-admin");
let sources: typeof import("@/lib/data/sources");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db);
  editor = (await createAccount(t.db, {
    email: "v@example.org",
    name: "V. Ersion",
    password: "a-long-password",
  })) as Editor;
  admin = await import("@/lib/data/sources-admin");
  sources = await import("@/lib/data/sources");
});
afterAll(() => t.cleanup());

const input = (s: { title: string; publisher: string; url: string; dateNote: string }) => ({
  title: s.title,
  publisher: s.publisher,
  url: s.url,
  publishedOn: null,
  dateNote: s.dateNote,
});

describe("source versions", () => {
  it("makes a new version for a text edit, keeps the old text once, and reads it back", async () => {
    const source = await t.db.source.findFirstOrThrow();
    const original = source.text;
    expect(source.textVersion).toBe(1);
    expect(await t.db.sourceVersion.findMany({ where: { sourceId: source.id } })).toEqual([
      expect.objectContaining({ number: 1, text: null, actorName: `Seed: ${source.title}` }),
    ]);

    const edited = original.replace("Lavrov added", "Lavrov also said");
    const result = await admin.updateSource(editor, source.id, source.version, {
      ...input(source),
      text: edited,
    });
    expect(result.ok).toBe(true);

    const after = await t.db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(after).toMatchObject({ text: edited, textVersion: 2 });
    const versions = await t.db.sourceVersion.findMany({
      where: { sourceId: source.id },
      orderBy: { number: "asc" },
    });
    expect(versions.map((v) => [v.number, v.text, v.actorName])).toEqual([
      [1, original, `Seed: ${source.title}`],
      [2, null, "V. Ersion"],
    ]);

    // The revision names the versions; it does not copy the text twice.
    const revision = await t.db.revision.findFirstOrThrow({
      where: { entityType: "source", entityId: source.id },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(revision.before!)).toMatchObject({
      textVersion: 1,
      textLength: original.length,
    });
    expect(JSON.parse(revision.after!)).toMatchObject({
      textVersion: 2,
      textLength: edited.length,
    });
    expect(revision.before).not.toContain("Lavrov");
    expect(revision.before!.length + revision.after!.length).toBeLessThan(1000);

    const old = await sources.getSourceAsItStood(source.id, 1);
    expect(old).toMatchObject({
      text: original,
      latest: 2,
      version: { number: 1, current: false },
    });
    expect(old!.version.until).toBe(versions[1]!.createdAt.toISOString());
    expect(await sources.getSourceAsItStood(source.id, 2)).toMatchObject({
      text: edited,
      version: { current: true, until: null },
    });
    expect(await sources.getSourceAsItStood(source.id, 3)).toBeNull();
    expect((await sources.getSourceVersions(source.id))!.map((v) => v.number)).toEqual([2, 1]);
  });

  it("anchors a citation made after an edit in the version the text is now", async () => {
    const source = await t.db.source.findFirstOrThrow();
    const event = await t.db.event.findFirstOrThrow();
    const data = await import("@/lib/data/attendance-admin");
    const result = await data.createAttendance(editor, {
      eventId: event.id,
      leader: {
        create: {
          name: "Yvan Gil",
          office: "Foreign Minister",
          polity: "Venezuela",
          countryCode: "VE",
        },
      },
      status: "reported",
      asOf: "2025-04-12",
      note: "",
      citations: [{ sourceId: source.id, quote: "Lavrov also said" }],
    });
    expect(result.ok).toBe(true);
    expect(
      await t.db.citation.findFirstOrThrow({ where: { quote: "Lavrov also said" } }),
    ).toMatchObject({
      anchoredVersion: source.textVersion,
      checkedVersion: source.textVersion,
      lost: false,
    });
    expect(source.textVersion).toBe(2);
  });

  it("makes no version when only the title or the date changes", async () => {
    const source = await t.db.source.findFirstOrThrow();
    const result = await admin.updateSource(editor, source.id, source.version, {
      ...input(source),
      title: `${source.title} (corrected)`,
      text: source.text,
    });
    expect(result.ok).toBe(true);
    const after = await t.db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(after.textVersion).toBe(source.textVersion);
    expect(await t.db.sourceVersion.count({ where: { sourceId: source.id } })).toBe(
      source.textVersion,
    );
  });

  it("gives a source created here its version 1, by its editor", async () => {
    const result = await admin.createSource(editor, {
      title: "A wire report",
      publisher: "Example Wire",
      url: "https://example.org/wire",
      publishedOn: "2025-04-12",
      dateNote: "",
      text: "The minister will attend, officials said.",
    });
    if (!result.ok) throw new Error(result.message);
    expect(await t.db.sourceVersion.findMany({ where: { sourceId: result.sourceId } })).toEqual([
      expect.objectContaining({ number: 1, text: null, actorName: "V. Ersion" }),
    ]);
  });
});
