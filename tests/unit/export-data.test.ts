import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntry, type StepSpec } from "../factories";
import { createTestDatabase } from "./helpers/test-db";

/**
 * The whole-site export's reads (plain SQL) against what the rest of the data layer gives
 * for the same entries (Prisma queries): the same DTOs, the same order, the same filters.
 */
let t: Awaited<ReturnType<typeof createTestDatabase>>;
let exports: typeof import("@/lib/data/export");
let reads: typeof import("@/lib/data/attendance");
const ids: Record<string, number> = {};
const eventIds: number[] = [];

const TEXT = "First words. Second words, with a comma. Third words said later.";
const QUOTES = ["First words", "Second words, with a comma", "Third words said later"];

beforeAll(async () => {
  t = await createTestDatabase();
  exports = await import("@/lib/data/export");
  reads = await import("@/lib/data/attendance");

  for (const slug of ["summit-a", "summit-b"]) {
    const event = await t.db.event.create({
      data: {
        slug,
        name: slug,
        place: "Here",
        date: new Date("2026-06-01Z"),
        endDate: new Date("2026-06-01Z"),
        occasion: "Test",
      },
    });
    eventIds.push(event.id);
  }
  const source = (title: string) =>
    t.db.source.create({
      data: {
        title,
        publisher: title,
        url: `https://${title.toLowerCase()}.example/1`,
        text: TEXT,
      },
    });
  const wire = await source("Wire");
  const paper = await source("Paper");
  const cite = (sourceId: number, quote: string) => ({ sourceId, quote });
  const entry = async (
    key: string,
    eventId: number,
    leader: { name: string; office?: string; polity?: string; countryCode?: string },
    data: { status: "confirmed" | "reported" | "declined"; asOf?: string; note?: string },
    citations: ReturnType<typeof cite>[],
    earlier: StepSpec[] = [],
  ) => {
    const created = await createEntry(t.db, {
      eventId,
      leader: { office: "President", polity: "Testland", ...leader },
      note: data.note,
      steps: [...earlier, { status: data.status, asOf: data.asOf, citations }],
    });
    ids[key] = created.id;
  };

  const [a, b] = eventIds as [number, number];
  await entry(
    "percent",
    a,
    { name: "Ana 50% Quispe", countryCode: "PE" },
    { status: "confirmed", asOf: "2026-05-20", note: "Arrives Monday" },
    [cite(wire.id, QUOTES[0]!), cite(paper.id, QUOTES[1]!), cite(paper.id, QUOTES[2]!)],
  );
  await entry("underscore", a, { name: "Bo_Li" }, { status: "reported" }, []);
  // A story for the day views: Boxli was reported on 1 May (citing the paper), then declined
  // on 10 May.
  await entry(
    "x",
    b,
    { name: "Boxli", polity: "Élan" },
    { status: "declined", asOf: "2026-05-10" },
    [cite(wire.id, QUOTES[1]!)],
    [{ status: "reported", asOf: "2026-05-01", citations: [cite(paper.id, QUOTES[2]!)] }],
  );
  await entry("backslash", b, { name: "C\\D Example" }, { status: "confirmed" }, [
    cite(wire.id, QUOTES[0]!),
  ]);
  for (let i = 0; i < 6; i++) {
    await entry(
      `filler${i}`,
      i % 2 ? a : b,
      { name: `Filler ${i}` },
      { status: (["confirmed", "reported", "declined"] as const)[i % 3]! },
      [cite(wire.id, QUOTES[i % 3]!)],
    );
  }
});

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await t.cleanup();
});

async function exported(
  query: Parameters<typeof exports.listAllAttendanceForExport>[0],
  batchSize?: number,
) {
  const entries = [];
  for await (const batch of exports.listAllAttendanceForExport(query, batchSize)) {
    entries.push(...batch);
  }
  return entries;
}

const keysOf = async (query: Parameters<typeof exported>[0]) => {
  const byId = Object.fromEntries(Object.entries(ids).map(([key, id]) => [id, key]));
  return (await exported(query)).map((entry) => byId[entry.id]);
};

