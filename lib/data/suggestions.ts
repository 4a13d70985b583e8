import "server-only";
import { db } from "@/lib/db";
import { suggestClaims, type SuggestedClaim, type Suggestion } from "@/lib/suggest/suggest";
import { parseAliases } from "./leaders";
import { toIsoDate } from "./mappers";
import type { Editor } from "./session";
import { inTransaction, type WriteResult } from "./write";

/** A suggestion as the review page shows it: new, already in the story, or dismissed. */
export type SuggestionRow = Suggestion & {
  state: "new" | "recorded" | "dismissed";
  /** The leader's entry at the event, when they have one. */
  attendanceId: number | null;
};

export type SuggestionsForSource = {
  source: { id: number; title: string; publisher: string; textVersion: number };
  event: { id: number; slug: string; name: string; date: string; endDate: string };
  rows: SuggestionRow[];
};

const claimOf = (step: { status: string; outcome: string | null }): SuggestedClaim =>
  (step.outcome ?? step.status) as SuggestedClaim;

/**
 * The claims the source's current text makes about the event's leaders (lib/suggest), each
 * marked recorded when a step of the leader's entry already makes the same claim with a
 * citation of this source that overlaps its quote, and dismissed when an editor dismissed it.
 * Changes nothing. Null when the source or the event does not exist.
 */
export async function listSuggestions(
  sourceId: number,
  eventId: number,
): Promise<SuggestionsForSource | null> {
  const [source, event] = await Promise.all([
    db.source.findUnique({
      where: { id: sourceId },
      select: {
        id: true,
        title: true,
        publisher: true,
        text: true,
        publishedOn: true,
        textVersion: true,
      },
    }),
    db.event.findUnique({
      where: { id: eventId },
      select: { id: true, slug: true, name: true, place: true, date: true, endDate: true },
    }),
  ]);
  if (!source || !event) return null;
  const [leaders, entries, dismissals] = await Promise.all([
    db.leader.findMany({
      select: {
        id: true,
        name: true,
        aliases: true,
        office: true,
        polity: true,
        countryCode: true,
      },
      orderBy: { id: "asc" },
    }),
    db.attendance.findMany({
      where: { eventId },
      select: {
        id: true,
        leaderId: true,
        steps: {
          select: {
            status: true,
            outcome: true,
            citations: { where: { sourceId, lost: false }, select: { start: true, end: true } },
          },
        },
      },
    }),
    db.suggestionDismissal.findMany({ where: { sourceId, eventId }, select: { key: true } }),
  ]);
  const suggestions = suggestClaims({
    text: source.text,
    publishedOn: source.publishedOn ? toIsoDate(source.publishedOn) : null,
    event: {
      name: event.name,
      place: event.place,
      date: toIsoDate(event.date),
      endDate: toIsoDate(event.endDate),
    },
    leaders: leaders.map((l) => ({ ...l, aliases: parseAliases(l.aliases) })),
  });
  const entryOf = new Map(entries.map((e) => [e.leaderId, e]));
  const dismissed = new Set(dismissals.map((d) => d.key));
  const rows = suggestions.map((s): SuggestionRow => {
    const entry = s.leader.kind === "known" ? entryOf.get(s.leader.id) : undefined;
    const recorded = entry?.steps.some(
      (step) =>
        claimOf(step) === s.claim &&
        step.citations.some((c) => c.start < s.quote.end && s.quote.start < c.end),
    );
    return {
      ...s,
      state: recorded ? "recorded" : dismissed.has(s.key) ? "dismissed" : "new",
      attendanceId: entry?.id ?? null,
    };
  });
  return {
    source: {
      id: source.id,
      title: source.title,
      publisher: source.publisher,
      textVersion: source.textVersion,
    },
    event: {
      id: event.id,
      slug: event.slug,
      name: event.name,
      date: toIsoDate(event.date),
      endDate: toIsoDate(event.endDate),
    },
    rows,
  };
}

/** The entry a leader has at an event, if any: where an accepted claim becomes a step. */
export async function findEntryId(eventId: number, leaderId: number): Promise<number | null> {
  const row = await db.attendance.findUnique({
    where: { eventId_leaderId: { eventId, leaderId } },
    select: { id: true },
  });
  return row?.id ?? null;
}

export type DismissalInput = {
  sourceId: number;
  eventId: number;
  key: string;
  leaderName: string;
  claim: string;
  quote: string;
};

/**
 * Records that an editor dismissed a suggestion, so it is not suggested again for this source
 * and event. Dismissing one already dismissed changes nothing. Touches no public page: a
 * suggestion never is one.
 */
export async function dismissSuggestion(
  editor: Editor,
  input: DismissalInput,
): Promise<WriteResult<object>> {
  return inTransaction(editor, "entry:edit", async (tx) => {
    const [source, event] = await Promise.all([
      tx.source.findUnique({ where: { id: input.sourceId }, select: { id: true } }),
      tx.event.findUnique({ where: { id: input.eventId }, select: { id: true } }),
    ]);
    if (!source || !event) {
      return { ok: false, kind: "not-found", message: "This source or event no longer exists." };
    }
    await tx.suggestionDismissal.upsert({
      where: {
        sourceId_eventId_key: { sourceId: input.sourceId, eventId: input.eventId, key: input.key },
      },
      update: {},
      create: { ...input, actorId: editor.id, actorName: editor.name },
    });
    return { ok: true };
  });
}
