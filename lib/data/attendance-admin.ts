import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AttendanceStatus } from "@/lib/attendance/status";
import { sliceWhole } from "@/lib/text/cut";
import { leaderSearchKey, searchKey } from "@/lib/text/search-key";
import type { AttendanceInput, EntryInput } from "@/lib/validation/attendance";
import { anchorCitations } from "./anchoring";
import type { AdminAttendanceRow } from "./dto";
import { toIsoDate } from "./mappers";
import { attendanceSnapshot, recordRevision } from "./revisions";
import type { Editor } from "./session";
import { citedSourceIds, createEntry, finishEntryChange } from "./story";
import {
  assertNotRepresenting,
  assertRepresentative,
  assertStepDates,
  assertStoryRepresentativesFit,
} from "./step-guards";
import {
  Abort,
  conflict,
  inTransaction,
  invalid,
  loadForWrite,
  type ChangedEntry,
  type Tx,
  type WriteResult,
} from "./write";

export type { ChangedEntry, WriteFailure, WriteResult } from "./write";

async function resolveLeader(
  tx: Tx,
  editor: Editor,
  leader: AttendanceInput["leader"],
): Promise<number> {
  if ("id" in leader) {
    const found = await tx.leader.findUnique({ where: { id: leader.id }, select: { id: true } });
    if (!found)
      throw new Abort(invalid({ leaderId: ["That leader no longer exists; choose another."] }));
    return found.id;
  }
  const created = await tx.leader.create({
    data: { ...leader.create, searchText: leaderSearchKey(leader.create) },
  });
  await recordRevision(tx, editor, {
    entityType: "leader",
    entityId: created.id,
    action: "create",
    before: null,
    after: {
      name: created.name,
      office: created.office,
      polity: created.polity,
      countryCode: created.countryCode,
    },
  });
  return created.id;
}

async function assertPairFree(tx: Tx, eventId: number, leaderId: number, id?: number) {
  const duplicate = await tx.attendance.findUnique({
    where: { eventId_leaderId: { eventId, leaderId } },
    select: { id: true },
  });
  if (duplicate && duplicate.id !== id) {
    throw new Abort(
      invalid(
        {
          leaderId: [
            id === undefined
              ? "This leader already has an entry for this event; edit that entry instead."
              : "This leader already has an entry for that event.",
          ],
        },
        undefined,
        { leaderId: { kind: "existing-entry", attendanceId: duplicate.id } },
      ),
    );
  }
}

/** Creates an entry with its first step (the form's status, as-of date and citations). */
export async function createAttendance(
  editor: Editor,
  input: AttendanceInput,
): Promise<WriteResult<ChangedEntry>> {
  return inTransaction(editor, "entry:edit", async (tx) => {
    const event = await tx.event.findUnique({
      where: { id: input.eventId },
      select: { id: true, slug: true },
    });
    if (!event) return invalid({ eventId: ["That event no longer exists; choose another."] });

    const anchored = await anchorCitations(tx, input.citations);
    if ("errors" in anchored) return invalid(anchored.errors, anchored.message, anchored.help);

    const leaderId = await resolveLeader(tx, editor, input.leader);
    await assertPairFree(tx, event.id, leaderId);
    await assertNotRepresenting(tx, event.id, leaderId);
    await assertRepresentative(tx, event.id, leaderId, input.representativeId);
    await assertStepDates(tx, event.id, input);
    const id = await createEntry(tx, editor, {
      eventId: event.id,
      leaderId,
      note: input.note,
      steps: [
        {
          status: input.status,
          outcome: input.outcome,
          representativeId: input.representativeId,
          asOf: input.asOf,
          note: input.stepNote ?? "",
          citations: anchored.anchors,
        },
      ],
    });
    return {
      ok: true,
      attendanceId: id,
      eventSlug: event.slug,
      sourceIds: [...new Set(anchored.anchors.map((a) => a.sourceId))],
      leaderIds: [leaderId],
    };
  });
}

/**
 * Saves the entry form over the version it was loaded at: the event, the leader and the note.
 * The story is changed step by step (steps-admin.ts).
 */
export async function updateAttendance(
  editor: Editor,
  id: number,
  version: number,
  input: EntryInput,
): Promise<WriteResult<ChangedEntry>> {
  return inTransaction(editor, "entry:edit", async (tx) => {
    const current = await loadForWrite(tx, id, version, "it may have been deleted.");
    if ("ok" in current) return current; // gone, or saved by someone else

    const event = await tx.event.findUnique({
      where: { id: input.eventId },
      select: { id: true, slug: true },
    });
    if (!event) return invalid({ eventId: ["That event no longer exists; choose another."] });
    const before = await attendanceSnapshot(tx, id);
    const leaderId = await resolveLeader(tx, editor, input.leader);
    if (leaderId !== current.leaderId || event.id !== current.eventId) {
      await assertPairFree(tx, event.id, leaderId, id);
      await assertNotRepresenting(tx, event.id, leaderId);
      await assertStoryRepresentativesFit(tx, id, event.id, leaderId);
    }
    const updated = await tx.attendance.updateMany({
      where: { id, version },
      data: { eventId: event.id, leaderId, note: input.note },
    });
    if (updated.count !== 1) throw new Abort(await conflict(tx, id, version));
    await finishEntryChange(tx, editor, { attendanceId: id, before, action: "update" });
    return {
      ok: true,
      attendanceId: id,
      eventSlug: event.slug,
      previousEventSlug: current.event.slug,
      sourceIds: await citedSourceIds(tx, id),
      leaderIds: [...new Set([current.leaderId, leaderId])],
    };
  });
}

