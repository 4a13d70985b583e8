import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createEditor } from "@/lib/auth/editors";
import type { Editor } from "@/lib/data/session";
import { seedDatabase } from "../../prisma/seed";
import { createTestDatabase } from "./helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let editor: Editor;
let reviewer: Editor;
let importer: typeof import("@/lib/data/import");
let eventId: number;

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "a-test-secret-of-at-least-thirty-two-characters";
  t = await createTestDatabase();
  await seedDatabase(t.db);
  editor = (await createEditor(t.db, {
    email: "i@example.org",
    name: "I. Mporter",
    password: "a-long-password",
    role: "editor",
  })) as Editor;
  reviewer = (await createEditor(t.db, {
    email: "r@example.org",
    name: "R. Eviewer",
    password: "a-long-password",
    role: "reviewer",
  })) as Editor;
  importer = await import("@/lib/data/import");
  eventId = (await t.db.event.findFirstOrThrow()).id;
});
afterAll(() => t.cleanup());

const example = () =>
  new Uint8Array(readFileSync(path.resolve(__dirname, "../../docs/import-example.csv")));

const counts = async () => ({
  steps: await t.db.statusStep.count(),
  entries: await t.db.attendance.count(),
  leaders: await t.db.leader.count(),
  revisions: await t.db.revision.count(),
});

describe("importing the example file into the seeded event", () => {
  // Fico's and Lula's claims are the seed's own: the example shows a skip and an alias too.
  it("dry-runs row by row and writes nothing", async () => {
    const before = await counts();
    const result = await importer.previewImport(editor, eventId, example());
    if (!result.ok) throw new Error(result.message);
    const rows = result.preview.rows;
    expect(rows.map((r) => [r.row, r.verdict, r.leader?.kind, r.quote.check])).toEqual([
      [2, "skip", "found", "found"],
      [3, "skip", "found", "found"],
      [4, "add", "found", "reworded"],
    ]);
    expect(rows[1]!.leader).toMatchObject({
      kind: "found",
      via: "alias",
      name: "Luiz Inacio Lula da Silva",
    });
    expect(rows[2]!.quote.stored).toBe("China’s leader Xi Jinping");
    expect(await counts()).toEqual(before);
  });

  it("applies the accepted rows once, each with its revision", async () => {
    const before = await counts();
    const result = await importer.previewImport(editor, eventId, example());
    if (!result.ok) throw new Error(result.message);
    const applied = await importer.applyImport(editor, eventId, result.preview.token);
    expect(applied).toMatchObject({ ok: true, added: 1, skipped: 0, leadersCreated: 0 });
    const after = await counts();
    expect(after).toEqual({ ...before, steps: before.steps + 1, revisions: before.revisions + 1 });
    const again = await importer.applyImport(editor, eventId, result.preview.token);
    expect(again).toMatchObject({ ok: true, added: 0, skipped: 1 });
    expect(await counts()).toEqual(after);
  });

  it("refuses a reviewer, a token for another editor, and a forged one", async () => {
    expect(await importer.previewImport(reviewer, eventId, example())).toMatchObject({ ok: false });
    const result = await importer.previewImport(editor, eventId, example());
    if (!result.ok) throw new Error(result.message);
    const before = await counts();
    expect(await importer.applyImport(reviewer, eventId, result.preview.token)).toMatchObject({
      ok: false,
    });
    expect(await importer.applyImport(editor, eventId, `${result.preview.token}x`)).toMatchObject({
      ok: false,
    });
    expect(await importer.applyImport(editor, eventId + 1000, result.preview.token)).toMatchObject({
      ok: false,
    });
    expect(await counts()).toEqual(before);
  });
});

describe("a dry run that creates a leader, applied twice", () => {
  it("creates the leader once and adds the step once", async () => {
    const source = await t.db.source.findFirstOrThrow();
    const file = `leader,country,office,status,as_of,source,quote\r\nNew Person,Ruritania,President,reported,2025-04-12,${source.id},Robert Fico is the only EU leader\r\n`;
    const result = await importer.previewImport(editor, eventId, new TextEncoder().encode(file));
    if (!result.ok) throw new Error(result.message);
    expect(result.preview.counts).toMatchObject({ add: 1, newLeaders: 1 });
    expect(await importer.applyImport(editor, eventId, result.preview.token)).toMatchObject({
      ok: true,
      added: 1,
      leadersCreated: 1,
    });
    const after = await counts();
    expect(await importer.applyImport(editor, eventId, result.preview.token)).toMatchObject({
      ok: true,
      added: 0,
      skipped: 1,
      leadersCreated: 0,
    });
    expect(await counts()).toEqual(after);
  });
});

describe("an outcome imported twice", () => {
  it("is recorded once, though its step carries the plan in force", async () => {
    const source = await t.db.source.findFirstOrThrow();
    const file = `leader,status,as_of,source,quote\r\nRobert Fico,attended,2025-05-09,${source.id},Robert Fico is the only EU leader\r\n`;
    const first = await importer.previewImport(editor, eventId, new TextEncoder().encode(file));
    if (!first.ok) throw new Error(first.message);
    expect(await importer.applyImport(editor, eventId, first.preview.token)).toMatchObject({
      added: 1,
    });
    expect(await importer.applyImport(editor, eventId, first.preview.token)).toMatchObject({
      added: 0,
      skipped: 1,
    });
    const again = await importer.previewImport(editor, eventId, new TextEncoder().encode(file));
    if (!again.ok) throw new Error(again.message);
    expect(again.preview.rows[0]!.verdict).toBe("skip");
  });
});
