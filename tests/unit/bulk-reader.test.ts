import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { toDate, type BulkReader } from "@/lib/bulk-read";
import { createBulkReader } from "@/lib/database";
import { createTestDatabase, testProvider } from "./helpers/test-db";

/**
 * The exports read through the bulk reader instead of $queryRaw: the rows must come out the
 * same, value for value, or the CSV would change.
 */
let t: Awaited<ReturnType<typeof createTestDatabase>>;
let reader: BulkReader;

beforeAll(async () => {
  t = await createTestDatabase();
  reader = createBulkReader(t.url);
  if (t.provider === "postgresql") {
    // The same rows in PostgreSQL's own types; timestamps as Prisma writes DateTimes there.
    await t.db.$executeRawUnsafe(`
      CREATE TABLE "Probe" (
        "id" INTEGER NOT NULL PRIMARY KEY, "at" TIMESTAMP(3), "flag" BOOLEAN, "count" INTEGER,
        "ratio" DOUBLE PRECISION, "label" TEXT
      )`);
    await t.db.$executeRawUnsafe(`
      INSERT INTO "Probe" VALUES
        (1, '2026-11-01 09:30:00.123', true, 3, 1.5, 'Ana'),
        (2, '2026-11-01 09:30:00', false, -7, 0, ''),
        (3, '2026-11-01 09:30:00', NULL, NULL, NULL, NULL),
        (4, '2026-11-01', true, 0, 2.25, 'Bo, "Li"'),
        (5, '1969-12-31 23:59:59.999', false, 2147483647, -1, 'É'),
        (6, NULL, true, 1, 1, 'x')`);
    return;
  }
  await t.db.$executeRawUnsafe(`
    CREATE TABLE "Probe" (
      "id" INTEGER NOT NULL PRIMARY KEY, "at" DATETIME, "flag" BOOLEAN, "count" INTEGER,
      "ratio" REAL, "label" TEXT
    )`);
  // As Prisma writes DateTimes (ISO, +00:00), and as other writers might: Z, a space instead
  // of the T, a date alone, milliseconds since the epoch.
  await t.db.$executeRawUnsafe(`
    INSERT INTO "Probe" VALUES
      (1, '2026-11-01T09:30:00.123+00:00', 1, 3, 1.5, 'Ana'),
      (2, '2026-11-01T09:30:00Z', 0, -7, 0, ''),
      (3, '2026-11-01 09:30:00', NULL, NULL, NULL, NULL),
      (4, '2026-11-01', 1, 0, 2.25, 'Bo, "Li"'),
      (5, 1764000000000, 0, 9007199254740991, -1, 'É'),
      (6, NULL, 1, 1, 1, 'x')`);
});

afterAll(async () => {
  reader.close();
  await t.cleanup();
});

const probe = (where: Prisma.Sql = Prisma.empty) =>
  Prisma.sql`SELECT "id", "at", "flag", "count", "ratio", "label" FROM "Probe" ${where} ORDER BY "id"`;

describe("the bulk reader", () => {
  it("gives every column's values as $queryRaw gives them", async () => {
    const expected = await t.db.$queryRaw<unknown[]>(probe());
    expect(expected).toHaveLength(6);
    expect(await reader.all(probe())).toEqual(expected);
  });

  it("binds Dates, booleans, numbers and text as $queryRaw binds them", async () => {
    const where = Prisma.sql`WHERE "at" >= ${new Date("2026-11-01T09:30:00.000Z")}
      AND "flag" = ${true} AND "count" > ${0} AND "label" <> ${"x"}`;
    const expected = await t.db.$queryRaw<{ id: number }[]>(probe(where));
    expect(expected.map((row) => row.id)).toEqual([1]);
    expect(await reader.all(probe(where))).toEqual(expected);
  });

  it("with isoDates, gives each DateTime as the text its Date's toISOString gives", async () => {
    const expected = (await t.db.$queryRaw<{ at: Date | null }[]>(probe())).map((row) => ({
      ...row,
      at: row.at === null ? null : row.at.toISOString(),
    }));
    expect(expected.filter((row) => row.at !== null)).toHaveLength(5);
    expect(await reader.all(probe(), { isoDates: true })).toEqual(expected);
    // The same statement without the option still gives Dates.
    expect(await reader.all(probe())).toEqual(await t.db.$queryRaw<unknown[]>(probe()));
  });

  it.skipIf(testProvider() === "postgresql")(
    "with isoDates, reads text that names no real day or time as a Date does",
    async () => {
      // SQLite keeps whatever text it is given; Date.parse carries 30 February over into March
      // and 24:00 into the next day. The text in Prisma's own form is given without a Date.
      const stamps = [
        "2026-11-01T09:30:00.123+00:00",
        "2026-11-01T09:30:00.123Z",
        "2026-02-28T23:59:59.999+00:00",
        "2026-02-29T00:00:00.000+00:00",
        "2026-02-30T00:00:00.000+00:00",
        "2024-02-29T12:00:00.000+00:00",
        "2000-02-29T00:00:00.000+00:00",
        "2100-02-29T00:00:00.000+00:00",
        "2026-04-31T00:00:00.000+00:00",
        "2026-06-30T00:00:00.000+00:00",
        "2026-12-31T23:59:59.999+00:00",
        "2026-01-01T24:00:00.000+00:00",
        "0000-01-01T00:00:00.000+00:00",
        "2026-11-01T09:30:00.123+02:00",
      ];
      await t.db.$executeRawUnsafe(
        `CREATE TABLE "Stamp" ("id" INTEGER PRIMARY KEY, "at" DATETIME)`,
      );
      for (const [i, at] of stamps.entries()) {
        await t.db.$executeRaw`INSERT INTO "Stamp" VALUES (${i}, ${at})`;
      }
      const rows = await reader.all<{ at: string }>(
        Prisma.sql`SELECT "at" FROM "Stamp" ORDER BY "id"`,
        { isoDates: true },
      );
      expect(rows.map((row) => row.at)).toEqual(stamps.map((at) => toDate(at).toISOString()));
    },
  );

  it("runs the same statement again with other values, and many statements", async () => {
    const ids = async (min: number) =>
      (await reader.all<{ id: number }>(probe(Prisma.sql`WHERE "id" >= ${min}`))).map(
        (row) => row.id,
      );
    expect(await ids(5)).toEqual([5, 6]);
    expect(await ids(2)).toEqual([2, 3, 4, 5, 6]);
    for (let n = 1; n <= 40; n++) {
      const rows = await reader.all<{ n: number }>(
        Prisma.sql`SELECT ${n} + ${Prisma.raw(String(n))} AS "n"`,
      );
      expect(rows).toEqual([{ n: 2 * n }]);
    }
    expect(await ids(6)).toEqual([6]);
  });
});

describe("toDate", () => {
  it("gives the Date that new Date gives, for text and for milliseconds", () => {
    const values = [
      "2026-11-01T09:30:00.123+00:00",
      "2026-11-01T09:30:00.123+02:00",
      "2026-11-01 09:30:00",
      "2026-11-01",
      "not a date",
      1764000000000,
      -1,
      8.64e15 + 1,
    ];
    for (const value of values) {
      const date = toDate(value);
      expect(date).toBeInstanceOf(Date);
      expect(date.getTime(), String(value)).toEqual(new Date(value).getTime());
    }
  });
});
