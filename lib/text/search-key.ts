/**
 * The characters LIKE reads as wildcards or its escape (`%`, `_`, and `\` in PostgreSQL),
 * each as a private-use character of its own. Prisma's `contains` does not escape them on
 * SQLite, so a search for "_" matched every leader; with both the stored key and the query
 * written this way, a search matches them literally, in the list, the admin and the exports
 * alike. The migration `search_key_wildcards` rewrote keys stored before.
 */
const LIKE_SPECIALS: Record<string, string> = { "%": "\uE025", _: "\uE05F", "\\": "\uE05C" };

/**
 * Letters Unicode gives no decomposition, so NFKD keeps them whole: "Łukaszenka" would not be
 * found by "lukaszenka". The migration `events_leaders` rewrote keys stored before.
 */
const UNDECOMPOSED: Record<string, string> = {
  ł: "l",
  ø: "o",
  đ: "d",
  ð: "d",
  ħ: "h",
  ı: "i",
  ŧ: "t",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  þ: "th",
};

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
    .replace(/[łøđðħıŧßæœþ]/g, (c) => UNDECOMPOSED[c]!)
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[%_\\]/g, (c) => LIKE_SPECIALS[c]!);
}

/** The searchable text of a leader: name, office, country or entity, and every alias. */
export function leaderSearchKey(leader: {
  name: string;
  office: string;
  polity: string;
  aliases?: readonly string[];
}) {
  return searchKey(
    [leader.name, leader.office, leader.polity, ...(leader.aliases ?? [])].join(" | "),
  );
}
