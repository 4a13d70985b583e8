import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../factories";
import type { Editor } from "@/lib/data/session";
import { seedDatabase } from "../../prisma/seed";
import { createTestDatabase } from "./helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let editor: Editor;
let admin: typeof import("@/lib/data/sources-admin");
let review: typeof import("@/lib/data/citation-review");
let attendance: typeof import("@/lib/data/attendance");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db);
  editor = (await createAccount(t.db, {
    email: "r@example.org",
    name: "R. Eviewer",
    password: "a-long-password",
  })) as Editor;
  admin = await import("@/lib/data/sources-admin");
  review = await import("@/lib/data/citation-review");
  attendance = await import("@/lib/data/attendance");
});
afterAll(() => t.cleanup());

const FICO = "Slovak Prime Minister Robert Fico is the only EU leader scheduled to attend";
const REWRITTEN = "no EU leader has said whether they will attend";

async function entryOf(name: string) {
  return t.db.attendance.findFirstOrThrow({ where: { leader: { name } } });
}

describe("a source edit that changes and removes cited passages", () => {
  it("saves, says what it found, and queues what needs an editor", async () => {
    const source = await t.db.source.findFirstOrThrow();
    const text = source.text
      .replace("Lukashenko", "Lukashenka")
      .replace(`whilst ${FICO}`, `whilst ${REWRITTEN}`);
    const result = await admin.updateSource(editor, source.id, source.version, {
      title: source.title,
      publisher: source.publisher,
      url: source.url,
      publishedOn: null,
      dateNote: source.dateNote,
      text,
    });
    expect(result).toMatchObject({
      ok: true,
      textVersion: 2,
      relocation: { exact: 3, check: 6, orphaned: 1 },
    });
    expect(await admin.getSaveReport(source.id, 2)).toEqual({
      number: 2,
      summary:
        "3 citations re-found exactly, 6 re-found with changed wording (check them), 1 orphaned",
      toReview: 7,
    });

    const queue = await review.listReviewQueue();
    expect(queue).toHaveLength(7);
    expect(await review.countReviewQueue()).toBe(7);
    const checks = queue.filter((i) => i.review === "check");
    expect(checks).toHaveLength(6);
    for (const item of checks) {
      expect(item.quote).toContain("Lukashenka");
      expect(item.citedQuote).toContain("Lukashenko");
      expect(item.checkedVersion).toBe(2);
      expect(item.passageHref).toMatch(new RegExp(`^/sources/${source.id}#passage-\\d+-\\d+$`));
    }
    const orphan = queue.find((i) => i.review === "orphaned")!;
    expect(orphan).toMatchObject({
      leaderName: "Robert Fico",
      quote: FICO,
      anchoredVersion: 1,
      checkedVersion: 2,
      step: { status: "confirmed", current: true },
    });
    expect(orphan.passageHref).toMatch(
      new RegExp(`^/sources/${source.id}/versions/1#passage-\\d+-\\d+$`),
    );
    expect(orphan.suggestion).toContain("EU leader");
  });

  it("tells the public page that the current status rests on a removed passage", async () => {
    const fico = await attendance.getAttendanceInContext((await entryOf("Robert Fico")).id);
    expect(fico!.citations).toHaveLength(1);
    const [citation] = fico!.citations;
    expect(citation!.removed).toMatchObject({ version: 1, current: false });
    expect(citation!.removed!.since).toEqual(expect.any(String));
    // Its context is that of the text it was cited in, not of the new one.
    expect(citation!.before).toContain("celebrations, whilst");
    expect(citation!.after.startsWith(".")).toBe(true);

    const maduro = await attendance.getAttendanceInContext((await entryOf("Nicolas Maduro")).id);
    expect(maduro!.citations.every((c) => c.removed === null)).toBe(true);
  });

  it("confirms a new wording in one click, and refuses a stale or repeated confirmation", async () => {
    const [item] = (await review.listReviewQueue()).filter((i) => i.review === "check");
    expect(await review.confirmCitation(editor, item!.citationId, 1)).toMatchObject({
      ok: false,
      message: expect.stringContaining("edited again"),
    });
    expect(await review.confirmCitation(editor, item!.citationId, 2)).toMatchObject({ ok: true });
    const row = await t.db.citation.findUniqueOrThrow({ where: { id: item!.citationId } });
    expect(row).toMatchObject({ review: "", reviewSince: null, citedQuote: null, lost: false });
    expect(await review.confirmCitation(editor, item!.citationId, 2)).toMatchObject({
      ok: false,
      message: expect.stringContaining("needs no review"),
    });
    const revision = await t.db.revision.findFirstOrThrow({
      where: { entityType: "citation", entityId: item!.citationId },
      orderBy: { id: "desc" },
    });
    expect(revision.summary).toBe("Confirmed its new wording in version 2 of the source");
    expect(await review.countReviewQueue()).toBe(6);
  });

  it("re-cites an orphan from the current text, found exactly, and the notice goes", async () => {
    const orphan = (await review.listReviewQueue()).find((i) => i.review === "orphaned")!;
    expect(
      await review.reciteCitation(editor, orphan.citationId, 2, "words that are nowhere"),
    ).toMatchObject({ ok: false, kind: "invalid", errors: { quote: [expect.any(String)] } });
    expect(await review.reciteCitation(editor, orphan.citationId, 2, REWRITTEN)).toMatchObject({
      ok: true,
    });
    const row = await t.db.citation.findUniqueOrThrow({
      where: { id: orphan.citationId },
      include: { source: true },
    });
    expect(row).toMatchObject({
      quote: REWRITTEN,
      lost: false,
      review: "",
      anchoredVersion: 2,
      checkedVersion: 2,
    });
    expect(row.source.text.slice(row.start, row.end)).toBe(REWRITTEN);
    const fico = await attendance.getAttendanceInContext((await entryOf("Robert Fico")).id);
    expect(fico!.citations[0]!.removed).toBeNull();
  });
});
