import { parse } from "csv-parse/sync";
import { WIDE_COLUMNS } from "@/lib/csv/attendance-rows";
import { afterAll, beforeAll, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTestDatabase } from "./helpers/test-db";

const ENTRIES = 20_000;
const EVENTS = 4;

let t: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  t = await createTestDatabase();
  const source = await t.db.source.create({
    data: {
      title: "Wire",
      publisher: "Wire",
      url: "https://wire.example/1",
      text: "x".repeat(500),
    },
  });
  for (let e = 0; e < EVENTS; e++) {
    await t.db.event.create({
      data: {
        slug: `event-${e}`,
        name: `Event ${e}`,
        place: "Somewhere",
        date: new Date(Date.UTC(2026, 0, e + 1)),
        endDate: new Date(Date.UTC(2026, 0, e + 1)),
        occasion: "Bench",
      },
    });
  }
  // Prisma's createMany is slow for this many rows (very slow on a busy machine), so the rows
  // are copied in SQL from a template leader made through Prisma: every date is stored
  // exactly as Prisma stores it.
  const template = await t.db.leader.create({
    data: { name: "Template", office: "President", polity: "Nowhere", countryCode: "XX" },
  });
  await t.db.$executeRaw`
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${ENTRIES / EVENTS - 1})
    INSERT INTO "Leader" ("name", "office", "polity", "countryCode", "createdAt", "updatedAt")
    SELECT 'Leader ' || i || ', of "Place"', t."office", 'Country ' || (i % 190), t."countryCode",
           t."updatedAt", t."updatedAt"
    FROM n, "Leader" t WHERE t."id" = ${template.id}`;
  // PostgreSQL keeps the status as an enum type, which text does not turn into by itself.
  const asStatus = t.provider === "postgresql" ? Prisma.raw(`::"AttendanceStatus"`) : Prisma.empty;
  await t.db.$executeRaw`
    INSERT INTO "Attendance" ("eventId", "leaderId", "status", "note", "createdAt", "updatedAt")
    SELECT e."id", l."id",
           (CASE l."id" % 3 WHEN 0 THEN 'confirmed' WHEN 1 THEN 'reported' ELSE 'declined' END)${asStatus},
           CASE WHEN l."id" % 50 = 0 THEN '=1+2' ELSE '' END, t."updatedAt", t."updatedAt"
    FROM "Event" e, "Leader" l, "Leader" t
    WHERE t."id" = ${template.id} AND l."id" <> t."id"`;
  // One step per entry with its citation, and the entry's current step, as syncStory
  // (lib/data/story.ts) would derive it.
  await t.db.$executeRaw`
    INSERT INTO "StatusStep" ("attendanceId", "status", "recordedAt", "updatedAt")
    SELECT a."id", a."status", a."createdAt", a."createdAt" FROM "Attendance" a`;
  await t.db.$executeRaw`
    INSERT INTO "Citation" ("stepId", "sourceId", "quote", "start", "end", "createdAt")
    SELECT s."id", ${source.id}, ${"x".repeat(120)}, 0, 120, s."recordedAt" FROM "StatusStep" s`;
  await t.db.$executeRaw`
    UPDATE "Attendance" SET "currentStepId" =
      (SELECT s."id" FROM "StatusStep" s WHERE s."attendanceId" = "Attendance"."id")`;
  await t.db.leader.delete({ where: { id: template.id } });
  expect(await t.db.attendance.count()).toBe(ENTRIES);
  expect(await t.db.citation.count()).toBe(ENTRIES);
}, 120_000);

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await t.cleanup();
});

it("streams all 20,000 entries of /attendance.csv in many chunks", async () => {
  // Imported after the database exists: lib/db.ts reads DATABASE_URL when first loaded.
  const { GET } = await import("@/app/attendance.csv/route");
  const response = await GET(new Request("http://localhost/attendance.csv"));
  expect(response.status).toBe(200);

  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks.push(next.value);
  }
  // Written as it was read: a body built in one piece would arrive as one chunk.
  expect(chunks.length).toBeGreaterThan(100);

  const [header, ...rows] = parse(Buffer.concat(chunks).toString("utf8"), {
    record_delimiter: "\r\n",
  }) as string[][];
  expect(header).toEqual([...WIDE_COLUMNS]);
  const cell = (row: string[], column: (typeof WIDE_COLUMNS)[number]) =>
    row[WIDE_COLUMNS.indexOf(column)];
  expect(rows).toHaveLength(ENTRIES);
  const ids = rows.map((row) => Number(cell(row, "url")?.split("/").pop()));
  expect(new Set(ids).size).toBe(ENTRIES);
  expect(ids).toEqual(ids.toSorted((a, b) => a - b));
  const formulas = await t.db.attendance.count({ where: { note: "=1+2" } });
  expect(formulas).toBeGreaterThan(0);
  expect(rows.filter((row) => cell(row, "note") === "'=1+2")).toHaveLength(formulas);
  expect(rows.every((row) => /^Leader \d+, of "Place"$/.test(cell(row, "leader") ?? ""))).toBe(
    true,
  );
}, 120_000); // far longer than it takes alone: a busy CI machine is much slower
