import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countEntries } from "@/lib/attendance/counts";
import { stepDateWarnings } from "@/lib/attendance/date-guards";
import { describeStatus, standingOf, statusTense } from "@/lib/attendance/status";
import { carriedPlans, outcomeStepOnDay, representativeOnDay } from "@/lib/history/story";
import { formatDayRange } from "@/lib/text/format-day";
import type { Editor } from "@/lib/data/session";
import { createEditor, createEntry, createEvent, createLeader, createSource } from "../factories";
import { createTestDatabase } from "./helpers/test-db";

const step = (
  id: number,
  asOf: string,
  claim: { status?: string; outcome?: string; representativeId?: number },
) => ({
  id,
  status: claim.status ?? "confirmed",
  outcome: claim.outcome ?? null,
  representativeId: claim.representativeId ?? null,
  asOf,
  recordedAt: `${asOf}T12:00:00.000Z`,
});

describe("the date guards", () => {
  const event = { name: "Victory Day Parade", endDate: "2025-05-09" };
  const report = { title: "Wire report", publishedOn: "2025-03-14" };

  it("questions a step dated before a source it cites was published, and says why", () => {
    const warnings = stepDateWarnings({ asOf: "2025-01-01", outcome: null }, [report], event);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("before “Wire report” was published (14 March 2025)");
    // On or after the publication day, or a source of unknown date: nothing to ask.
    expect(stepDateWarnings({ asOf: "2025-03-14", outcome: null }, [report], event)).toEqual([]);
    expect(
      stepDateWarnings(
        { asOf: "2025-01-01", outcome: null },
        [{ ...report, publishedOn: null }],
        event,
      ),
    ).toEqual([]);
  });

  it("questions a plan dated after the event's last day, but not an outcome", () => {
    const late = stepDateWarnings({ asOf: "2025-05-10", outcome: null }, [], event);
    expect(late).toHaveLength(1);
    expect(late[0]).toContain("after Victory Day Parade ended on 9 May 2025");
    expect(stepDateWarnings({ asOf: "2025-05-10", outcome: "attended" }, [], event)).toEqual([]);
    expect(stepDateWarnings({ asOf: "2025-05-09", outcome: null }, [], event)).toEqual([]);
    expect(stepDateWarnings({ asOf: null, outcome: null }, [report], event)).toEqual([]);
  });
});

describe("outcomes and representatives in a story", () => {
  it("gives an outcome step the plan before it, or the one its outcome implies", () => {
    const implied = (o: string) => (o === "did_not_attend" ? "declined" : "confirmed");
    const carried = carriedPlans(
      [
        step(1, "2025-04-01", { status: "reported" }),
        step(2, "2025-05-09", { outcome: "did_not_attend" }),
      ],
      implied,
    );
    expect(carried).toEqual(new Map([[2, "reported"]]));
    expect(carriedPlans([step(3, "2025-05-09", { outcome: "did_not_attend" })], implied)).toEqual(
      new Map([[3, "declined"]]),
    );
  });

  it("reads the outcome and the representative as of a day", () => {
    const story = [
      step(1, "2025-04-20", { status: "declined", representativeId: 7 }),
      step(2, "2025-05-09", { outcome: "did_not_attend" }),
    ];
    expect(outcomeStepOnDay(story, "2025-05-08")).toBeNull();
    expect(outcomeStepOnDay(story, "2025-05-09")?.outcome).toBe("did_not_attend");
    expect(representativeOnDay(story, "2025-04-19")).toBeNull();
    // A later "did not attend" keeps the representative; the leader coming in person does not.
    expect(representativeOnDay(story)).toBe(7);
    expect(
      representativeOnDay([...story, step(3, "2025-05-09", { outcome: "attended" })]),
    ).toBeNull();
  });

  it("counts each leader once, by outcome once the event has started", () => {
    const counts = countEntries([
      { status: "confirmed", outcome: "attended" },
      { status: "confirmed", outcome: null },
      { status: "declined", outcome: null },
      { status: "confirmed", outcome: "partly_attended" },
    ]);
    expect(counts).toMatchObject({ total: 4, confirmed: 3, declined: 1 });
    expect(counts.outcome).toMatchObject({
      attended: 1,
      partly_attended: 1,
      did_not_attend: 0,
      unreported_confirmed: 1,
      unreported_declined: 1,
    });
    expect(standingOf({ status: "confirmed", outcome: null })).toBe("unreported_confirmed");
  });

  it("words a plan in the tense of the reader's day, and an event's days as a range", () => {
    const parade = { endDate: "2025-05-09" };
    expect(describeStatus("confirmed", statusTense(parade, "2025-05-01"))).toBe(
      "The source states the leader will attend.",
    );
    expect(describeStatus("confirmed", statusTense(parade, "2025-05-10"))).toBe(
      "The source stated the leader would attend.",
    );
    expect(formatDayRange("2025-08-31", "2025-09-01")).toBe("31 August – 1 September 2025");
    expect(formatDayRange("2025-05-09", "2025-05-09")).toBe("9 May 2025");
  });
});

