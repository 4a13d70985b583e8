/**
 * Field-by-field differences between two snapshots of an entity, for conflict messages and
 * the change history. Values are rendered as short readable strings.
 */
import { formatDay } from "../text/format-day";

export type FieldChange = { field: string; before: string; after: string };

type StepLike = {
  id: number;
  status?: string;
  asOf?: string | null;
  note?: string;
  citations?: { quote?: string; source?: string }[];
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

/** A step in a line: "Reported, as of 14 March 2025: “…” (source)". */
export function renderStep(step: StepLike): string {
  const status = step.status ? `${step.status[0]!.toUpperCase()}${step.status.slice(1)}` : "";
  const date = step.asOf ? `as of ${formatDay(step.asOf)}` : "undated";
  const quotes = renderValue("citations", step.citations ?? []);
  return [`${status}, ${date}`, step.note ? `Note: ${step.note}` : "", quotes === "—" ? "" : quotes]
    .filter(Boolean)
    .join("\n");
}

/**
 * The steps that differ between two stories, one change per step: added (before "—"),
 * removed (after "—") or edited. Steps are matched by id, listed in the later story's order.
 */
export function diffStories(before: StepLike[], after: StepLike[]): FieldChange[] {
  const beforeById = new Map(before.map((s) => [s.id, s]));
  const afterIds = new Set(after.map((s) => s.id));
  const changes: FieldChange[] = [];
  for (const step of [...after, ...before.filter((s) => !afterIds.has(s.id))]) {
    const was = beforeById.get(step.id);
    const now = afterIds.has(step.id) ? step : undefined;
    const a = was ? renderStep(was) : "—";
    const b = now ? renderStep(now) : "—";
    if (a === b) continue;
    const label = !was ? "Step added" : !now ? "Step removed" : "Step edited";
    changes.push({ field: label, before: a, after: b });
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
    return value.length > 300
      ? `${value.slice(0, 300)}… (${value.length.toLocaleString("en")} characters)`
      : value;
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
  for (const field of fields) {
    if (HIDDEN.has(field)) continue;
    const a = renderValue(field, before?.[field]);
    const b = renderValue(field, after?.[field]);
    if (a !== b) changes.push({ field: fieldLabel(field), before: a, after: b });
  }
  // Revisions written before steps had citations of their own have no story: no step diff
  // then, rather than every step shown as added.
  if (Array.isArray(before?.story) && Array.isArray(after?.story)) {
    changes.push(...diffStories(before.story as StepLike[], after.story as StepLike[]));
  }
  return changes;
}
