import "server-only";
import { db, isDatabaseBusyError } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AttendanceStatus } from "@/lib/attendance/status";
import { diffSnapshots } from "@/lib/history/diff";
import { anchorQuote, describeAnchorError, type TextAnchor } from "@/lib/quotes/anchor";
import { leaderSearchKey, searchKey } from "@/lib/text/search-key";
import type { AttendanceInput } from "@/lib/validation/attendance";
import type { FieldErrors } from "@/lib/validation/errors";
import { toIsoDate } from "./mappers";
import {
  attendanceAtVersion,
  attendanceSnapshot,
  recordRevision,
  type AttendanceSnapshot,
} from "./revisions";
import type { Editor } from "./session";

type Tx = Prisma.TransactionClient;

export type WriteFailure =
  | { ok: false; kind: "invalid"; message: string; errors: FieldErrors }
  | {
      ok: false;
      kind: "conflict";
      message: string;
      version: number;
      changes: { field: string; before: string; after: string }[];
    }
  | { ok: false; kind: "not-found"; message: string }
  | { ok: false; kind: "busy"; message: string };

export type WriteResult<T> = ({ ok: true } & T) | WriteFailure;

/** Paths whose cached pages a change of this entry makes stale. */
export type Touched = {
  attendanceId: number;
  eventSlug: string;
  previousEventSlug?: string;
  sourceIds: number[];
};

const invalid = (
  errors: FieldErrors,
  message = "Some fields need attention; see below.",
): WriteFailure => ({
  ok: false,
  kind: "invalid",
  message,
  errors,
});

/** Thrown inside a transaction to roll it back and hand a failure to the caller. */
class Abort extends Error {
  constructor(readonly failure: WriteFailure) {
    super(failure.message);
  }
}

/**
 * Runs a write in one transaction. A database too busy to take it (another process held the
 * lock past the busy timeout) is a failure the editor can act on, not an error page: nothing
 * was written and the form keeps their input.
 */
export async function inTransaction<T>(
  fn: (tx: Tx) => Promise<WriteResult<T>>,
): Promise<WriteResult<T>> {
  try {
    return await db.$transaction(fn);
  } catch (error) {
    if (error instanceof Abort) return error.failure;
    if (isDatabaseBusyError(error)) {
      return {
        ok: false,
        kind: "busy",
        message:
          "The database was busy and nothing was saved. Your input is kept: save again in a moment.",
      };
    }
    throw error;
  }
}

/**
 * Anchors every quote in its source. Returns the anchors, or field errors keyed
 * `citations.<i>.quote` / `citations.<i>.sourceId` that say what to fix.
 */
async function anchorCitations(
  tx: Tx,
  citations: AttendanceInput["citations"],
): Promise<{ anchors: (TextAnchor & { sourceId: number })[] } | { errors: FieldErrors }> {
  const ids = [...new Set(citations.map((c) => c.sourceId))];
  const sources = await tx.source.findMany({
    where: { id: { in: ids } },
    select: { id: true, text: true },
  });
  const textById = new Map(sources.map((s) => [s.id, s.text]));
  const errors: FieldErrors = {};
  const anchors: (TextAnchor & { sourceId: number })[] = [];
  citations.forEach((citation, i) => {
    const text = textById.get(citation.sourceId);
    if (text === undefined) {
      errors[`citations.${i}.sourceId`] = ["That source no longer exists; choose another."];
      return;
    }
    const result = anchorQuote(text, citation.quote);
    if (result.ok) anchors.push({ ...result.anchor, sourceId: citation.sourceId });
    else errors[`citations.${i}.quote`] = [describeAnchorError(result.error)];
  });
  return Object.keys(errors).length > 0 ? { errors } : { anchors };
}

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

function snapshotCitations(snapshot: AttendanceSnapshot | null) {
  return JSON.stringify(
    (snapshot?.citations ?? []).map(({ sourceId, source, quote, start, end }) => ({
      sourceId,
      source,
      quote,
      start,
      end,
    })),
  );
}

