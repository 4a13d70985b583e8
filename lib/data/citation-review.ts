import "server-only";
import type { AttendanceStatus } from "@/lib/attendance/status";
import { db } from "@/lib/db";
import { anchorQuote, describeAnchorError } from "@/lib/quotes/anchor";
import { passageId } from "@/lib/quotes/passage-id";
import { relocateQuote } from "@/lib/quotes/relocate";
import { citedStepSelect, toIsoDate } from "./mappers";
import { recordRevision } from "./revisions";
import type { Editor } from "./session";
import { inTransaction, invalid, notFound, type Tx, type WriteResult } from "./write";

/** The most citations the review queue shows at once, oldest first. */
export const REVIEW_PAGE_SIZE = 100;

/** A citation an edit of its source left for an editor to check or to cite again. */
export type ReviewItemDTO = {
  citationId: number;
  review: "check" | "orphaned";
  /** When the edit that asked for the review was saved (ISO), if known. */
  since: string | null;
  /** The words it quotes now: the new wording (check) or the words as cited (orphaned). */
  quote: string;
  /** While a check is pending: the words as they were cited. */
  citedQuote: string | null;
  /** The version of the text the review is about (the form sends it back). */
  checkedVersion: number;
  anchoredVersion: number;
  source: { id: number; title: string; textVersion: number };
  attendanceId: number;
  leaderName: string;
  eventName: string;
  step: { status: AttendanceStatus; asOf: string | null; current: boolean };
  /** Where the passage is highlighted: the current text, or an orphan's old version. */
  passageHref: string;
  /** For an orphan: the closest passage of the current text, to start a new citation from. */
  suggestion: string;
};

const reviewSelect = {
  id: true,
  quote: true,
  citedQuote: true,
  start: true,
  end: true,
  prefix: true,
  suffix: true,
  review: true,
  reviewSince: true,
  anchoredVersion: true,
  checkedVersion: true,
  source: { select: { id: true, title: true, text: true, textVersion: true } },
  step: citedStepSelect,
} as const;

/** How many citations wait for a review. */
export async function countReviewQueue(): Promise<number> {
  return db.citation.count({ where: { review: { in: ["check", "orphaned"] } } });
}

/** The citations waiting for a review, the longest waiting first. */
export async function listReviewQueue(): Promise<ReviewItemDTO[]> {
  const rows = await db.citation.findMany({
    where: { review: { in: ["check", "orphaned"] } },
    orderBy: [{ reviewSince: "asc" }, { id: "asc" }],
    take: REVIEW_PAGE_SIZE,
    select: reviewSelect,
  });
  return rows.map((c) => {
    const review = c.review === "check" ? "check" : "orphaned";
    const passage = `#${passageId({ start: c.start, end: c.end })}`;
    const suggestion = review === "orphaned" ? suggest(c.source.text, c) : "";
    return {
      citationId: c.id,
      review,
      since: c.reviewSince?.toISOString() ?? null,
      quote: c.quote,
      citedQuote: c.citedQuote,
      checkedVersion: c.checkedVersion,
      anchoredVersion: c.anchoredVersion,
      source: { id: c.source.id, title: c.source.title, textVersion: c.source.textVersion },
      attendanceId: c.step.attendance.id,
      leaderName: c.step.attendance.leader.name,
      eventName: c.step.attendance.event.name,
      step: {
        status: c.step.status,
        asOf: c.step.asOf ? toIsoDate(c.step.asOf) : null,
        current: c.step.attendance.currentStepId === c.step.id,
      },
      passageHref:
        review === "orphaned" && c.anchoredVersion !== c.source.textVersion
          ? `/sources/${c.source.id}/versions/${c.anchoredVersion}${passage}`
          : `/sources/${c.source.id}${passage}`,
      suggestion,
    };
  });
}

/**
 * Where to start citing the current text for an orphan: when the words around the old quote
 * are still there, what now stands between them (a passage rewritten in place); else the
 * closest passage the relocation saw; else the closest by shared trigrams.
 */
function suggest(
  text: string,
  c: {
    quote: string;
    start: number;
    end: number;
    prefix: string;
    suffix: string;
    anchoredVersion: number;
  },
): string {
  const before = c.prefix.length >= 8 ? text.indexOf(c.prefix) : -1;
  if (before !== -1 && text.indexOf(c.prefix, before + 1) === -1) {
    const from = before + c.prefix.length;
    const to = c.suffix.length >= 8 ? text.indexOf(c.suffix, from) : -1;
    const between = to > from && to - from <= 2 * c.quote.length ? text.slice(from, to).trim() : "";
    if (between) return between;
  }
  const found = relocateQuote(text, c);
  if (found.kind !== "orphaned") return found.anchor.quote;
  if (found.nearest) return found.nearest.passage;
  const nearest = anchorQuote(text, c.quote);
  return !nearest.ok && nearest.error.kind === "not-found"
    ? (nearest.error.nearest?.passage ?? "")
    : "";
}

