import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase } from "./helpers/test-db";

const ENTRIES = 20_000;
const STATUSES = ["confirmed", "reported", "declined"] as const;
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
  const events = [];
  for (let e = 0; e < EVENTS; e++) {
    events.push(
      await t.db.event.create({
        data: {
          slug: `event-${e}`,
          name: `Event ${e}`,
          place: "Somewhere",
          date: new Date(Date.UTC(2026, 0, e + 1)),
          occasion: "Bench",
        },
      }),
    );
  }
  const perEvent = ENTRIES / EVENTS;
  await t.db.leader.createMany({
    data: Array.from({ length: perEvent }, (_, i) => ({
      name: `Leader ${i}, of "Place"`,
      office: "President",
      polity: `Country ${i % 190}`,
      countryCode: "XX",
    })),
  });
  const leaders = await t.db.leader.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  await t.db.attendance.createMany({
    data: events.flatMap((event) =>
      leaders.map((leader, i) => ({
        eventId: event.id,
        leaderId: leader.id,
        status: STATUSES[i % STATUSES.length]!,
        note: i % 50 === 0 ? "=1+2" : "",
      })),
    ),
  });
  const entries = await t.db.attendance.findMany({ select: { id: true } });
  await t.db.citation.createMany({
    data: entries.map((entry) => ({
      attendanceId: entry.id,
      sourceId: source.id,
      quote: "x".repeat(120),
      start: 0,
      end: 120,
    })),
  });
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
  expect(header).toHaveLength(13);
  expect(rows).toHaveLength(ENTRIES);
  const ids = rows.map((row) => Number(row[12]?.split("/").pop()));
  expect(new Set(ids).size).toBe(ENTRIES);
  expect(ids).toEqual(ids.toSorted((a, b) => a - b));
  expect(rows.filter((row) => row[7] === "'=1+2")).toHaveLength(ENTRIES / 50);
  expect(rows.every((row) => /^Leader \d+, of "Place"$/.test(row[1] ?? ""))).toBe(true);
});