async function writeCitations(
  tx: Tx,
  attendanceId: number,
  anchors: (TextAnchor & { sourceId: number })[],
) {
  await tx.citation.deleteMany({ where: { attendanceId } });
  await tx.citation.createMany({
    data: anchors.map((a, position) => ({
      attendanceId,
      sourceId: a.sourceId,
      quote: a.quote,
      start: a.start,
      end: a.end,
      prefix: a.prefix,
      suffix: a.suffix,
      position,
    })),
  });
}

const asOfDate = (asOf: string | null) => (asOf ? new Date(`${asOf}T00:00:00Z`) : null);

export async function createAttendance(
  editor: Editor,
  input: AttendanceInput,
): Promise<WriteResult<Touched>> {
  return inTransaction(async (tx) => {
    const event = await tx.event.findUnique({
      where: { id: input.eventId },
      select: { id: true, slug: true },
    });
    if (!event) return invalid({ eventId: ["That event no longer exists; choose another."] });

    const anchored = await anchorCitations(tx, input.citations);
    if ("errors" in anchored)
      return invalid(anchored.errors, "A quote could not be found in its source; see below.");

    const leaderId = await resolveLeader(tx, editor, input.leader);
    const duplicate = await tx.attendance.findUnique({
      where: { eventId_leaderId: { eventId: event.id, leaderId } },
      select: { id: true },
    });
    if (duplicate) {
      throw new Abort(
        invalid({
          leaderId: ["This leader already has an entry for this event; edit that entry instead."],
        }),
      );
    }

    const created = await tx.attendance.create({
      data: {
        eventId: event.id,
        leaderId,
        status: input.status,
        asOf: asOfDate(input.asOf),
        note: input.note,
      },
    });
    await writeCitations(tx, created.id, anchored.anchors);
    const after = await attendanceSnapshot(tx, created.id);
    const revision = await recordRevision(tx, editor, {
      entityType: "attendance",
      entityId: created.id,
      action: "create",
      before: null,
      after,
      eventId: event.id,
    });
    await tx.statusStep.create({
      data: {
        attendanceId: created.id,
        status: input.status,
        asOf: asOfDate(input.asOf),
        citations: snapshotCitations(after),
        revisionId: revision.id,
      },
    });
    return {
      ok: true,
      attendanceId: created.id,
      eventSlug: event.slug,
      sourceIds: [...new Set(anchored.anchors.map((a) => a.sourceId))],
    };
  });
}

/** Someone saved between the editor's load and save: what they changed, for the message. */
export async function conflict(tx: Tx, id: number, loadedVersion: number): Promise<WriteFailure> {
  const current = await attendanceSnapshot(tx, id);
  const loaded = await attendanceAtVersion(tx, id, loadedVersion);
  const changes = diffSnapshots(loaded, current);
  return {
    ok: false,
    kind: "conflict",
    message:
      "Someone else saved this entry after you opened it. Their changes are listed below; your input is kept. Review it and save again to apply it over theirs.",
    version: current?.version ?? loadedVersion,
    changes,
  };
}

/**
 * The entry an update or delete starts from, inside its transaction: the failure to return
 * when it is gone or was saved by someone else since the editor loaded `version`.
 */
async function loadForWrite(tx: Tx, id: number, version: number, gone: string) {
  const current = await tx.attendance.findUnique({
    where: { id },
    include: { event: { select: { slug: true } }, citations: { select: { sourceId: true } } },
  });
  if (!current)
    return {
      ok: false,
      kind: "not-found",
      message: `This entry no longer exists; ${gone}`,
    } satisfies WriteFailure;
  if (current.version !== version) return conflict(tx, id, version);
  return current;
}

