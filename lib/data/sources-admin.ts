import "server-only";
import { db } from "@/lib/db";
import { sourceAddressKey } from "@/lib/sources/source-address";
import { planRelocations } from "@/lib/quotes/relocation-plan";
import { describeRelocations, type RelocationCounts } from "@/lib/quotes/relocation-summary";
import type { SourceInput } from "@/lib/validation/source";
import { inTransaction, type WriteResult } from "./write";
import { toIsoDate } from "./mappers";
import { recordRevision } from "./revisions";
import { duplicateSourceFailure, findDuplicateSource } from "./source-duplicates";
import { attachSnapshot } from "./source-snapshots";
import { recordFirstVersion, recordNextVersion, setVersionSummary } from "./source-versions";
import type { Editor } from "./session";

export type SourceOption = { id: number; title: string; publisher: string; url: string };

/** Every source, newest first, as the citation forms' source picker lists them. */
export async function listSourceOptions(): Promise<SourceOption[]> {
  return db.source.findMany({
    orderBy: [{ addedAt: "desc" }, { id: "desc" }],
    select: { id: true, title: true, publisher: true, url: true },
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
  language: string;
  text: string;
  /** The number of the version `text` is. */
  textVersion: number;
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
    language: row.language,
    text: row.text,
    textVersion: row.textVersion,
  };
}

const sourceData = (input: SourceInput) => ({
  title: input.title,
  publisher: input.publisher,
  url: input.url,
  publishedOn: input.publishedOn ? new Date(`${input.publishedOn}T00:00:00Z`) : null,
  dateNote: input.dateNote,
  language: input.language ?? "",
  text: input.text,
});

/**
 * A source as its revisions record it. The text itself is kept once, in its version (see
 * ./source-versions.ts): a revision names the version and its length.
 */
const sourceSnapshot = (s: {
  version: number;
  title: string;
  publisher: string;
  url: string;
  publishedOn: Date | null;
  dateNote: string;
  language: string;
  text: string;
  textVersion: number;
}) => ({
  version: s.version,
  title: s.title,
  publisher: s.publisher,
  url: s.url,
  publishedOn: s.publishedOn ? toIsoDate(s.publishedOn) : null,
  dateNote: s.dateNote,
  language: s.language,
  textVersion: s.textVersion,
  textLength: s.text.length,
});

export async function createSource(
  editor: Editor,
  input: SourceInput,
): Promise<WriteResult<{ sourceId: number }>> {
  return inTransaction(editor, "source:edit", async (tx) => {
    const duplicate = await findDuplicateSource(tx, input);
    if (duplicate) return duplicateSourceFailure(duplicate);
    const created = await tx.source.create({ data: sourceData(input) });
    await recordFirstVersion(tx, editor, created.id, created.addedAt);
    await attachSnapshot(tx, input.snapshotId, created.id, 1);
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

/** What a save did: the pages to refresh and, for a new text, what became of its citations. */
export type SourceSaved = {
  sourceId: number;
  attendanceIds: number[];
  eventSlugs: string[];
  /** The version of the text now; a new one when the text changed. */
  textVersion: number;
  /** Null when the text did not change. */
  relocation: RelocationCounts | null;
};

/**
 * Saves a source. A new text becomes the source's next version, and every citation of it,
 * from every step of every story, is looked for in it (lib/quotes/relocate.ts): found exactly,
 * it moves; found with changed wording, it takes the new words and waits for an editor to
 * confirm them; not found, it is orphaned where it was, in the version it was anchored in, and
 * waits for an editor to cite the new text. The save never refuses a text for its citations;
 * it says what became of them. All of it is one transaction, with a revision for each citation
 * that changed.
 */
export async function updateSource(
  editor: Editor,
  id: number,
  version: number,
  input: SourceInput,
): Promise<WriteResult<SourceSaved>> {
  return inTransaction<SourceSaved>(editor, "source:edit", async (tx) => {
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
        changes: (["title", "publisher", "url", "dateNote", "language", "text"] as const)
          .filter((f) => current[f] !== (input[f] ?? ""))
          .map((f) => ({
            field: f,
            before: f === "text" ? "(your text)" : (input[f] ?? ""),
            after: f === "text" ? "(their text)" : current[f],
          })),
      } as const;
    }

    const textChanged = input.text !== current.text;
    // An edit may not make it a copy of another source; a source already stored twice may
    // still be edited as long as the edit leaves its address and text be.
    const urlChanged = sourceAddressKey(input.url) !== sourceAddressKey(current.url);
    if (textChanged || urlChanged) {
      const duplicate = await findDuplicateSource(
        tx,
        { url: urlChanged ? input.url : undefined, text: textChanged ? input.text : undefined },
        id,
      );
      if (duplicate) return duplicateSourceFailure(duplicate);
    }
    // Every step's citations, past ones and lost ones too: the story must not quote what the
    // source no longer says, and a lost quote may be back.
    const citations = await tx.citation.findMany({
      where: { sourceId: id },
      orderBy: { id: "asc" },
      include: {
        step: {
          select: {
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

    let textVersion = current.textVersion;
    let relocation: RelocationCounts | null = null;
    if (textChanged) {
      textVersion = await recordNextVersion(
        tx,
        editor,
        current,
        "",
        input.textChangedOn ? new Date(`${input.textChangedOn}T00:00:00Z`) : null,
      );
      const plan = planRelocations(input.text, textVersion, citations, new Date());
      relocation = plan.counts;
      for (const change of plan.changes) {
        const before = citations.find((c) => c.id === change.id)!;
        const lost = change.outcome === "orphaned";
        // The words as an editor cited them, while a check is pending.
        const citedQuote =
          change.data.review === "check"
            ? ((before.review === "check" ? before.citedQuote : null) ?? before.quote)
            : null;
        await tx.citation.update({
          where: { id: change.id },
          data: { ...change.data, lost, citedQuote },
        });
        const moved =
          change.data.start !== before.start ||
          change.data.end !== before.end ||
          change.data.quote !== before.quote ||
          lost !== before.lost ||
          change.data.review !== before.review;
        if (!moved) continue;
        const leader = before.step.attendance.leader.name;
        await recordRevision(tx, editor, {
          entityType: "citation",
          entityId: change.id,
          action: "update",
          before: { leader, quote: before.quote, start: before.start, end: before.end },
          after: lost
            ? { leader, quote: before.quote, start: null, end: null }
            : { leader, quote: change.data.quote, start: change.data.start, end: change.data.end },
          summary: {
            exact: "Re-found in the new text of its source",
            check: "Re-found in the new text of its source with changed wording; to check",
            orphaned: "Not found in the new text of its source; orphaned, to cite again",
          }[change.outcome],
        });
      }
      await setVersionSummary(tx, id, textVersion, describeRelocations(relocation));
      await attachSnapshot(tx, input.snapshotId, id, textVersion);
    }

    const updated = await tx.source.update({
      where: { id },
      data: { ...sourceData(input), textVersion, version: { increment: 1 } },
    });
    await recordRevision(tx, editor, {
      entityType: "source",
      entityId: id,
      action: "update",
      before: sourceSnapshot(current),
      after: sourceSnapshot(updated),
      summary: relocation ? `Version ${textVersion}: ${describeRelocations(relocation)}` : "",
    });
    return {
      ok: true,
      sourceId: id,
      attendanceIds: [...new Set(citations.map((c) => c.step.attendance.id))],
      eventSlugs: [...new Set(citations.map((c) => c.step.attendance.event.slug))],
      textVersion,
      relocation,
    } as const;
  });
}

/**
 * What the save that made version `number` of a source's text found, for the editor who saved
 * it, and how many of the source's citations wait for a review now.
 */
export async function getSaveReport(
  sourceId: number,
  number: number,
): Promise<{ number: number; summary: string; toReview: number } | null> {
  const row = await db.sourceVersion.findUnique({
    where: { sourceId_number: { sourceId, number } },
    select: { number: true, summary: true },
  });
  if (!row) return null;
  const toReview = await db.citation.count({ where: { sourceId, review: { not: "" } } });
  return { ...row, toReview };
}
