/**
 * An event's story as a feed reads it, from the record of edits: one item per step recorded,
 * changed or removed. Pure: the data layer (lib/data/feeds.ts) hands it the entries'
 * revisions and what it knows of their sources; lib/feed/atom.ts writes the Atom document.
 */
import { claimLabel } from "../attendance/status";
import { formatDay } from "../text/format-day";

/** A step as an entry's revision stores it (lib/data/revisions.ts), the fields read here. */
type StepState = {
  id: number;
  status: string;
  outcome?: string;
  representative?: string;
  asOf: string | null;
  note: string;
  citations: { sourceId: number; source: string; quote: string }[];
};

type EntryState = { leader?: string; event?: string; story?: StepState[] };

export type FeedRevision = {
  id: number;
  /** The entry's id. */
  entityId: number;
  createdAt: Date;
  actorName: string;
  before: EntryState | null;
  after: EntryState | null;
};

/** What is known of a source now: its title and publisher, or that it was deleted. */
export type FeedSource = { title: string; publisher: string } | "deleted";

export type FeedQuote = { sourceId: number; quote: string; source: string; deleted: boolean };

export type FeedItem = {
  /** Unique and stable: the revision and the step it is about, and what happened. */
  key: string;
  kind: "recorded" | "changed" | "removed";
  revisionId: number;
  attendanceId: number;
  stepId: number;
  leader: string;
  event: string;
  title: string;
  /** The claim in words: "Declined as of 6 May 2025". */
  claim: string;
  note: string;
  quotes: FeedQuote[];
  published: Date;
  /** The later change that made this item stale (the step changed again or was removed). */
  superseded: { kind: "changed" | "removed"; at: Date } | null;
  /** `published`, or the time of the change that superseded it. */
  updated: Date;
  actorName: string;
};

const sameStep = (a: StepState, b: StepState) =>
  a.status === b.status &&
  (a.outcome ?? null) === (b.outcome ?? null) &&
  a.asOf === b.asOf &&
  a.note === b.note &&
  (a.representative ?? null) === (b.representative ?? null) &&
  JSON.stringify(a.citations.map((c) => [c.sourceId, c.quote])) ===
    JSON.stringify(b.citations.map((c) => [c.sourceId, c.quote]));

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function claimOf(step: StepState): string {
  const claim = claimLabel(step);
  const represented = step.representative ? `, represented by ${step.representative}` : "";
  return `${claim}${represented}${step.asOf ? ` as of ${formatDay(step.asOf)}` : ""}`;
}

/**
 * Each revision's steps added, changed and removed, newest revision first. An item whose step
 * a later revision (among those given) changed or removed says so, with that later time as its
 * `updated`: a step recorded by mistake and reverted is never left standing as if it held.
 * A quote from a source since deleted is left out; the item says only that its source was
 * deleted, as /changes does.
 */
export function feedItems(
  revisions: readonly FeedRevision[],
  sources: ReadonlyMap<number, FeedSource>,
): FeedItem[] {
  const oldestFirst = [...revisions].sort((a, b) => a.id - b.id);
  const items: FeedItem[] = [];
  /** The latest item about each step, to mark when a later revision supersedes it. */
  const latest = new Map<number, FeedItem>();

  const quotesOf = (step: StepState): FeedQuote[] =>
    step.citations.map((c) => {
      const known = sources.get(c.sourceId);
      if (known === "deleted" || known === undefined) {
        return { sourceId: c.sourceId, quote: "", source: "a deleted source", deleted: true };
      }
      return {
        sourceId: c.sourceId,
        quote: c.quote,
        source: known.publisher || known.title,
        deleted: false,
      };
    });

  for (const revision of oldestFirst) {
    const beforeSteps = new Map((revision.before?.story ?? []).map((s) => [s.id, s]));
    const afterSteps = revision.after?.story ?? [];
    const afterIds = new Set(afterSteps.map((s) => s.id));
    const state = revision.after ?? revision.before ?? {};
    const leader = String(state.leader ?? "An entry");
    const event = String(state.event ?? "");
    const changes: { kind: FeedItem["kind"]; step: StepState; was?: StepState }[] = [];
    for (const step of afterSteps) {
      const was = beforeSteps.get(step.id);
      if (!was) changes.push({ kind: "recorded", step });
      else if (!sameStep(was, step)) changes.push({ kind: "changed", step, was });
    }
    for (const [id, was] of beforeSteps) {
      if (!afterIds.has(id)) changes.push({ kind: "removed", step: was });
    }
    for (const { kind, step, was } of changes) {
      const earlier = latest.get(step.id);
      if (earlier && !earlier.superseded && earlier.kind !== "removed") {
        earlier.superseded = {
          kind: kind === "removed" ? "removed" : "changed",
          at: revision.createdAt,
        };
        earlier.updated = revision.createdAt;
      }
      const quotes = quotesOf(step);
      const claim = claimOf(step);
      const by = [...new Set(quotes.map((q) => q.source))].join(", ");
      const title =
        kind === "recorded"
          ? `${leader}: ${lowerFirst(claim)}${by ? ` (${by})` : ""}`
          : kind === "changed"
            ? `${leader}: now ${lowerFirst(claim)}${by ? ` (${by})` : ""}${was ? `, was ${lowerFirst(claimOf(was))}` : ""}`
            : `${leader}: step removed, ${lowerFirst(claim)}${by ? ` (${by})` : ""}`;
      const item: FeedItem = {
        key: `${revision.id}-${step.id}-${kind}`,
        kind,
        revisionId: revision.id,
        attendanceId: revision.entityId,
        stepId: step.id,
        leader,
        event,
        title,
        claim,
        note: step.note,
        quotes,
        published: revision.createdAt,
        superseded: null,
        updated: revision.createdAt,
        actorName: revision.actorName,
      };
      items.push(item);
      latest.set(step.id, item);
    }
  }
  return items.reverse();
}