describe("recording what happened (data layer)", () => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  let editor: Editor;
  let steps: typeof import("@/lib/data/steps-admin");
  let reads: typeof import("@/lib/data/attendance");
  let admin: typeof import("@/lib/data/attendance-admin");

  beforeAll(async () => {
    t = await createTestDatabase();
    const account = await createEditor(t.db, { name: "A. Fter" });
    editor = {
      id: account.id,
      name: account.name,
      email: account.email,
      role: account.role,
    } as Editor;
    steps = await import("@/lib/data/steps-admin");
    reads = await import("@/lib/data/attendance");
    admin = await import("@/lib/data/attendance-admin");
  });
  afterAll(() => t.cleanup());

  it("keeps the plan as the status, the outcome beside it, and a delegation counted once", async () => {
    const event = await createEvent(t.db, { date: "2025-05-09" });
    const source = await createSource(t.db, { publishedOn: "2025-04-01" });
    const cite = [
      { sourceId: source.id, quote: "Syldavia's King Ottokar declined the invitation" },
    ];
    const singh = await createLeader(t.db, { name: "Rajnath Singh", office: "Defence Minister" });
    const ottokar = await createEntry(t.db, {
      eventId: event.id,
      leader: { name: "King Ottokar", polity: "Syldavia" },
      steps: [{ status: "declined", asOf: "2025-04-20", citations: cite }],
    });
    const added = await steps.addStep(editor, ottokar.id, {
      status: "declined",
      outcome: "did_not_attend",
      representativeId: singh.id,
      asOf: "2025-05-09",
      note: "sent his defence minister",
      citations: cite,
      confirmDates: false,
    });
    expect(added.ok).toBe(true);

    const view = await reads.getEventView(event.slug, { sort: "name" });
    const [entry] = view!.entries;
    expect(entry).toMatchObject({
      status: "declined",
      outcome: "did_not_attend",
      representative: { name: "Rajnath Singh", office: "Defence Minister" },
      stepNote: "sent his defence minister",
    });
    expect(view!.counts.total).toBe(1);

    // The day before: the plan only, no outcome yet, the representative not yet named.
    const before = await reads.getEventView(event.slug, { sort: "name", day: "2025-05-08" });
    expect(before!.entries[0]).toMatchObject({ status: "declined", outcome: null });
    expect(before!.phase.started).toBe(false);

    // The representative cannot have an entry of his own at the event: counted twice.
    const own = await admin.createAttendance(editor, {
      eventId: event.id,
      leader: { id: singh.id },
      status: "confirmed",
      asOf: "2025-05-01",
      note: "",
      citations: cite,
    });
    expect(own.ok).toBe(false);
    if (!own.ok && own.kind === "invalid") {
      expect(own.errors.leaderId?.[0]).toContain("represents King Ottokar");
    }
  });

  it("refuses to move an entry to the person its story names as the representative", async () => {
    const event = await createEvent(t.db, { date: "2025-05-09" });
    const source = await createSource(t.db, { publishedOn: "2025-04-01" });
    const cite = [{ sourceId: source.id, quote: "Anna Example will attend" }];
    const envoy = await createLeader(t.db, { name: "Envoy Example", office: "Foreign Minister" });
    const entry = await createEntry(t.db, {
      eventId: event.id,
      leader: { name: "Anna Example" },
      steps: [{ status: "confirmed", asOf: "2025-04-10", citations: cite }],
    });
    // Sent her envoy first, then came in person: the entry names no representative now, but
    // its story still does.
    for (const claim of [
      {
        status: "declined" as const,
        outcome: null,
        representativeId: envoy.id,
        asOf: "2025-04-20",
      },
      {
        status: "confirmed" as const,
        outcome: "attended" as const,
        representativeId: null,
        asOf: "2025-05-09",
      },
    ]) {
      const added = await steps.addStep(editor, entry.id, {
        ...claim,
        note: "",
        citations: cite,
        confirmDates: false,
      });
      expect(added.ok, JSON.stringify(added)).toBe(true);
    }
    const current = await t.db.attendance.findUniqueOrThrow({ where: { id: entry.id } });
    expect(current.representativeId).toBeNull();

    const moved = await admin.updateAttendance(editor, entry.id, current.version, {
      eventId: event.id,
      leader: { id: envoy.id },
      note: "",
    });
    expect(moved.ok).toBe(false);
    if (!moved.ok && moved.kind === "invalid") {
      expect(moved.errors.leaderId?.[0]).toContain(
        "names Envoy Example as the leader's representative",
      );
    }
    const after = await t.db.attendance.findUniqueOrThrow({ where: { id: entry.id } });
    expect(after.leaderId).toBe(current.leaderId);
  });

  it("refuses to merge a representative with the leader they represent, or with someone who has an entry there", async () => {
    const { mergeLeaders } = await import("@/lib/data/leader-merge");
    const event = await createEvent(t.db, { date: "2025-05-09" });
    const source = await createSource(t.db, { publishedOn: "2025-04-01" });
    const cite = [{ sourceId: source.id, quote: "Anna Example will attend" }];
    const deputy = await createLeader(t.db, { name: "Deputy Example", office: "Vice President" });
    const entry = await createEntry(t.db, {
      eventId: event.id,
      leader: { name: "Anna Example" },
      steps: [{ status: "confirmed", asOf: "2025-04-10", citations: cite }],
    });
    const sent = await steps.addStep(editor, entry.id, {
      status: "declined",
      outcome: null,
      representativeId: deputy.id,
      asOf: "2025-04-20",
      note: "",
      citations: cite,
      confirmDates: false,
    });
    expect(sent.ok, JSON.stringify(sent)).toBe(true);
    const anna = await t.db.leader.findUniqueOrThrow({ where: { id: entry.leaderId } });
    // Either way round: merged, Anna would represent herself.
    for (const [keep, other] of [
      [anna, deputy],
      [deputy, anna],
    ] as const) {
      const current = await t.db.leader.findUniqueOrThrow({ where: { id: keep.id } });
      const merged = await mergeLeaders(editor, keep.id, current.version, other.id);
      expect(merged.ok).toBe(false);
      if (!merged.ok && merged.kind === "invalid") {
        expect(merged.message).toContain("Nothing was merged");
        expect(merged.message).toContain("representative at");
      }
    }
    expect(await t.db.leader.count({ where: { id: { in: [anna.id, deputy.id] } } })).toBe(2);

    // Someone with no entry at that event merges into the representative as before.
    const twin = await createLeader(t.db, { name: "Deputy Exampel", office: "Vice President" });
    const current = await t.db.leader.findUniqueOrThrow({ where: { id: deputy.id } });
    expect((await mergeLeaders(editor, deputy.id, current.version, twin.id)).ok).toBe(true);
  });

  it("asks before saving a plan dated after the event, and saves it when confirmed", async () => {
    const event = await createEvent(t.db, { date: "2025-05-09" });
    const source = await createSource(t.db, { publishedOn: "2025-04-01" });
    const cite = [{ sourceId: source.id, quote: "Anna Example will attend" }];
    const anna = await createEntry(t.db, {
      eventId: event.id,
      leader: { name: "Anna Example" },
      steps: [{ status: "confirmed", asOf: "2025-04-20", citations: cite }],
    });
    const late = { status: "confirmed" as const, asOf: "2025-05-12", note: "", citations: cite };
    const asked = await steps.addStep(editor, anna.id, { ...late, confirmDates: false });
    expect(asked.ok).toBe(false);
    if (!asked.ok && asked.kind === "invalid") {
      expect(asked.errors.asOf?.[0]).toContain("after");
      expect(asked.errors.confirmDates).toBeDefined();
    }
    const early = await steps.addStep(editor, anna.id, {
      ...late,
      asOf: "2025-03-01",
      confirmDates: false,
    });
    expect(!early.ok && early.kind === "invalid" && early.errors.asOf?.[0]).toContain(
      "was published",
    );
    expect((await steps.addStep(editor, anna.id, { ...late, confirmDates: true })).ok).toBe(true);
  });

  it("lists a two-day event as upcoming until its last day has passed", async () => {
    const { listEvents, getFeaturedChoice } = await import("@/lib/data/events");
    const sco = await createEvent(t.db, {
      name: "SCO Summit 2099",
      date: "2099-08-31",
      endDate: "2099-09-01",
    });
    const onLastDay = new Date("2099-09-01T18:00:00Z");
    const { events } = await listEvents(1, onLastDay);
    expect(events.find((e) => e.id === sco.id)).toMatchObject({
      date: "2099-08-31",
      endDate: "2099-09-01",
      upcoming: true,
    });
    expect((await getFeaturedChoice(onLastDay))?.event.id).toBe(sco.id);
    const after = await listEvents(1, new Date("2099-09-02T00:00:00Z"));
    expect(after.events.find((e) => e.id === sco.id)?.upcoming).toBe(false);
  });
});
