import "server-only";
import { db } from "@/lib/db";
import { reanchor, describeAnchorError } from "@/lib/quotes/anchor";
import type { SourceInput } from "@/lib/validation/source";
import { inTransaction, type WriteResult } from "./write";
import { formatDay } from "@/lib/text/format-day";
import { toIsoDate } from "./mappers";
import { recordRevision } from "./revisions";
import type { Editor } from "./session";

export type SourceOption = { id: number; title: string; publisher: string };

export async function listSourceOptions(): Promise<SourceOption[]> {
  return db.source.findMany({
    orderBy: [{ addedAt: "desc" }, { id: "desc" }],
    select: { id: true, title: true, publisher: true },
  });
}

export type SourceAdminRow = SourceOption & {
  url: string;
  publishedOn: string | null;
  citationCount: number;
};

export async function listSourcesAdmin(
  page = 1,
  pageSize = 100,
): Promise<{ rows: SourceAdminRow[]; hasMore: boolean }> {
  const rows = await db.source.findMany({
    orderBy: [{ addedAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize + 1,
    select: {
      id: true,
      title: true,
      publisher: true,
      url: true,
      publishedOn: true,
    },
  });
  const sources = rows.slice(0, pageSize);
  // Counted for this page's sources only: Prisma's `_count` groups the whole table first.
  const counts = await db.citation.groupBy({
    by: ["sourceId"],
    where: { sourceId: { in: sources.map((s) => s.id) } },
    _count: { _all: true },
  });
  const countById = new Map(counts.map((c) => [c.sourceId, c._count._all]));
  return {
    rows: sources.map(({ publishedOn, ...r }) => ({
      ...r,
      publishedOn: publishedOn ? toIsoDate(publishedOn) : null,
      citationCount: countById.get(r.id) ?? 0,
    })),
    hasMore: rows.length > pageSize,
  };
}

export type SourceForEdit = {
  id: number;
  version: number;
  title: string;
  publisher: string;
  url: string;
  publishedOn: string | null;
  dateNote: string;
  text: string;
};

export async function getSourceForEdit(id: number): Promise<SourceForEdit | null> {
  const row = await db.source.findUnique({ where: { id } });
  if (!row) return null;
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    publisher: row.publisher,
    url: row.url,
    publishedOn: row.publishedOn ? toIsoDate(row.publishedOn) : null,
    dateNote: row.dateNote,
    text: row.text,
  };
}

const sourceData = (input: SourceInput) => ({
  title: input.title,
  publisher: input.publisher,
  url: input.url,
  publishedOn: input.publishedOn ? new Date(`${input.publishedOn}T00:00:00Z`) : null,
  dateNote: input.dateNote,
  text: input.text,
});

const sourceSnapshot = (s: {
  version: number;
  title: string;
  publisher: string;
  url: string;
  publishedOn: Date | null;
  dateNote: string;
  text: string;
}) => ({
  version: s.version,
  title: s.title,
  publisher: s.publisher,
  url: s.url,
  publishedOn: s.publishedOn ? toIsoDate(s.publishedOn) : null,
  dateNote: s.dateNote,
  text: s.text,
});

export async function createSource(
  editor: Editor,
  input: SourceInput,
): Promise<WriteResult<{ sourceId: number }>> {
  return inTransaction(async (tx) => {
    const created = await tx.source.create({ data: sourceData(input) });
    await recordRevision(tx, editor, {
      entityType: "source",
      entityId: created.id,
      action: "create",
      before: null,
      after: sourceSnapshot(created),
    });
    return { ok: true, sourceId: created.id } as const;
  });
}

/**
 * Saves a source. When its text changes, every citation of it is re-anchored in the new text
 * first; if any would be lost, nothing is saved and the error names them. Citations that moved
 * get their new offsets in the same transaction.
 */
export async function updateSource(
  editor: Editor,
  id: number,
  version: number,
  input: SourceInput,
): Promise<WriteResult<{ sourceId: number; attendanceIds: number[]; eventSlugs: string[] }>> {
  return inTransaction<{ sourceId: number; attendanceIds: number[]; eventSlugs: string[] }>(
    async (tx) => {
      const current = await tx.source.findUnique({ where: { id } });
      if (!current)
        return { ok: false, kind: "not-found", message: "This source no longer exists." } as const;
      if (current.version !== version) {
        return {
          ok: false,
          kind: "conflict",
          message:
            "Someone else saved this source after you opened it. Your input is kept; review their version and save again.",
          version: current.version,
          changes: (["title", "publisher", "url", "dateNote", "text"] as const)
            .filter((f) => current[f] !== input[f])
            .map((f) => ({
              field: f,
              before: f === "text" ? "(your text)" : input[f],
              after: f === "text" ? "(their text)" : current[f],
            })),
        } as const;
      }

      // Every step's citations, past ones too: a story must not quote what the source no
      // longer says. One already lost (carried over from before steps had citations of their
      // own) cannot be lost again.
      const rows = await tx.citation.findMany({
        where: { sourceId: id, lost: false },
        include: {
          step: {
            select: {
              status: true,
              asOf: true,
              attendance: {
                select: {
                  id: true,
                  leader: { select: { name: true } },
                  event: { select: { slug: true } },
                },
              },
            },
          },
        },
      });
      const citations = rows.map((c) => ({ ...c, attendance: c.step.attendance }));
      const moves: { id: number; start: number; end: number; prefix: string; suffix: string }[] =
        [];
      const broken: string[] = [];
      if (input.text !== current.text) {
        for (const c of citations) {
          const result = reanchor(input.text, {
            quote: c.quote,
            start: c.start,
            end: c.end,
            prefix: c.prefix,
            suffix: c.suffix,
          });
          if (!result.ok) {
            const step = `${c.step.status}${c.step.asOf ? ` as of ${formatDay(toIsoDate(c.step.asOf))}` : " (undated)"}`;
            broken.push(
              `${c.attendance.leader.name} (entry #${c.attendance.id}), step ${step}: “${c.quote.length > 120 ? `${c.quote.slice(0, 120)}…` : c.quote}” — ${describeAnchorError(result.error)}`,
            );
          } else {
            const a = result.anchor;
            if (
              a.start !== c.start ||
              a.end !== c.end ||
              a.prefix !== c.prefix ||
              a.suffix !== c.suffix
            ) {
              moves.push({
                id: c.id,
                start: a.start,
                end: a.end,
                prefix: a.prefix,
                suffix: a.suffix,
              });
            }
          }
        }
      }
      if (broken.length > 0) {
        return {
          ok: false,
          kind: "invalid",
          message: `Nothing was saved: with this text, ${broken.length} ${broken.length === 1 ? "citation" : "citations"} would no longer be found. Keep the quoted words, or change those citations first.`,
          errors: { text: broken },
        } as const;
      }

      const updated = await tx.source.update({
        where: { id },
        data: { ...sourceData(input), version: { increment: 1 } },
      });
      for (const move of moves) {
        const { id: citationId, ...data } = move;
        const before = citations.find((c) => c.id === citationId)!;
        await tx.citation.update({ where: { id: citationId }, data });
        await recordRevision(tx, editor, {
          entityType: "citation",
          entityId: citationId,
          action: "update",
          before: {
            leader: before.attendance.leader.name,
            quote: before.quote,
            start: before.start,
            end: before.end,
          },
          after: {
            leader: before.attendance.leader.name,
            quote: before.quote,
            start: data.start,
            end: data.end,
          },
          summary: "Re-anchored after an edit of its source",
        });
      }
      await recordRevision(tx, editor, {
        entityType: "source",
        entityId: id,
        action: "update",
        before: sourceSnapshot(current),
        after: sourceSnapshot(updated),
        summary: moves.length > 0 ? `${moves.length} citation(s) re-anchored in the new text` : "",
      });
      return {
        ok: true,
        sourceId: id,
        attendanceIds: [...new Set(citations.map((c) => c.attendance.id))],
        eventSlugs: [...new Set(citations.map((c) => c.attendance.event.slug))],
      } as const;
    },
  );
}