export async function updateAttendance(
  editor: Editor,
  id: number,
  version: number,
  input: AttendanceInput,
): Promise<WriteResult<Touched>> {
  return inTransaction(async (tx) => {
    const current = await loadForWrite(tx, id, version, "it may have been deleted.");
    if ("ok" in current) return current; // gone, or saved by someone else

    const event = await tx.event.findUnique({
      where: { id: input.eventId },
      select: { id: true, slug: true },
    });
    if (!event) return invalid({ eventId: ["That event no longer exists; choose another."] });
    const anchored = await anchorCitations(tx, input.citations);
    if ("errors" in anchored)
      return invalid(anchored.errors, "A quote could not be found in its source; see below.");

    const before = await attendanceSnapshot(tx, id);
    const leaderId = await resolveLeader(tx, editor, input.leader);
    if (leaderId !== current.leaderId || event.id !== current.eventId) {
      const duplicate = await tx.attendance.findUnique({
        where: { eventId_leaderId: { eventId: event.id, leaderId } },
        select: { id: true },
      });
      if (duplicate && duplicate.id !== id) {
        throw new Abort(
          invalid({ leaderId: ["This leader already has an entry for that event."] }),
        );
      }
    }

    const updated = await tx.attendance.updateMany({
      where: { id, version },
      data: {
        eventId: event.id,
        leaderId,
        status: input.status,
        asOf: asOfDate(input.asOf),
        note: input.note,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new Abort(await conflict(tx, id, version));
    await writeCitations(tx, id, anchored.anchors);

    const after = await attendanceSnapshot(tx, id);
    const revision = await recordRevision(tx, editor, {
      entityType: "attendance",
      entityId: id,
      action: "update",
      before,
      after,
      eventId: event.id,
    });
    const statusChanged = before?.status !== input.status || before?.asOf !== input.asOf;
    if (statusChanged) {
      await tx.statusStep.create({
        data: {
          attendanceId: id,
          status: input.status,
          asOf: asOfDate(input.asOf),
          citations: snapshotCitations(after),
          revisionId: revision.id,
        },
      });
    }
    return {
      ok: true,
      attendanceId: id,
      eventSlug: event.slug,
      previousEventSlug: current.event.slug,
      sourceIds: [
        ...new Set([
          ...current.citations.map((c) => c.sourceId),
          ...anchored.anchors.map((a) => a.sourceId),
        ]),
      ],
    };
  });
}

export async function deleteAttendance(
  editor: Editor,
  id: number,
  version: number,
): Promise<WriteResult<Touched>> {
  return inTransaction(async (tx) => {
    const current = await loadForWrite(tx, id, version, "it may have been deleted already.");
    if ("ok" in current) return current; // gone, or saved by someone else
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
      sourceIds: [...new Set(current.citations.map((c) => c.sourceId))],
    };
  });
}

// ---- Reads for the admin pages ----

export const ADMIN_PAGE_SIZE = 50;

export type AdminAttendanceRow = {
  id: number;
  leader: string;
  office: string;
  polity: string;
  event: { slug: string; name: string; date: string };
  status: AttendanceStatus;
  asOf: string | null;
  updatedAt: string;
  citationCount: number;
};

/**
 * Above this many matching leaders, reading the newest entries and keeping those of a matching
 * leader fills a page sooner than looking up each leader's entries by index.
 */
const LEADER_LOOKUP_LIMIT = 500;

/**
 * The search as a filter on entries. Prisma turns a relation filter into a join that SQLite
 * runs by reading entries newest first: a search for a leader with few entries reads the whole
 * table (0.3 s at 500,000 entries). Finding the leaders first (a scan of the small leader
 * table) lets it read just their entries through the leaderId index instead.
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
      citations: { select: { id: true } },
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
      citationCount: r.citations.length,
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
      citations: { orderBy: { position: "asc" }, include: { source: { select: { text: true } } } },
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
    citations: row.citations.map((c) => ({
      sourceId: c.sourceId,
      quote: c.quote,
      start: c.start,
      end: c.end,
      before: c.source.text.slice(Math.max(0, c.start - CONTEXT), c.start),
      after: c.source.text.slice(c.end, c.end + CONTEXT),
    })),
  };
}