export async function deleteAttendance(
  editor: Editor,
  id: number,
  version: number,
): Promise<WriteResult<ChangedEntry>> {
  return inTransaction(editor, "entry:edit", async (tx) => {
    const current = await loadForWrite(tx, id, version, "it may have been deleted already.");
    if ("ok" in current) return current; // gone, or saved by someone else
    const sourceIds = await citedSourceIds(tx, id);
    const before = await attendanceSnapshot(tx, id);
    await tx.attendance.delete({ where: { id } });
    await recordRevision(tx, editor, {
      entityType: "attendance",
      entityId: id,
      action: "delete",
      before,
      after: null,
      eventId: current.eventId,
    });
    return {
      ok: true,
      attendanceId: id,
      eventSlug: current.event.slug,
      sourceIds,
      leaderIds: [current.leaderId],
    };
  });
}

// ---- Reads for the admin pages ----

export const ADMIN_PAGE_SIZE = 50;

/**
 * Above this many matching leaders, reading the newest entries and keeping those of a matching
 * leader fills a page sooner than looking up each leader's entries by index.
 */
const LEADER_LOOKUP_LIMIT = 500;

/**
 * The search as a filter on entries. Prisma turns a relation filter into a join that SQLite runs by
 * reading entries newest first: a search for a leader with few entries reads the whole table, slow
 * at the benchmark's scale (docs/benchmark.md). Finding the leaders first (a scan of the small
 * leader table) lets it read just their entries through the leaderId index instead.
 */
async function leaderSearchFilter(q: string): Promise<Prisma.AttendanceWhereInput> {
  const key = searchKey(q);
  const leaders = await db.leader.findMany({
    where: { searchText: { contains: key } },
    select: { id: true },
    take: LEADER_LOOKUP_LIMIT + 1,
  });
  if (leaders.length > LEADER_LOOKUP_LIMIT) return { leader: { searchText: { contains: key } } };
  return { leaderId: { in: leaders.map((l) => l.id) } };
}

/**
 * Entries across events, newest first, a page at a time by keyset (`before` = the last id of
 * the previous page), so a page costs the same at entry 100 and at entry 100,000.
 */
export async function listAdminAttendance(query: {
  q?: string;
  eventSlug?: string;
  status?: AttendanceStatus;
  before?: number;
}): Promise<{ rows: AdminAttendanceRow[]; nextBefore: number | null }> {
  const where: Prisma.AttendanceWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.eventSlug ? { event: { slug: query.eventSlug } } : {}),
    ...(query.q ? await leaderSearchFilter(query.q) : {}),
    ...(query.before ? { id: { lt: query.before } } : {}),
  };
  const rows = await db.attendance.findMany({
    where,
    orderBy: { id: "desc" },
    take: ADMIN_PAGE_SIZE + 1,
    select: {
      id: true,
      status: true,
      asOf: true,
      updatedAt: true,
      leader: { select: { name: true, office: true, polity: true } },
      event: { select: { slug: true, name: true, date: true } },
      // The ids, not `_count`: Prisma's `_count` groups the whole citation table first.
      currentStep: { select: { citations: { select: { id: true } } } },
    },
  });
  const page = rows.slice(0, ADMIN_PAGE_SIZE);
  return {
    rows: page.map((r) => ({
      id: r.id,
      leader: r.leader.name,
      office: r.leader.office,
      polity: r.leader.polity,
      event: { slug: r.event.slug, name: r.event.name, date: toIsoDate(r.event.date) },
      status: r.status,
      asOf: r.asOf ? toIsoDate(r.asOf) : null,
      updatedAt: r.updatedAt.toISOString(),
      citationCount: r.currentStep?.citations.length ?? 0,
    })),
    nextBefore: rows.length > ADMIN_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
  };
}

export type AttendanceFormValues = {
  id: number;
  version: number;
  eventId: number;
  leaderId: number;
  leaderName: string;
  status: AttendanceStatus;
  asOf: string | null;
  note: string;
  citations: {
    sourceId: number;
    quote: string;
    start: number;
    end: number;
    before: string;
    after: string;
  }[];
};

const CONTEXT = 160;

/** An entry as its edit form shows it, with each anchored passage in context. */
export async function getAttendanceForEdit(id: number): Promise<AttendanceFormValues | null> {
  const row = await db.attendance.findUnique({
    where: { id },
    include: {
      leader: { select: { name: true } },
      currentStep: {
        select: {
          citations: {
            orderBy: { position: "asc" },
            include: { source: { select: { text: true } } },
          },
        },
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    version: row.version,
    eventId: row.eventId,
    leaderId: row.leaderId,
    leaderName: row.leader.name,
    status: row.status,
    asOf: row.asOf ? toIsoDate(row.asOf) : null,
    note: row.note,
    citations: (row.currentStep?.citations ?? []).map((c) => ({
      sourceId: c.sourceId,
      quote: c.quote,
      start: c.start,
      end: c.end,
      before: sliceWhole(c.source.text, c.start - CONTEXT, c.start),
      after: sliceWhole(c.source.text, c.end, c.end + CONTEXT),
    })),
  };
}
