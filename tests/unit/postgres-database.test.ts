import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../factories";
import type { Editor } from "@/lib/data/session";
import { isDatabaseBusyError } from "@/lib/database";
import { postgresSchemaScript } from "../../scripts/migrate.mjs";
import { seedDatabase } from "../../prisma/seed";
import { adminQuery, createTestDatabase, postgresUrlFor } from "./helpers/test-db";
import { entryFormWithNote } from "../factories";

/** What only PostgreSQL has: migrations of its own, row locks held by other sessions. */
let t: Awaited<ReturnType<typeof createTestDatabase>>;
let editor: Editor;
let data: typeof import("@/lib/data/attendance-admin");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db);
  editor = (await createAccount(t.db, {
    email: "lock@example.org",
    name: "L. Ocker",
    password: "a-long-password",
  })) as Editor;
  data = await import("@/lib/data/attendance-admin");
});
afterAll(() => t.cleanup());

/** Another session (a psql, a second instance) with a transaction of its own. */
async function otherSession() {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  return client;
}

/** Every table's columns, indexes, constraints and enum labels, as lines to compare. */
async function describeSchema(client: pg.Client): Promise<string[]> {
  const lines = async (sql: string) =>
    (await client.query<{ line: string }>(sql)).rows.map((row) => row.line);
  return [
    ...(await lines(`
      SELECT concat_ws(' ', table_name, column_name, udt_name, is_nullable, column_default) AS line
      FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      ORDER BY table_name, column_name`)),
    ...(await lines(`
      SELECT indexdef AS line FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`)),
    ...(await lines(`
      SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line
      FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
      ORDER BY 1`)),
    ...(await lines(`
      SELECT t.typname || ' ' || e.enumlabel AS line
      FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder`)),
  ];
}

describe("PostgreSQL", () => {
  it("has migrations that make exactly prisma/postgres/schema.prisma", async () => {
    // The test's database was made by the migrations; this one by the schema itself.
    const name = `rollcall_schema_${Date.now()}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    const reference = new pg.Client({ connectionString: postgresUrlFor(name) });
    try {
      await reference.connect();
      await reference.query(await postgresSchemaScript());
      const migrated = await otherSession();
      try {
        const expected = await describeSchema(reference);
        expect(expected.length).toBeGreaterThan(50);
        expect(await describeSchema(migrated)).toEqual(expected);
      } finally {
        await migrated.end();
      }
    } finally {
      await reference.end();
      await adminQuery(`DROP DATABASE IF EXISTS "${name}"`);
    }
  });

  it("answers a save blocked past lock_timeout with the busy message, and saves it once free", async () => {
    const entry = await t.db.attendance.findFirstOrThrow({ orderBy: { id: "desc" } });
    const form = await entryFormWithNote(t.db, entry.id, "waited");
    const other = await otherSession();
    try {
      await other.query("BEGIN");
      await other.query(`SELECT * FROM "Attendance" WHERE "id" = $1 FOR UPDATE`, [entry.id]);
      const blocked = await data.updateAttendance(editor, entry.id, form.version, form.input);
      expect(blocked).toMatchObject({ ok: false, kind: "busy" });
      if (!blocked.ok) expect(blocked.message).toMatch(/busy and nothing was saved/);
      await other.query("ROLLBACK");
    } finally {
      await other.end();
    }
    const stored = await t.db.attendance.findUniqueOrThrow({ where: { id: entry.id } });
    expect([stored.note, stored.version]).toEqual([entry.note, entry.version]);

    const again = await data.updateAttendance(editor, entry.id, form.version, form.input);
    expect(again.ok).toBe(true);
  }, 30_000);

  it("runs a save again when PostgreSQL ends it to break a deadlock with another session", async () => {
    const steps = await import("@/lib/data/steps-admin");
    const step = await t.db.statusStep.findFirstOrThrow({
      where: { citations: { some: {} } },
      include: { citations: { orderBy: { position: "asc" } } },
      orderBy: { id: "asc" },
    });
    const input = {
      status: step.status,
      asOf: step.asOf ? step.asOf.toISOString().slice(0, 10) : "",
      note: "saved after the deadlock",
      citations: step.citations.map((c) => ({ sourceId: c.sourceId, quote: c.quote })),
    };
    const other = await otherSession();
    // Watches from outside both transactions: a session inside one sees pg_stat_activity as it
    // was when the transaction first read it.
    const watcher = await otherSession();
    try {
      // A step's save takes the step's row, then its entry's (to derive the current status).
      // The other session holds the entry's row; the save takes the step's and waits for the
      // entry's; the other session then wants the step's. PostgreSQL ends the one whose
      // deadlock_timeout runs out first, the save, which began waiting first, with 40P01, and
      // the save runs again once the other is done.
      const { rows } = await other.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      await other.query("BEGIN");
      await other.query(`UPDATE "Attendance" SET "note" = "note" WHERE "id" = $1`, [
        step.attendanceId,
      ]);
      const saving = steps.updateStep(editor, step.id, step.version, input);
      // Only once the save waits for the entry's row does the other session ask for the
      // step's: on a busy machine the save may take a while to get there.
      const blockedByOther = async () =>
        (
          await watcher.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`,
            [rows[0]!.pid],
          )
        ).rows[0]!.n;
      await expect.poll(blockedByOther, { timeout: 10_000, interval: 20 }).toBeGreaterThan(0);
      await other.query(`UPDATE "StatusStep" SET "note" = 'from psql' WHERE "id" = $1`, [step.id]);
      await other.query("COMMIT");
      const result = await saving;
      expect(result.ok).toBe(true);
    } finally {
      await other.end();
      await watcher.end();
    }
    const stored = await t.db.statusStep.findUniqueOrThrow({ where: { id: step.id } });
    expect([stored.note, stored.version]).toEqual(["saved after the deadlock", step.version + 1]);
  }, 30_000);

  it("runs saves one at a time across connections: a save waits for another's transaction", async () => {
    const [first, second] = await t.db.attendance.findMany({ orderBy: { id: "asc" }, take: 2 });
    const form = await entryFormWithNote(t.db, second!.id, "after the other");
    let finished = 0;
    const slow = t.db.$transaction(async (tx) => {
      await tx.attendance.update({ where: { id: first!.id }, data: { note: "slow" } });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      finished = Date.now();
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const result = await data.updateAttendance(editor, second!.id, form.version, form.input);
    const saved = Date.now();
    await slow;
    expect(result.ok).toBe(true);
    expect(saved).toBeGreaterThanOrEqual(finished);
  }, 30_000);

  it("counts serialization failures, deadlocks and lock timeouts as busy, not other errors", () => {
    const adapterError = (originalCode: string) => ({
      code: "P2010",
      meta: { driverAdapterError: { cause: { kind: "postgres", originalCode } } },
    });
    expect(isDatabaseBusyError({ code: "P2034" })).toBe(true);
    expect(isDatabaseBusyError(adapterError("40P01"))).toBe(true);
    expect(isDatabaseBusyError(adapterError("55P03"))).toBe(true);
    expect(isDatabaseBusyError(adapterError("23505"))).toBe(false);
    expect(isDatabaseBusyError(new Error("boom"))).toBe(false);
  });
});
