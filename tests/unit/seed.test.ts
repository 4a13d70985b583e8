import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeedData, seedDatabase } from "../../prisma/seed";
import { createTestDatabase } from "./helpers/test-db";

// What the seed must store, written out here, not read from prisma/data: leader as the article
// writes it, office, country or entity, code, status.
const EXPECTED = [
  ["Nicolas Maduro", "President", "Venezuela", "VE", "confirmed"],
  ["Alexander Lukashenko", "President", "Belarus", "BY", "confirmed"],
  ["Xi Jinping", "President", "China", "CN", "confirmed"],
  ["Emomali Rahmon", "President", "Tajikistan", "TJ", "confirmed"],
  ["Ilham Aliyev", "President", "Azerbaijan", "AZ", "confirmed"],
  [
    "Milorad Dodik",
    "President of Republika Srpska",
    "Republika Srpska (Bosnia and Herzegovina)",
    "BA",
    "confirmed",
  ],
  ["Mahmoud Abbas", "Head of the Palestinian National Authority", "Palestine", "PS", "confirmed"],
  ["Luiz Inacio Lula da Silva", "President", "Brazil", "BR", "reported"],
  ["Robert Fico", "Prime Minister", "Slovakia", "SK", "confirmed"],
] as const;

const SIX =
  "Several other foreign leaders have confirmed their attendance at the Victory Day parade";

describe("the seed", () => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    t = await createTestDatabase();
    await seedDatabase(t.db);
  });
  afterAll(() => t.cleanup());

  async function snapshot() {
    const [events, sources, leaders, entries, citations] = await Promise.all([
      t.db.event.findMany({ orderBy: { id: "asc" } }),
      t.db.source.findMany({ orderBy: { id: "asc" } }),
      t.db.leader.findMany({ orderBy: { id: "asc" } }),
      t.db.attendance.findMany({ orderBy: { id: "asc" } }),
      t.db.citation.findMany({ orderBy: { id: "asc" } }),
    ]);
    return { events, sources, leaders, entries, citations };
  }

  it("creates the event and the source as source.json describes them", async () => {
    const event = await t.db.event.findUniqueOrThrow({
      where: { slug: "victory-day-parade-2025" },
    });
    expect(event).toMatchObject({ name: "Victory Day Parade", place: "Moscow, Russia" });
    expect(event.date.toISOString()).toBe("2025-05-09T00:00:00.000Z");
    const [source, ...others] = await t.db.source.findMany();
    expect(others).toHaveLength(0);
    expect(source).toMatchObject({
      publisher: "bne IntelliNews",
      url: "https://intellinews.com/venezuela-s-maduro-to-attend-moscow-s-victory-day-parade-376595/",
      publishedOn: null,
    });
    expect(source!.dateNote).toMatch(/on or after/);
  });

  it("creates exactly the nine entries of the article, as of 12 April 2025", async () => {
    const entries = await t.db.attendance.findMany({ include: { leader: true } });
    const rows = entries.map((e) => [
      e.leader.name,
      e.leader.office,
      e.leader.polity,
      e.leader.countryCode,
      e.status,
    ]);
    expect(rows.toSorted()).toEqual(EXPECTED.map((r) => [...r]).toSorted());
    for (const entry of entries) expect(entry.asOf?.toISOString()).toBe("2025-04-12T00:00:00.000Z");
    const names = entries.map((e) => e.leader.name).join(" ");
    for (const mentioned of ["Lavrov", "Gil", "Putin", "Chávez", "Trump"])
      expect(names).not.toContain(mentioned);
  });

  it("backs every entry with the passage that supports its status", async () => {
    const entries = await t.db.attendance.findMany({
      include: {
        leader: true,
        currentStep: { include: { citations: { orderBy: { position: "asc" } } } },
      },
    });
    const quotes = Object.fromEntries(
      entries.map((e) => [e.leader.name, e.currentStep!.citations.map((c) => c.quote)]),
    );
    expect(quotes["Nicolas Maduro"]).toEqual([
      expect.stringMatching(
        /^Venezuelan President Nicolas Maduro will travel to Moscow .* announced on April 12\.$/,
      ),
      "We appreciate that President Maduro will be with us on Victory Day",
    ]);
    for (const name of [
      "Alexander Lukashenko",
      "Xi Jinping",
      "Emomali Rahmon",
      "Ilham Aliyev",
      "Milorad Dodik",
      "Mahmoud Abbas",
    ]) {
      expect(quotes[name]).toEqual([expect.stringContaining(SIX)]);
      expect(quotes[name]![0]).toContain(name.split(" ").at(-1));
    }
    expect(quotes["Luiz Inacio Lula da Silva"]).toEqual([
      "Brazilian President Luiz Inacio Lula da Silva reportedly intends to visit Moscow for the celebrations",
    ]);
    expect(quotes["Robert Fico"]).toEqual([
      "Slovak Prime Minister Robert Fico is the only EU leader scheduled to attend",
    ]);
  });

  it("stores citations whose offsets point at their quote, with up to 32 characters of context", async () => {
    const citations = await t.db.citation.findMany({ include: { source: true } });
    expect(citations).toHaveLength(10);
    for (const c of citations) {
      expect(c.source.text.slice(c.start, c.end)).toBe(c.quote);
      expect(c.source.text.slice(c.start - c.prefix.length, c.start)).toBe(c.prefix);
      expect(c.source.text.slice(c.end, c.end + c.suffix.length)).toBe(c.suffix);
      expect(c.prefix.length).toBeLessThanOrEqual(32);
      expect(c.suffix.length).toBeLessThanOrEqual(32);
    }
  });

  it("is idempotent: seeding again changes nothing", async () => {
    const before = await snapshot();
    const { created } = await seedDatabase(t.db);
    expect(Object.values(created).every((n) => n === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it("never overwrites an editor's change", async () => {
    const fico = await t.db.leader.findFirstOrThrow({ where: { name: "Robert Fico" } });
    const entry = await t.db.attendance.findFirstOrThrow({ where: { leaderId: fico.id } });
    await t.db.attendance.update({ where: { id: entry.id }, data: { status: "declined" } });
    await seedDatabase(t.db);
    expect((await t.db.attendance.findUniqueOrThrow({ where: { id: entry.id } })).status).toBe(
      "declined",
    );
  });

  it("gives the seeded leaders their other spellings: a search for Lukashenka finds Lukashenko", async () => {
    const { listAttendance } = await import("@/lib/data/attendance");
    const event = await t.db.event.findUniqueOrThrow({
      where: { slug: "victory-day-parade-2025" },
    });
    const found = async (q: string) =>
      (await listAttendance(event.id, { q, sort: "name" })).map((e) => e.leader.name);
    for (const q of ["Lukashenka", "Łukaszenka", "lukaszenka", "Лукашенко"])
      expect(await found(q), q).toEqual(["Alexander Lukashenko"]);
    expect(await found("习近平")).toEqual(["Xi Jinping"]);
    expect(await found("Abu Mazen")).toEqual(["Mahmoud Abbas"]);
    const lukashenko = await t.db.leader.findFirstOrThrow({
      where: { name: "Alexander Lukashenko" },
    });
    expect(JSON.parse(lukashenko.aliases)).toContain("Lukashenka");
  });

  it("keeps the project's seed data independent of ../shared", () => {
    const data = loadSeedData();
    expect(data.source.text.length).toBeGreaterThan(3000);
    expect(data.entries).toHaveLength(9);
  });
});
