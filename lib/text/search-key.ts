/**
 * A search key: lower case, accents and diacritics removed, curly quotes straightened and
 * white space collapsed, so "Inácio", "INACIO" and "inacio" all give "inacio".
 * Stored beside the searchable fields and applied to queries, so any database can match it.
 */
export function searchKey(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The searchable text of a leader: name, office and country or entity. */
export function leaderSearchKey(leader: { name: string; office: string; polity: string }) {
  return searchKey([leader.name, leader.office, leader.polity].join(" | "));
}
