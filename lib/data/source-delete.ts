import "server-only";
import { db } from "@/lib/db";
import { inTransaction, type WriteResult } from "./write";
import { toIsoDate } from "./mappers";
import { recordRevision } from "./revisions";
import type { Editor } from "./session";

export type SourceCitingEntry = { id: number; leader: string; event: string };

const MAX_NAMED = 10;

/** A deleted source, and how many texts it had: each had a page (/sources/[id]/versions/[n]). */
export type SourceDeleted = { sourceId: number; textVersion: number };

/**
 * Deletes a source no citation uses (one added by mistake). Refused while any entry cites it,
 * naming those entries: a status must keep the passage that supports it.
 */
export async function deleteSource(
  editor: Editor,
  id: number,
  version: number,
): Promise<WriteResult<SourceDeleted>> {
  return inTransaction<SourceDeleted>(editor, "source:delete", async (tx) => {
    const current = await tx.source.findUnique({ where: { id } });
    if (!current)
      return {
        ok: false,
        kind: "not-found",
        message: "This source no longer exists; it may have been deleted already.",
      } as const;
    const citing = await readCitingEntries(tx, id);
    if (citing.length > 0) {
      const names = citing
        .slice(0, MAX_NAMED)
        .map((a) => `${a.leader.name} (${a.event.name})`)
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
    return { ok: true, sourceId: id, textVersion: current.textVersion } as const;
  });
}

/** The entries citing a source, for its admin page to name before anyone tries to delete it. */
export async function listEntriesCitingSource(id: number): Promise<SourceCitingEntry[]> {
  return (await readCitingEntries(db, id))
    .slice(0, 50)
    .map((a) => ({ id: a.id, leader: a.leader.name, event: a.event.name }));
}

type CitingEntry = { id: number; leader: { name: string }; event: { name: string } };

/**
 * The entries behind a bounded read of a source's citations (any step's), each once. Prisma's
 * `distinct` dedupes in memory after reading every row, which a much-cited source would make
 * large; an entry cites a source a few times at most, so the first citations name enough
 * entries.
 */
async function readCitingEntries(
  client: Pick<typeof db, "citation">,
  sourceId: number,
): Promise<CitingEntry[]> {
  const rows = await client.citation.findMany({
    where: { sourceId },
    orderBy: { id: "asc" },
    take: 200,
    select: {
      step: {
        select: {
          attendance: {
            select: {
              id: true,
              leader: { select: { name: true } },
              event: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  const seen = new Map<number, CitingEntry>();
  for (const { step } of rows)
    if (!seen.has(step.attendance.id)) seen.set(step.attendance.id, step.attendance);
  return [...seen.values()];
}
