import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntry, createEvent, createLeader, createSource } from "../factories";
import { createTestDatabase } from "./helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let reach: typeof import("@/lib/data/page-reach");

beforeAll(async () => {
  t = await createTestDatabase();
  reach = await import("@/lib/data/page-reach");
});
afterAll(() => t.cleanup());

const QUOTE = "Anna Example will attend the Harbour Summit";
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

/**
 * Two events. Anna's entry at the first cites two sources over two steps; Boris's there cites
 * a third; at the second event, Carl's entry names Anna as his representative, citing a fourth.
 */
async function world() {
  const [first, second] = [await createEvent(t.db), await createEvent(t.db)];
  const sources = [
    await createSource(t.db),
    await createSource(t.db),
    await createSource(t.db),
    await createSource(t.db),
  ];
  const anna = await createLeader(t.db, { name: "Anna Example" });
  const step = (sourceId: number, asOf: string, representativeId?: number) => ({
    status: "reported" as const,
    asOf,
    representativeId,
    citations: [{ sourceId, quote: QUOTE }],
  });
  const annas = await createEntry(t.db, {
    eventId: first.id,
    leader: anna.id,
    steps: [step(sources[0]!.id, "2000-05-01"), step(sources[1]!.id, "2000-05-02")],
  });
  const boris = await createEntry(t.db, {
    eventId: first.id,
    leader: { name: "Boris Sample" },
    steps: [step(sources[2]!.id, "2000-05-01")],
  });
  const carls = await createEntry(t.db, {
    eventId: second.id,
    leader: { name: "Carl Other" },
    steps: [step(sources[3]!.id, "2000-05-01", anna.id)],
  });
  return { first, second, sources, anna, annas, boris, carls };
}

describe("which pages show a record", () => {
  it("a leader: their entries, the entries they represent someone in, and their own entries' sources", async () => {
    const w = await world();
    const found = await reach.getLeaderReach([w.anna.id]);
    expect(sorted(found.attendanceIds)).toEqual(sorted([w.annas.id, w.carls.id]));
    expect(found.eventSlugs.sort()).toEqual([w.first.slug, w.second.slug].sort());
    // Carl's source names Carl beside its passage, not his representative.
    expect(sorted(found.sourceIds)).toEqual(sorted([w.sources[0]!.id, w.sources[1]!.id]));
    expect(await reach.getLeaderReach([])).toEqual({
      attendanceIds: [],
      eventSlugs: [],
      sourceIds: [],
    });
  });

  it("an event: its entries, their leaders and the sources any of their steps cite", async () => {
    const w = await world();
    const found = await reach.getEventReach(w.first.id);
    expect(sorted(found.attendanceIds)).toEqual(sorted([w.annas.id, w.boris.id]));
    expect(sorted(found.leaderIds)).toEqual(sorted([w.anna.id, w.boris.leaderId]));
    expect(sorted(found.sourceIds)).toEqual(sorted(w.sources.slice(0, 3).map((s) => s.id)));
  });

  it("a source's number of texts, none for a source that is gone", async () => {
    const w = await world();
    await t.db.source.update({ where: { id: w.sources[1]!.id }, data: { textVersion: 3 } });
    const texts = await reach.listSourceTextVersions([w.sources[0]!.id, w.sources[1]!.id, 1e9]);
    expect([...texts]).toEqual(
      expect.arrayContaining([
        [w.sources[0]!.id, 1],
        [w.sources[1]!.id, 3],
      ]),
    );
    expect(texts.has(1e9)).toBe(false);
  });
});
