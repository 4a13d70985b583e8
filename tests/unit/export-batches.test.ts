import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntry, createEvent, createLeader, createSource, SAMPLE_ARTICLE } from "../factories";
import { createTestDatabase, testProvider } from "./helpers/test-db";

/**
 * The whole-site export reads each batch's events apart from its entries, and keeps the
 * leaders and sources it has read for the rest of the export (lib/data/export.ts): the entries
 * must come out as the entry page reads them whatever the batch size and however few records
 * it keeps, and an entry whose event or leader cannot be found is left out, as a join left it
 * out.
 */
let t: Awaited<ReturnType<typeof createTestDatabase>>;
let exports: typeof import("@/lib/data/export");
let reads: typeof import("@/lib/data/attendance");
const ids: number[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  exports = await import("@/lib/data/export");
  reads = await import("@/lib/data/attendance");
  const events = [
    await createEvent(t.db, { date: "2025-05-09" }),
    await createEvent(t.db, { date: "2025-06-01", endDate: "2025-06-03" }),
  ];
  const quote = "Syldavia's King Ottokar declined the invitation";
  const sources = [
    await createSource(t.db, { text: SAMPLE_ARTICLE }),
    await createSource(t.db, { text: SAMPLE_ARTICLE, title: "A second report" }),
  ];
  const cite = [{ sourceId: sources[0]!.id, quote }];
  const citeBoth = [{ sourceId: sources[1]!.id, quote }, ...cite];
  const envoys = [
    await createLeader(t.db, { name: "Rajnath Singh", office: "Defence Minister" }),
    await createLeader(t.db, { name: "Envoy Example", office: "Ambassador", polity: "Borduria" }),
  ];
  for (let i = 0; i < 7; i++) {
    const entry = await createEntry(t.db, {
      eventId: events[i % 2]!.id,
      leader: { name: `Leader ${i}`, countryCode: i % 3 ? "RU" : null },
      steps: [
        { status: "reported", asOf: "2025-04-01", citations: cite },
        {
          status: "declined",
          outcome: i % 3 === 0 ? "did_not_attend" : null,
          representativeId: i % 3 === 0 ? envoys[i % 2]!.id : null,
          asOf: "2025-04-20",
          citations: [[], cite, citeBoth][i % 3]!,
        },
      ],
    });
    ids.push(entry.id);
  }
});

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await t.cleanup();
});

async function exported(batchSize: number, recordsKept?: number) {
  const entries = [];
  for await (const batch of exports.listAllAttendanceForExport({}, batchSize, recordsKept)) {
    entries.push(...batch);
  }
  return entries;
}

describe("the whole-site export's batches", () => {
  it("give each entry with its event and representative, as the entry page reads it", async () => {
    const expected = [];
    for (const id of ids) {
      const { event, ...entry } = (await reads.getAttendance(id))!;
      expected.push({
        ...entry,
        event: { slug: event.slug, date: event.date, endDate: event.endDate },
      });
    }
    expect(expected.filter((entry) => entry.representative !== null)).toHaveLength(3);
    expect(expected.filter((entry) => entry.citations.length === 2)).toHaveLength(2);
    for (const batchSize of [1, 2, 3, 7, 500]) {
      expect(await exported(batchSize), `batches of ${batchSize}`).toEqual(expected);
      // Fewer leaders and sources kept than one batch names: they are read again, not mixed up.
      for (const kept of [1, 2]) {
        expect(await exported(batchSize, kept), `batches of ${batchSize}, ${kept} kept`).toEqual(
          expected,
        );
      }
    }
  });

  // Only a database without its foreign keys can hold such an entry (SQLite lets a connection
  // turn them off); a join left it out, and so do the batches. Each case leaves its entry so.
  const gone: number[] = [];
  it.skipIf(testProvider() === "postgresql").each([
    ["event", "eventId", 2],
    ["leader", "leaderId", 4],
  ] as const)("leave out an entry whose %s is gone, and go on past it", async (_, column, at) => {
    gone.push(ids[at]!);
    await t.db.$executeRawUnsafe("PRAGMA foreign_keys = OFF");
    try {
      await t.db.$executeRawUnsafe(
        `UPDATE "Attendance" SET "${column}" = 999999 WHERE "id" = ${ids[at]}`,
      );
      for (const batchSize of [1, 3, 500]) {
        const exportedIds = (await exported(batchSize)).map((entry) => entry.id);
        expect(exportedIds, `batches of ${batchSize}`).toEqual(
          ids.filter((id) => !gone.includes(id)),
        );
      }
    } finally {
      await t.db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
    }
  });
});
