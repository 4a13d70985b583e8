/**
 * What an editor can keep of another editor's save when theirs came first: each field the
 * other changed (the form's field name and value, and how it reads), and the citations the
 * other added or removed. Pure: from the snapshot the form was opened at and the one saved now.
 */
import { formatDay } from "../text/format-day";
import { unmatchedCitations } from "./diff";

type Citation = { sourceId: number; source?: string; quote: string; start?: number };

type Snapshot = {
  eventId?: number;
  event?: string;
  leaderId?: number;
  leader?: string;
  status?: string;
  asOf?: string | null;
  note?: string;
  citations?: Citation[];
};

export type ConflictChoices = {
  /** `name` is the form field's; `theirs` its value as the form sends it, `text` as read. */
  fields: { name: string; label: string; theirs: string; text: string }[];
  /** Citations of the current step in the other editor's save and not when the form was opened. */
  added: Citation[];
  /** The other way round. */
  removed: Citation[];
};

export function conflictChoices(loaded: Snapshot | null, now: Snapshot | null): ConflictChoices {
  const fields: ConflictChoices["fields"] = [];
  if (!loaded || !now) return { fields, added: [], removed: [] };
  const field = (name: string, label: string, a: unknown, b: unknown, text: string) => {
    if ((a ?? "") !== (b ?? "")) fields.push({ name, label, theirs: String(b ?? ""), text });
  };
  field("eventId", "Event", loaded.eventId, now.eventId, now.event ?? "");
  field("leaderId", "Leader", loaded.leaderId, now.leaderId, now.leader ?? "");
  field("status", "Status", loaded.status, now.status, now.status ?? "");
  field("asOf", "As of", loaded.asOf, now.asOf, now.asOf ? formatDay(now.asOf) : "no date");
  field("note", "Note", loaded.note, now.note, now.note || "no note");
  // A quote a source rewrite moved is not a change of the other editor's.
  const { added, removed } = unmatchedCitations(loaded.citations ?? [], now.citations ?? []);
  const strip = (c: Citation): Citation => ({
    sourceId: c.sourceId,
    source: c.source,
    quote: c.quote,
    start: c.start,
  });
  return {
    fields,
    added: added.map(strip),
    removed: removed.map(strip),
  };
}
