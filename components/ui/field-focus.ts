/** Names and focus for the fields an error summary links to. */

const LABELS: Record<string, string> = {
  form: "Form",
  eventId: "Event",
  leaderId: "Existing leader",
  "leader.name": "Name",
  "leader.office": "Office",
  "leader.polity": "Country or entity",
  "leader.countryCode": "ISO country code",
  status: "Status",
  asOf: "As of",
  note: "Note",
  citations: "Citations",
  name: "Name",
  office: "Office",
  polity: "Country or entity",
  countryCode: "ISO country code",
  title: "Title",
  publisher: "Publisher",
  url: "Web address",
  fetchUrl: "Address to fetch",
  language: "Language",
  publishedOn: "Published on",
  dateNote: "Note on the date",
  text: "Full text",
  confirm: "Confirmation",
  date: "Date",
  place: "Place",
  occasion: "Occasion",
  slug: "Address (slug)",
  aliases: "Aliases",
  wikidataId: "Wikidata id",
  otherId: "Record to merge",
  quote: "Quote",
  email: "Email address",
  password: "Password",
};

/** The field an error key names, as its label says it: `citations.1.quote` → "Quote of citation 2". */
export function describeField(key: string): string {
  const citation = /^citations\.(\d+)\.(quote|sourceId)$/.exec(key);
  if (citation) {
    const n = Number(citation[1]) + 1;
    return citation[2] === "quote" ? `Quote of citation ${n}` : `Source of citation ${n}`;
  }
  return LABELS[key] ?? key;
}

const FOCUSABLE = "input:not([type=hidden]), select, textarea, button";

/**
 * Moves focus to the field with this id, or, for a group (a fieldset of radio buttons, whose
 * error has the id `<key>-error`), to the group's first control, or else to the control of
 * `form` named `name` (a form whose ids follow no rule). Returns whether it did, so a link can
 * fall back to following its fragment.
 */
export function focusField(id: string, form?: HTMLFormElement | null, name?: string): boolean {
  let target = document.getElementById(id);
  if (!target || !target.matches(FOCUSABLE)) {
    const group = (target ?? document.getElementById(`${id}-error`))?.closest("fieldset");
    target = group?.querySelector<HTMLElement>(FOCUSABLE) ?? null;
  }
  if (!target && form && name) {
    const named = form.elements.namedItem(name);
    target = (named instanceof RadioNodeList ? named[0] : named) as HTMLElement | null;
  }
  if (!target) return false;
  target.focus();
  target.scrollIntoView({ block: "center" });
  return true;
}
