/**
 * Who a text names: known leaders by name, alias or surname, and people it introduces with a
 * head-of-state title and a country ("Mongolian President Ukhnaagiin Khurelsukh"), who may be
 * proposed as new leaders. Offsets index the original text.
 */
import { COUNTRY_WORDS, countryName, escapeRegExp } from "./countries";
import { HEAD_TITLE } from "./rules";
import type { KnownLeader, SuggestedPerson } from "./types";

export type Person = {
  key: string;
  person: SuggestedPerson;
  countryCode: string | null;
  /** Folded (lower case, no accents) full names: found anywhere. */
  full: string[];
  /** Accent-free, case-kept surnames: found after a full mention or beside the country. */
  short: string[];
};

export type Mention = {
  person: number;
  /** The name (or title phrase) itself. */
  start: number;
  end: number;
  /** Where the title and country before the name begin ("Chinese President …"). */
  extStart: number;
};

const EXTRA: Record<string, string> = {
  ł: "l",
  ø: "o",
  đ: "d",
  ð: "d",
  ħ: "h",
  ı: "i",
  ŧ: "t",
  ß: "s",
  æ: "a",
  œ: "o",
  þ: "t",
  "’": "'",
};

/**
 * The text without accents, one UTF-16 unit for one: offsets in it are offsets in the text.
 * `lower` also lower-cases.
 */
export function fold(text: string, lower: boolean): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c.charCodeAt(0) < 128) {
      out += lower ? c.toLowerCase() : c;
      continue;
    }
    const base = c.normalize("NFD")[0] ?? c;
    const cased = lower ? base.toLowerCase() : base;
    const mapped = EXTRA[cased] ?? EXTRA[cased.toLowerCase()]?.toUpperCase() ?? cased;
    out += mapped.length === 1 ? mapped : c;
  }
  return out;
}

const isWord = (s: string, i: number) => i >= 0 && i < s.length && /[\p{L}\p{N}]/u.test(s[i]!);

/** Surnames news text uses alone: the family name first for these countries. */
const FAMILY_NAME_FIRST = new Set(["CN", "KP", "KR", "KH", "TW"]);
/** Names too short or too common to find alone. */
const NEVER_ALONE = new Set(["To", "Lam", "Kim", "Li", "Le", "Da", "Al"]);

function surnames(name: string, countryCode: string | null): string[] {
  const tokens = name.split(/\s+/).filter(Boolean);
  if (tokens.length < 2 || countryCode === "VN") return [];
  const pick = FAMILY_NAME_FIRST.has(countryCode ?? "") ? tokens[0]! : tokens.at(-1)!;
  const out = [pick];
  // "al-Sisi" is also "Sisi"; "Diaz-Canel" stays whole.
  const prefixed = /^(?:al|el|bin|ibn)-(.+)$/i.exec(pick);
  if (prefixed) out.push(prefixed[1]!);
  return out.map((s) => fold(s, false)).filter((s) => s.length > 1 && !NEVER_ALONE.has(s));
}

export function knownPerson(leader: KnownLeader): Person {
  const names = [leader.name, ...leader.aliases].map((n) => n.trim()).filter(Boolean);
  const multi = names.filter((n) => /\s/.test(n) || /-/.test(n));
  const single = names.filter((n) => !/\s/.test(n) && !/-/.test(n));
  return {
    key: `leader-${leader.id}`,
    person: { kind: "known", id: leader.id, name: leader.name },
    countryCode: leader.countryCode,
    full: [...multi, ...single.filter((n) => n.length > 3 || /[^\x00-\x7F]/.test(n))].map((n) =>
      fold(n, true),
    ),
    short: [...surnames(leader.name, leader.countryCode)],
  };
}

export function newPerson(name: string, office: string, countryCode: string | null): Person {
  return {
    key: `new-${fold(name, true).replace(/\s+/g, "-")}`,
    person: {
      kind: "new",
      name,
      office,
      polity: countryCode ? countryName(countryCode) : "",
      countryCode,
    },
    countryCode,
    full: [fold(name, true)],
    short: surnames(name, countryCode),
  };
}

const COUNTRY_ALT = COUNTRY_WORDS.map((w) => escapeRegExp(w.word)).join("|");
const CODE_OF = new Map(COUNTRY_WORDS.map((w) => [w.word, w.code]));
const NAME_OF_COUNTRY = new Set(COUNTRY_WORDS.filter((w) => w.kind === "name").map((w) => w.word));
const NAME = String.raw`[\p{Lu}][\p{L}'’-]+(?:\s+(?:(?:da|de|dos|do|bin|van|von|al|el|la|le)\s+)?[\p{Lu}][\p{L}'’-]+){0,3}`;