describe("listAllAttendanceForExport", () => {
  it("gives every entry as the entry page reads it, in id order, whatever the batch size", async () => {
    const expected = [];
    for (const id of Object.values(ids).sort((x, y) => x - y)) {
      const { event, ...entry } = (await reads.getAttendance(id))!;
      expected.push({
        ...entry,
        event: { slug: event.slug, date: event.date, endDate: event.endDate },
      });
    }
    for (const batchSize of [1, 2, 3, 9, 10, 11, 500]) {
      expect(await exported({}, batchSize), `batches of ${batchSize}`).toEqual(expected);
    }
  });

  it("keeps citations in their order and an entry without citations", async () => {
    const [percent] = await exported({ q: "50%" });
    expect(percent?.citations.map((c) => c.quote)).toEqual(QUOTES);
    expect(percent?.citations.map((c) => c.source.title)).toEqual(["Wire", "Paper", "Paper"]);
    const [underscore] = await exported({ q: "bo_li" });
    expect(underscore).toMatchObject({ citations: [], asOf: null, leader: { countryCode: null } });
  });

  it("takes % and _ and \\ in a search literally", async () => {
    expect(await keysOf({ q: "%" })).toEqual(["percent"]);
    expect(await keysOf({ q: "0% q" })).toEqual(["percent"]);
    expect(await keysOf({ q: "_" })).toEqual(["underscore"]);
    expect(await keysOf({ q: "o_l" })).toEqual(["underscore"]);
    expect(await keysOf({ q: "\\" })).toEqual(["backslash"]);
    expect(await keysOf({ q: "c\\d" })).toEqual(["backslash"]);
  });

  it("searches like the list: accents, case and spacing do not matter", async () => {
    expect(await keysOf({ q: "  QUISPE " })).toEqual(["percent"]);
    expect(await keysOf({ q: "elan" })).toEqual(["x"]);
    // % _ \ included: the list and the export match them literally alike (lib/text/search-key.ts).
    for (const q of ["filler", "li", "president", "a", "%", "_", "\\", "o_l", "50%"]) {
      const listed = [];
      for (const eventId of eventIds) {
        listed.push(...(await reads.listAttendance(eventId, { sort: "name", q })));
      }
      const expected = listed.map((e) => e.id).sort((x, y) => x - y);
      expect(
        (await exported({ q })).map((e) => e.id),
        q,
      ).toEqual(expected);
    }
  });

  it("filters by status, alone and with a search", async () => {
    const declined = await exported({ status: "declined" }, 2);
    expect(declined.map((e) => e.status)).toEqual(["declined", "declined", "declined"]);
    expect(await keysOf({ status: "declined", q: "li" })).toEqual(["x"]);
    expect(await keysOf({ status: "reported", q: "li" })).toEqual(["underscore"]);
  });

  it("as of a date, gives what each event's list gives as of that date", async () => {
    for (const day of ["2026-04-30", "2026-05-05", "2026-05-15", "2026-05-25"]) {
      for (const status of [undefined, "reported", "declined"] as const) {
        const listed = [];
        for (const eventId of eventIds) {
          listed.push(...(await reads.listAttendance(eventId, { sort: "name", day, status })));
        }
        const expected = listed.map((e) => e.id).sort((x, y) => x - y);
        const got = await exported({ day, status }, 2);
        expect(
          got.map((e) => e.id),
          `${day} ${status}`,
        ).toEqual(expected);
        for (const entry of got) {
          const { event, ...rest } = entry;
          expect(rest).toEqual(listed.find((e) => e.id === entry.id));
          expect(event.slug).toMatch(/^summit-[ab]$/);
        }
      }
    }
    const may5 = await exported({ day: "2026-05-05" });
    expect(may5.map((e) => [e.id, e.status, e.citations.map((c) => c.quote)])).toEqual([
      [ids.x, "reported", [QUOTES[2]]],
    ]);
  });
});
