/**
 * Field-by-field differences between two snapshots of an entity, for conflict messages and
 * the change history. Values are rendered as short readable strings.
 */
export type FieldChange = { field: string; before: string; after: string };

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
  textLength: "Text length (characters)",
  quote: "Quote",
  start: "Start offset",
  end: "End offset",
};

const HIDDEN = new Set(["version", "eventId", "leaderId", "id"]);

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
  return changes;
}
