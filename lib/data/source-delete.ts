import "server-only";
import { db } from "@/lib/db";
import { inTransaction, type WriteResult } from "./attendance-admin";
import { toIsoDate } from "./mappers";
import { recordRevision } from "./revisions";
import type { Editor } from "./session";

export type SourceCitingEntry = { id: number; leader: string; event: string };

const MAX_NAMED = 10;

/**
 * Deletes a source no citation uses (one added by mistake). Refused while any entry cites it,
 * naming those entries: a status must keep the passage that supports it.
 */
export async function deleteSource(
  editor: Editor,
  id: number,
  version: number,
): Promise<WriteResult<{ sourceId: number }>> {
  return inTransaction<{ sourceId: number }>(async (tx) => {
    const current = await tx.source.findUnique({ where: { id } });
    if (!current)
      return {
        ok: false,
        kind: "not-found",
        message: "This source no longer exists; it may have been deleted already.",
      } as const;
    const citing = await tx.citation.findMany({
      where: { sourceId: id },
      distinct: ["attendanceId"],
      orderBy: { attendanceId: "asc" },
      take: MAX_NAMED + 1,
      select: {
        attendance: {
          select: { leader: { select: { name: true } }, event: { select: { name: true } } },
        },
      },
    });
    if (citing.length > 0) {
      const names = citing
        .slice(0, MAX_NAMED)
        .map((c) => `${c.attendance.leader.name} (${c.attendance.event.name})`)
        .join("; ");
      const more = citing.length > MAX_NAMED ? " and more" : "";
      return {
        ok: false,
        kind: "invalid",
        message: `“${current.title}” cannot be deleted: entries cite it: ${names}${more}. Change their citations to another source first.`,
        errors: {},
      } as const;
    }
    if (current.version !== version) {
      return {
        ok: false,
        kind: "conflict",
        message: "Someone else changed this source meanwhile; reload and try again.",
        version: current.version,
        changes: [],
      } as const;
    }
    await tx.source.delete({ where: { id } });
    await recordRevision(tx, editor, {
      entityType: "source",
      entityId: id,
      action: "delete",
      before: {
        version: current.version,
        title: current.title,
        publisher: current.publisher,
        url: current.url,
        publishedOn: current.publishedOn ? toIsoDate(current.publishedOn) : null,
        dateNote: current.dateNote,
        text: current.text,
      },
      after: null,
    });
    return { ok: true, sourceId: id } as const;
  });
}

/** The entries citing a source, for its admin page to name before anyone tries to delete it. */
export async function listEntriesCitingSource(id: number): Promise<SourceCitingEntry[]> {
  const rows = await db.citation.findMany({
    where: { sourceId: id },
    distinct: ["attendanceId"],
    orderBy: { attendanceId: "asc" },
    take: 50,
    select: {
      attendance: {
        select: {
          id: true,
          leader: { select: { name: true } },
          event: { select: { name: true } },
        },
      },
    },
  });
  return rows.map((r) => ({
    id: r.attendance.id,
    leader: r.attendance.leader.name,
    event: r.attendance.event.name,
  }));
}
