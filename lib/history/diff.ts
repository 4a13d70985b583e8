/**
 * Field-by-field differences between two snapshots of an entity, for conflict messages and
 * the change history. Values are rendered as short readable strings.
 */
import { characterCount, cutText } from "../text/cut";
import { formatDay } from "../text/format-day";

export type FieldChange = { field: string; before: string; after: string };

type CitationLike = { sourceId?: number; source?: string; quote?: string; start?: number };

type StepLike = {
  id: number;
  status?: string;
  asOf?: string | null;
  note?: string;
  citations?: CitationLike[];
};

const LABELS: Record<string, string> = {
  event: "Event",
  leader: "Leader",
  status: "Status",
  asOf: "As of",
  note: "Note",
  citations: "Citations",
  name: "Name",
  office: "Office",
  polity: "Country or entity",
  countryCode: "Country code",
  title: "Title",
  publisher: "Publisher",
  url: "Address",
  publishedOn: "Published on",
  dateNote: "Note on the date",
  text: "Text",
  textVersion: "Text version",
  review: "Review",
  textLength: "Text length (characters)",
  quote: "Quote",
  start: "Start offset",
  end: "End offset",
  slug: "Address",
  date: "Date",
  place: "Place",
  occasion: "Occasion",
  pinned: "Pinned to the home page",
  aliases: "Aliases",
  wikidataId: "Wikidata id",
  entries: "Entries",
};

const HIDDEN = new Set(["version", "eventId", "leaderId", "id", "story"]);

/** A step's own fields in a line: "Reported, as of 14 March 2025" and its note. */
function renderStepFields(step: StepLike): string {
  const status = step.status ? `${step.status[0]!.toUpperCase()}${step.status.slice(1)}` : "";
  const date = step.asOf ? `as of ${formatDay(step.asOf)}` : "undated";
  return [`${status}, ${date}`, step.note ? `Note: ${step.note}` : ""].filter(Boolean).join("\n");
}

/** A step in a line: "Reported, as of 14 March 2025: “…” (source)". */
export function renderStep(step: StepLike): string {
  const quotes = renderValue("citations", step.citations ?? []);
  return [renderStepFields(step), quotes === "—" ? "" : quotes].filter(Boolean).join("\n");
}

const renderCitation = (c: CitationLike) => `“${c.quote ?? ""}”${c.source ? ` (${c.source})` : ""}`;

/** The same words at the same place of the same source. */
const placeKey = (c: CitationLike) =>
  JSON.stringify([c.sourceId ?? c.source ?? null, c.start ?? null, c.quote ?? ""]);

/** The same words of the same source, wherever they stand in its text. */
const wordsKey = (c: CitationLike) =>
  JSON.stringify([c.sourceId ?? c.source ?? null, c.quote ?? ""]);

/**
 * The citations of `after` that are not in `before`, and the other way round, each citation
 * matched once. A citation is first matched at its place; what is left is matched by its words
 * alone, since a source rewrite moves a quote without anyone changing it: the same quote at a
 * new offset is the same citation, not one removed and one added.
 */
export function unmatchedCitations<T extends CitationLike>(
  before: readonly T[],
  after: readonly T[],
): { added: T[]; removed: T[] } {
  let added = [...after];
  let removed = [...before];
  for (const key of [placeKey, wordsKey]) {
    const left = new Map<string, number>();
    for (const c of removed) left.set(key(c), (left.get(key(c)) ?? 0) + 1);
    const matched = new Map<string, number>();
    added = added.filter((c) => {
      const n = left.get(key(c)) ?? 0;
      if (n === 0) return true;
      left.set(key(c), n - 1);
      matched.set(key(c), (matched.get(key(c)) ?? 0) + 1);
      return false;
    });
    removed = removed.filter((c) => {
      const n = matched.get(key(c)) ?? 0;
      if (n === 0) return true;
      matched.set(key(c), n - 1);
      return false;
    });
  }
  return { added, removed };
}

/**
 * The citations added and removed between two lists, one change each, so adding one citation
 * to five reads as that one added rather than five listed twice. `of` names their step.
 */
export function diffCitations(
  before: CitationLike[],
  after: CitationLike[],
  of = "",
): FieldChange[] {
  const { added, removed } = unmatchedCitations(before, after);
  return [
    ...added.map((c) => ({ field: `Citation added${of}`, before: "—", after: renderCitation(c) })),
    ...removed.map((c) => ({
      field: `Citation removed${of}`,
      before: renderCitation(c),
      after: "—",
    })),
  ];
}

/**
 * The steps that differ between two stories: a step added (before "—") or removed (after "—")
 * whole; an edited one as its own fields, if they changed, and each citation added or removed.
 * Steps are matched by id, listed in the later story's order.
 */
export function diffStories(before: StepLike[], after: StepLike[]): FieldChange[] {
  const beforeById = new Map(before.map((s) => [s.id, s]));
  const afterIds = new Set(after.map((s) => s.id));
  const changes: FieldChange[] = [];
  for (const step of [...after, ...before.filter((s) => !afterIds.has(s.id))]) {
    const was = beforeById.get(step.id);
    const now = afterIds.has(step.id) ? step : undefined;
    if (!was || !now) {
      changes.push({
        field: !was ? "Step added" : "Step removed",
        before: was ? renderStep(was) : "—",
        after: now ? renderStep(now) : "—",
      });
      continue;
    }
    const a = renderStepFields(was);
    const b = renderStepFields(now);
    if (a !== b) changes.push({ field: "Step edited", before: a, after: b });
    changes.push(
      ...diffCitations(was.citations ?? [], now.citations ?? [], ` (${b.split("\n")[0]})`),
    );
  }
  return changes;
}

export function renderValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (field === "citations" && Array.isArray(value)) {
    return value
      .map(
        (c: { quote?: string; source?: string }) =>
          `“${c.quote ?? ""}”${c.source ? ` (${c.source})` : ""}`,
      )
      .join("\n");
  }
  if (field === "review" && typeof value === "string") {
    return value === "check" ? "to check (new wording)" : value === "orphaned" ? "orphaned" : "—";
  }
  if (field === "aliases" && Array.isArray(value)) return value.length ? value.join("\n") : "—";
  if (field === "text" && typeof value === "string") {
    const cut = cutText(value, 300);
    return cut === value
      ? value
      : `${cut}… (${characterCount(value).toLocaleString("en")} characters)`;
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function fieldLabel(field: string) {
  return LABELS[field] ?? field;
}

export function diffSnapshots(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  const withStories = Array.isArray(before?.story) && Array.isArray(after?.story);
  for (const field of fields) {
    if (HIDDEN.has(field)) continue;
    if (field === "citations") {
      // The current step's citations: the story's diff lists them, step by step, when both
      // revisions have one.
      if (!withStories) {
        changes.push(
          ...diffCitations(asCitations(before?.citations), asCitations(after?.citations)),
        );
      }
      continue;
    }
    const a = renderValue(field, before?.[field]);
    const b = renderValue(field, after?.[field]);
    if (a !== b) changes.push({ field: fieldLabel(field), before: a, after: b });
  }
  // Revisions written before steps had citations of their own have no story: no step diff
  // then, rather than every step shown as added.
  if (withStories) {
    changes.push(...diffStories(before.story as StepLike[], after.story as StepLike[]));
  }
  return changes;
}

const asCitations = (value: unknown): CitationLike[] => (Array.isArray(value) ? value : []);
