import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../factories";
import type { Editor } from "@/lib/data/session";
import { seedDatabase } from "../../prisma/seed";
import { createTestDatabase } from "./helpers/test-db";
import { entryFormWithNote } from "../factories";

/**
 * Saves that race each other, on whichever database the suite runs on. SQLite runs one write
 * transaction at a time; PostgreSQL runs them side by side, and the data layer's
 * read-check-write must still refuse a lost update and keep every acknowledged save.
 */
let t: Awaited<ReturnType<typeof createTestDatabase>>;
let editor: Editor;
let data: typeof import("@/lib/data/attendance-admin");
let throttle: typeof import("@/lib/data/sign-in-throttle");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db);
  editor = (await createAccount(t.db, {
    email: "race@example.org",
    name: "R. Acer",
    password: "a-long-password",
  })) as Editor;
  data = await import("@/lib/data/attendance-admin");
  throttle = await import("@/lib/data/sign-in-throttle");
});
afterAll(() => t.cleanup());

describe("saves at the same moment", () => {
  it("of one entry at one version: one is saved, the others are refused, no revision is lost", async () => {
    const entry = await t.db.attendance.findFirstOrThrow({ orderBy: { id: "asc" } });
    const revisionsBefore = await t.db.revision.count({
      where: { entityType: "attendance", entityId: entry.id },
    });
    const notes = ["from A", "from B", "from C", "from D"];
    const forms = await Promise.all(notes.map((note) => entryFormWithNote(t.db, entry.id, note)));
    const results = await Promise.all(
      forms.map((form) => data.updateAttendance(editor, entry.id, form.version, form.input)),
    );

    const saved = results.flatMap((result, i) => (result.ok ? [notes[i]] : []));
    expect(saved).toHaveLength(1);
    for (const result of results.filter((r) => !r.ok)) {
      expect(result).toMatchObject({ ok: false, kind: "conflict", version: entry.version + 1 });
    }
    const stored = await t.db.attendance.findUniqueOrThrow({ where: { id: entry.id } });
    expect([stored.note, stored.version]).toEqual([saved[0], entry.version + 1]);
    expect(
      await t.db.revision.count({ where: { entityType: "attendance", entityId: entry.id } }),
    ).toBe(revisionsBefore + 1);
  });

  it("of different entries: every save is acknowledged and kept", async () => {
    const entries = await t.db.attendance.findMany({ orderBy: { id: "asc" }, take: 8 });
    expect(entries.length).toBeGreaterThanOrEqual(6);
    const forms = await Promise.all(
      entries.map((entry) => entryFormWithNote(t.db, entry.id, `busy day ${entry.id}`)),
    );
    const results = await Promise.all(
      entries.map((entry, i) =>
        data.updateAttendance(editor, entry.id, forms[i]!.version, forms[i]!.input),
      ),
    );
    expect(results.map((result) => result.ok)).toEqual(entries.map(() => true));
    const stored = await t.db.attendance.findMany({
      where: { id: { in: entries.map((entry) => entry.id) } },
      orderBy: { id: "asc" },
    });
    expect(stored.map((entry) => entry.note)).toEqual(
      entries.map((entry) => `busy day ${entry.id}`),
    );
    expect(stored.map((entry) => entry.version)).toEqual(
      entries.map((entry, i) => forms[i]!.version + 1),
    );
  });
});

describe("failed sign-ins at the same moment", () => {
  it("are all counted, from the first one on", async () => {
    const email = `burst-${Date.now()}@example.org`;
    const now = new Date();
    await Promise.all(
      Array.from({ length: 8 }, () => throttle.recordFailedSignIn(email, "198.51.100.7", now)),
    );
    const rows = await t.db.signInThrottle.findMany({
      where: { key: { in: [`pair:${email}|198.51.100.7`, `account:${email}`] } },
    });
    expect(rows.map((row) => row.failures)).toEqual([8, 8]);
    const gate = await throttle.signInGate(email, "198.51.100.7", now);
    expect(gate.refuseForSeconds).toBeGreaterThan(0);
  });
});

describe("sign-in attempts reserved at the same moment", () => {
  it("let no more than the limit through: each sees the ones before it", async () => {
    const email = `reserve-${Date.now()}@example.org`;
    const gates = await Promise.all(
      Array.from({ length: 12 }, () => throttle.reserveSignInAttempt(email, "198.51.100.9")),
    );
    expect(gates.filter((gate) => gate.refuseForSeconds === 0)).toHaveLength(5);
    // A success takes its own attempt back and clears the account and address's count.
    await throttle.recordSuccessfulSignIn(email, "198.51.100.9");
    expect((await throttle.reserveSignInAttempt(email, "198.51.100.9")).refuseForSeconds).toBe(0);
  });
});