/** A country, then maybe a head-of-state title, then maybe a name. */
const INTRODUCED = new RegExp(
  String.raw`(?<![\p{L}])(?<country>${COUNTRY_ALT})(?<poss>['’]s)?\s+(?:(?<title>${HEAD_TITLE})(?![\p{L}])\s*)?(?<name>${NAME})?`,
  "gu",
);
/** The title and country just before a name. */
const PREFIX = new RegExp(
  String.raw`(?:(?<country>${COUNTRY_ALT})(?:['’]s)?\s+)?(?:(?<title>${HEAD_TITLE}|Foreign\s+Minister|Defen[cs]e\s+Minister)\s+)?$`,
  "u",
);
/** Capitalised words that may open a sentence before a country ("The Chinese leader"). */
const OPENERS = new Set([
  "The",
  "A",
  "An",
  "And",
  "But",
  "While",
  "As",
  "Meanwhile",
  "Both",
  "Asked",
  "When",
  "After",
  "Before",
  "Then",
  "Also",
]);

export const codeOfCountryWord = (word: string) => CODE_OF.get(word) ?? null;

function titleOffice(title: string | undefined): string {
  if (!title) return "";
  const t = title.replace(/\s+/g, " ").trim();
  return /leader/i.test(t)
    ? "Leader"
    : t.replace(/^./, (c) => c.toUpperCase()).replace(/\bminister\b/, "Minister");
}

/**
 * People the text introduces with a title and a country whom `people` does not know, as new
 * people; and mentions by title alone ("the Chinese leader") of a country whose one known
 * leader is meant. The host country's own people are hosts, never proposed.
 */
export function introducedPeople(
  text: string,
  people: Person[],
  hostCode: string | null,
): { added: Person[]; titleMentions: Mention[] } {
  const added: Person[] = [];
  const titleMentions: Mention[] = [];
  const seen = new Set(people.flatMap((p) => p.full));
  for (const m of text.matchAll(INTRODUCED)) {
    const { country, poss, title, name } = m.groups!;
    const code = CODE_OF.get(country!) ?? null;
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    const previous = /([\p{L}]+)\s+$/u.exec(before)?.[1];
    if (previous && /^\p{Lu}/u.test(previous) && !OPENERS.has(previous)) continue;
    if (!title && !(poss && name && NAME_OF_COUNTRY.has(country!))) continue;
    if (!name) {
      if (!title || !code) continue;
      const ofCountry = people.flatMap((p, i) =>
        p.countryCode === code && p.person.kind === "known" ? [i] : [],
      );
      if (ofCountry.length !== 1) continue;
      const start = m.index;
      titleMentions.push({
        person: ofCountry[0]!,
        start,
        end: start + m[0].trimEnd().length,
        extStart: start,
      });
      continue;
    }
    const folded = fold(name, true);
    if (code === hostCode || seen.has(folded)) continue;
    // A known leader's surname or alias after the title is that leader, not someone new.
    const tokens = fold(name, false).split(/\s+/);
    const known = people.some(
      (p) =>
        p.full.some((f) => folded.includes(f) || f.includes(folded)) ||
        (p.countryCode === code && p.short.some((s) => tokens.includes(s))),
    );
    if (known) continue;
    if (!poss && tokens.length < 2 && !title) continue;
    seen.add(folded);
    added.push(newPerson(name.trim(), titleOffice(title), code));
  }
  return { added, titleMentions };
}

/** Every mention of `people` in the text, longest first where they overlap, in text order. */
export function findMentions(text: string, people: Person[]): Mention[] {
  const lower = fold(text, true);
  const cased = fold(text, false);
  const found: Mention[] = [];
  const firstFull = new Map<number, number>();
  people.forEach((p, person) => {
    for (const variant of p.full) {
      for (let i = lower.indexOf(variant); i !== -1; i = lower.indexOf(variant, i + 1)) {
        if (isWord(lower, i - 1) || isWord(lower, i + variant.length)) continue;
        found.push({ person, start: i, end: i + variant.length, extStart: i });
        if (!firstFull.has(person) || firstFull.get(person)! > i) firstFull.set(person, i);
      }
    }
  });
  const shortOwners = new Map<string, number>();
  people.forEach((p) => p.short.forEach((s) => shortOwners.set(s, (shortOwners.get(s) ?? 0) + 1)));
  people.forEach((p, person) => {
    for (const variant of p.short) {
      if (shortOwners.get(variant)! > 1) continue;
      for (let i = cased.indexOf(variant); i !== -1; i = cased.indexOf(variant, i + 1)) {
        if (isWord(cased, i - 1) || isWord(cased, i + variant.length)) continue;
        const afterFull = firstFull.has(person) && firstFull.get(person)! < i;
        const prefix = PREFIX.exec(text.slice(Math.max(0, i - 60), i));
        const country = prefix?.groups?.country;
        const besideCountry = country !== undefined && CODE_OF.get(country) === p.countryCode;
        if (afterFull || besideCountry)
          found.push({ person, start: i, end: i + variant.length, extStart: i });
      }
    }
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  for (const m of found) {
    const last = kept.at(-1);
    if (last && m.start < last.end) continue;
    const prefix = PREFIX.exec(text.slice(Math.max(0, m.start - 60), m.start));
    kept.push({ ...m, extStart: m.start - (prefix?.[0].length ?? 0) });
  }
  return kept;
}
