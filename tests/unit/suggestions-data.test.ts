import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../factories";
import type { Editor } from "@/lib/data/session";
import { seedDatabase } from "../../prisma/seed";
import { createTestDatabase } from "./helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let editor: Editor;
let suggestions: typeof import("@/lib/data/suggestions");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db);
  editor = (await createAccount(t.db, {
    email: "s@example.org",
    name: "S. Uggest",
    password: "a-long-password",
  })) as Editor;
  suggestions = await import("@/lib/data/suggestions");
});
afterAll(() => t.cleanup());

describe("suggestions for a stored source", () => {
  it("shows the seeded article's claims already in the story as recorded, and keeps a dismissal", async () => {
    const event = await t.db.event.findFirstOrThrow();
    const source = await t.db.source.findFirstOrThrow();
    const before = await suggestions.listSuggestions(source.id, event.id);
    expect(before).not.toBeNull();
    const rows = before!.rows;
    // The seed cites the article for each of these claims: they are recorded, not new.
    expect(rows.map((r) => [r.leader.name, r.claim, r.state])).toEqual([
      ["Nicolas Maduro", "confirmed", "recorded"],
      ["Alexander Lukashenko", "confirmed", "recorded"],
      ["Xi Jinping", "confirmed", "recorded"],
      ["Emomali Rahmon", "confirmed", "recorded"],
      ["Ilham Aliyev", "confirmed", "recorded"],
      ["Milorad Dodik", "confirmed", "recorded"],
      ["Mahmoud Abbas", "confirmed", "recorded"],
      ["Luiz Inacio Lula da Silva", "reported", "recorded"],
    ]);
    expect(rows.every((r) => r.attendanceId !== null)).toBe(true);
    for (const r of rows) expect(source.text.slice(r.quote.start, r.quote.end)).toBe(r.quote.quote);

    // A report of the parade day: its claims are in no story yet.
    const report = await t.db.source.create({
      data: {
        title: "Parade day",
        publisher: "Example Wire",
        url: "https://example.org/parade-day",
        text: "MOSCOW, May 9 (Example Wire) - Chinese President Xi Jinping watched the parade from the reviewing stand.",
        publishedOn: new Date("2025-05-09T00:00:00Z"),
      },
    });
    const listed = await suggestions.listSuggestions(report.id, event.id);
    expect(listed!.rows.map((r) => [r.leader.name, r.claim, r.asOf, r.state])).toEqual([
      ["Xi Jinping", "attended", "2025-05-09", "new"],
    ]);
    const fresh = listed!.rows[0];
    const dismissed = await suggestions.dismissSuggestion(editor, {
      sourceId: report.id,
      eventId: event.id,
      key: fresh!.key,
      leaderName: fresh!.leader.name,
      claim: fresh!.claim,
      quote: fresh!.quote.quote,
    });
    expect(dismissed.ok).toBe(true);
    // Twice is the same as once.
    await suggestions.dismissSuggestion(editor, {
      sourceId: report.id,
      eventId: event.id,
      key: fresh!.key,
      leaderName: fresh!.leader.name,
      claim: fresh!.claim,
      quote: fresh!.quote.quote,
    });
    const after = await suggestions.listSuggestions(report.id, event.id);
    expect(after!.rows.find((r) => r.key === fresh!.key)?.state).toBe("dismissed");
    const stored = await t.db.suggestionDismissal.findMany({ where: { sourceId: report.id } });
    expect(stored.map((d) => [d.key, d.actorName])).toEqual([[fresh!.key, "S. Uggest"]]);
  });

  it("refuses a dismissal from a role that cannot save entries", async () => {
    const event = await t.db.event.findFirstOrThrow();
    const source = await t.db.source.findFirstOrThrow();
    const reviewer = { ...editor, role: "reviewer" } as Editor;
    const result = await suggestions.dismissSuggestion(reviewer, {
      sourceId: source.id,
      eventId: event.id,
      key: "leader-1:confirmed:00000000",
      leaderName: "Someone",
      claim: "confirmed",
      quote: "words",
    });
    expect(result).toMatchObject({ ok: false, kind: "forbidden" });
  });
});

describe("the dismiss form's validation", () => {
  it("says in an editor's words what is wrong with a forged or damaged form", async () => {
    const { dismissSuggestionSchema } = await import("@/lib/validation/suggestion");
    for (const form of [
      {},
      { key: "leader-1:confirmed:0badc0de", leaderName: "X", claim: "confirmed" },
      { key: "not a key", leaderName: "X", claim: "confirmed", quote: "words" },
    ]) {
      const parsed = dismissSuggestionSchema.safeParse(form);
      expect(parsed.success).toBe(false);
      const message = parsed.error!.issues[0]!.message;
      expect(message).not.toMatch(/Invalid input|expected string/);
      expect(message).toMatch(/reload the page|Enter/);
    }
  });
});