/** What a review changed: the pages to refresh. */
export type Reviewed = { attendanceId: number; eventSlug: string; sourceId: number };

async function loadForReview(
  tx: Tx,
  citationId: number,
  checkedVersion: number,
): Promise<
  | { ok: true; row: NonNullable<Awaited<ReturnType<typeof find>>> }
  | { ok: false; failure: ReturnType<typeof notFound> }
> {
  const row = await find(tx, citationId);
  if (!row) return { ok: false, failure: notFound("This citation no longer exists.") };
  if (row.review !== "check" && row.review !== "orphaned") {
    return {
      ok: false,
      failure: invalid(
        {},
        "This citation needs no review any more: someone confirmed or cited it.",
      ),
    };
  }
  if (row.checkedVersion !== checkedVersion || row.source.textVersion !== checkedVersion) {
    return {
      ok: false,
      failure: invalid(
        {},
        "The source's text was edited again since this page was opened. Reload the review queue and look at the citation again.",
      ),
    };
  }
  return { ok: true, row };
}

function find(tx: Tx, citationId: number) {
  return tx.citation.findUnique({ where: { id: citationId }, select: reviewSelect });
}

const snapshot = (
  row: { quote: string; start: number; end: number; review: string },
  leader: string,
) => ({
  leader,
  quote: row.quote,
  start: row.start,
  end: row.end,
  review: row.review,
});

/** Confirms the new wording of a citation re-found with changed wording: one click. */
export async function confirmCitation(
  editor: Editor,
  citationId: number,
  checkedVersion: number,
): Promise<WriteResult<Reviewed>> {
  return inTransaction<Reviewed>(editor, "citation:review", async (tx) => {
    const loaded = await loadForReview(tx, citationId, checkedVersion);
    if (!loaded.ok) return loaded.failure;
    const { row } = loaded;
    if (row.review !== "check") {
      return invalid({}, "This citation was not found in the current text: cite it again instead.");
    }
    await tx.citation.update({
      where: { id: citationId },
      data: { review: "", reviewSince: null, citedQuote: null },
    });
    const leader = row.step.attendance.leader.name;
    await recordRevision(tx, editor, {
      entityType: "citation",
      entityId: citationId,
      action: "update",
      before: { ...snapshot(row, leader), quote: row.citedQuote ?? row.quote },
      after: { ...snapshot(row, leader), review: "" },
      summary: `Confirmed its new wording in version ${row.source.textVersion} of the source`,
    });
    return reviewed(row);
  });
}

/** What a review's save changed, for the pages to revalidate. */
function reviewed(row: {
  step: { attendance: { id: number; event: { slug: string } } };
  source: { id: number };
}) {
  return {
    ok: true,
    attendanceId: row.step.attendance.id,
    eventSlug: row.step.attendance.event.slug,
    sourceId: row.source.id,
  } as const;
}

/**
 * Cites other words of the current text for a citation to check or orphaned: the quote must
 * be found in the current text exactly, as any new citation.
 */
export async function reciteCitation(
  editor: Editor,
  citationId: number,
  checkedVersion: number,
  quote: string,
): Promise<WriteResult<Reviewed>> {
  return inTransaction<Reviewed>(editor, "citation:review", async (tx) => {
    const loaded = await loadForReview(tx, citationId, checkedVersion);
    if (!loaded.ok) return loaded.failure;
    const { row } = loaded;
    const result = anchorQuote(row.source.text, quote, {
      prefix: row.prefix,
      suffix: row.suffix,
      start: row.start,
    });
    if (!result.ok) {
      return invalid(
        { quote: [describeAnchorError(result.error)] },
        "The quote needs attention; see below.",
      );
    }
    const a = result.anchor;
    await tx.citation.update({
      where: { id: citationId },
      data: {
        quote: a.quote,
        start: a.start,
        end: a.end,
        prefix: a.prefix,
        suffix: a.suffix,
        lost: false,
        anchoredVersion: row.source.textVersion,
        checkedVersion: row.source.textVersion,
        review: "",
        reviewSince: null,
        citedQuote: null,
      },
    });
    const leader = row.step.attendance.leader.name;
    await recordRevision(tx, editor, {
      entityType: "citation",
      entityId: citationId,
      action: "update",
      before: snapshot(row, leader),
      after: { leader, quote: a.quote, start: a.start, end: a.end, review: "" },
      summary: `Cited again in version ${row.source.textVersion} of the source`,
    });
    return reviewed(row);
  });
}
