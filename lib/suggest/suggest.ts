/**
 * Claim suggestions: every claim a source text makes about a leader's attendance at an event,
 * read by rules (rules.ts), with the shortest quote that carries the leader and the claim.
 * Pure and synchronous: no I/O, no network, the same answer for the same input.
 */
import { anchorAt } from "@/lib/quotes/anchor";
import { COUNTRY_WORDS, countryIn, escapeRegExp } from "./countries";
import { reportDay, spokenDay } from "./dates";
import {
  codeOfCountryWord,
  findMentions,
  fold,
  introducedPeople,
  knownPerson,
  newPerson,
  type Mention,
  type Person,
} from "./people";
import {
  BACKGROUND,
  CLAUSE_BREAK,
  CUES,
  DENIAL,
  DENIED,
  HEDGES,
  LIST_GAP,
  QUOTE_STOP,
  QUOTE_TAIL_WORDS,
  REP,
  REPRESENTED_COUNTRY,
  TRAILING_SUBJECT,
  type CueRule,
} from "./rules";
import type { SuggestedClaim, SuggestedPerson, Suggestion, SuggestionInput } from "./types";

export type {
  KnownLeader,
  SuggestedClaim,
  SuggestedPerson,
  Suggestion,
  SuggestionInput,
} from "./types";

export const CLAIM_LABELS: Record<SuggestedClaim, string> = {
  confirmed: "confirmed",
  reported: "reported",
  declined: "declined",
  attended: "attended",
  partly_attended: "partly attended",
  did_not_attend: "did not attend",
};

type Cue = {
  rule: CueRule;
  start: number;
  end: number;
  rep: { name: string; start: number; end: number } | null;
};

type Candidate = {
  person: number;
  claim: SuggestedClaim;
  asOf: string | null;
  start: number;
  end: number;
  sentence: number;
  rep: string | null;
  reason: string;
};

const COUNTRY_NAMES = COUNTRY_WORDS.filter((w) => w.kind === "name")
  .map((w) => escapeRegExp(w.word))
  .join("|");
/** Gatherings other than the event: "due to attend a summit" is about another day. */
const OTHER_GATHERING =
  /^\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}?(summit|meeting|forum|conference|talks|session|congress|wedding|funeral|inauguration)\b/iu;

/** Compiled rules for one event (its place words differ). */
function compile(place: string) {
  const city = place.split(",")[0]!.trim();
  const host = countryIn(place);
  const hostWords = COUNTRY_WORDS.filter((w) => w.code === host);
  const places = [
    escapeRegExp(city),
    ...hostWords.filter((w) => w.kind === "name").map((w) => escapeRegExp(w.word)),
    ...hostWords
      .filter((w) => w.kind === "demonym")
      .map((w) => `the\\s+${escapeRegExp(w.word)}\\s+capital`),
    "Red\\s+Square",
    "the\\s+capital",
  ].filter(Boolean);
  const fill = (pattern: string) =>
    pattern
      .replaceAll("{place}", `(?:${places.join("|")})`)
      .replaceAll("{rep}", REP)
      .replaceAll("{country}", COUNTRY_NAMES);
  return {
    host,
    cues: CUES.map((rule) => ({ rule, re: new RegExp(fill(rule.pattern), "giu") })),
    representedCountry: new RegExp(fill(REPRESENTED_COUNTRY), "gu"),
    countryRepresented: new RegExp(
      String.raw`(?<![\p{L}])(?<country>${COUNTRY_NAMES})\s+(?:will\s+be|was|is)\s+represented\b`,
      "gu",
    ),
    hedge: new RegExp(HEDGES, "iu"),
    background: new RegExp(BACKGROUND, "giu"),
    denial: new RegExp(DENIAL, "iu"),
    clauseBreak: new RegExp(CLAUSE_BREAK, "giu"),
    speech: /\b(?:said|says|told|added|announced)\b/i,
    trailing: new RegExp(TRAILING_SUBJECT, "iu"),
    listGap: new RegExp(LIST_GAP, "u"),
  };
}

type Compiled = ReturnType<typeof compile>;
const compiledByPlace = new Map<string, Compiled>();

function compiled(place: string): Compiled {
  let c = compiledByPlace.get(place);
  if (!c) {
    c = compile(place);
    compiledByPlace.set(place, c);
  }
  return c;
}

/** A delegate's name as the pattern caught it, cut before the first word in lower case. */
function trimRep(text: string, start: number, raw: string) {
  const words = raw.split(/(\s+)/);
  let out = "";
  for (const w of words) {
    if (/^\s+$/.test(w)) {
      out += w;
      continue;
    }
    if (!/^\p{Lu}/u.test(w)) break;
    out += w;
  }
  const name = out.trim();
  return { name, start, end: start + name.length };
}

/** The delegate's name without a title ("Defence Minister Rajnath Singh" → "Rajnath Singh"). */
function repName(rep: string): string {
  return rep
    .replace(
      /^(?:(?:First\s+)?(?:Deputy\s+|Vice\s+)?(?:Defen[cs]e|Foreign|Finance|Trade|Economy|Culture|Prime)?\s*(?:Minister|President|Premier|Speaker|Ambassador|Chairman|Chairwoman)\s+)/,
      "",
    )
    .trim();
}

function sentencesOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
  for (const { segment, index } of segmenter.segment(text)) {
    let start = index;
    let end = index + segment.length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** Every claim the text makes, in text order, one per leader, claim and as-of day. */
export function suggestClaims(input: SuggestionInput): Suggestion[] {
  const { text, event } = input;
  const rules = compiled(event.place);
  const people: Person[] = input.leaders.map(knownPerson);
  const introduced = introducedPeople(text, people, rules.host);
  people.push(...introduced.added);
  const mentions = [...findMentions(text, people)];
  for (const t of introduced.titleMentions) {
    if (!mentions.some((m) => m.start < t.end && t.start < m.end)) mentions.push(t);
  }
  for (const m of text.matchAll(rules.countryRepresented)) {
    const code = codeOfCountryWord(m.groups!.country!);
    const person = people.findIndex((p) => p.countryCode === code && p.person.kind === "known");
    if (person >= 0)
      mentions.push({
        person,
        start: m.index,
        end: m.index + m.groups!.country!.length,
        extStart: m.index,
      });
  }
  mentions.sort((a, b) => a.start - b.start);

  const cues = findCues(text, rules);
  const day = reportDay(text, input.publishedOn, event.date);
  const sentences = sentencesOf(text);
  const candidates: Candidate[] = [];
  let mi = 0;
  let ci = 0;
  sentences.forEach((s, sentence) => {
    while (mi < mentions.length && mentions[mi]!.start < s.start) mi++;
    while (ci < cues.length && cues[ci]!.start < s.start) ci++;
    const inS: Mention[] = [];
    for (let j = mi; j < mentions.length && mentions[j]!.start < s.end; j++) inS.push(mentions[j]!);
    const cuesIn: Cue[] = [];
    for (let j = ci; j < cues.length && cues[j]!.start < s.end; j++) cuesIn.push(cues[j]!);
    const sentenceText = text.slice(s.start, s.end);
    const asOf = spokenDay(sentenceText, day, event.date) ?? day;
    const after = asOf !== null && asOf >= event.date;
    for (const found of representedCountry(text, s, rules, people)) {
      const claim = after ? "did_not_attend" : "declined";
      candidates.push({
        ...found,
        claim,
        asOf,
        sentence,
        reason: `'${found.phrase}' → ${CLAIM_LABELS[claim]}, with a delegate`,
      });
    }
    if (inS.length === 0 || cuesIn.length === 0) return;
    claimsInSentence(text, s, inS, cuesIn, rules).forEach((c) => {
      const claim = after ? c.cue.rule.after : c.cue.rule.before;
      if (!claim) return;
      let final: SuggestedClaim = claim;
      const notes: string[] = [];
      if (c.denied && DENIED[claim]) {
        final = DENIED[claim]!;
        notes.push("denied");
      }
      if (c.hearsay && final === "confirmed") {
        final = "reported";
        notes.push("second-hand");
      }
      const phrase = text.slice(c.cue.start, c.cue.end).replace(/\s+/g, " ");
      candidates.push({
        person: c.mention.person,
        claim: final,
        asOf,
        start: Math.min(c.mention.start, c.cue.start, c.delegate?.start ?? Infinity),
        end: Math.max(c.mention.end, tail(text, c.cue.end, s.end), c.delegate?.end ?? 0),
        sentence,
        rep: c.delegate ? repName(c.delegate.name) : null,
        reason: `'${phrase}' → ${CLAIM_LABELS[final]}${notes.length ? ` (${notes.join(", ")})` : ""}${c.delegate ? ", with a delegate" : ""}`,
      });
    });
  });
  return finish(text, candidates, people);
}

const QUOTE_STOP_RE = new RegExp(QUOTE_STOP, "u");

/** Where a phrase's sense ends: the words after it, up to a stop, a cap, or the sentence's end. */
function tail(text: string, end: number, sentenceEnd: number): number {
  const rest = text.slice(end, sentenceEnd);
  const stop = QUOTE_STOP_RE.exec(rest);
  let cut = stop ? stop.index : rest.length;
  const words = [...rest.slice(0, cut).matchAll(/\S+/g)];
  if (words.length > QUOTE_TAIL_WORDS)
    cut = words[QUOTE_TAIL_WORDS - 1]!.index + words[QUOTE_TAIL_WORDS - 1]![0].length;
  return end + rest.slice(0, cut).trimEnd().length;
}

function findCues(text: string, rules: Compiled): Cue[] {
  const all: Cue[] = [];
  for (const { rule, re } of rules.cues) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      if (OTHER_GATHERING.test(text.slice(end, end + 60))) continue;
      let rep: Cue["rep"] = null;
      if (rule.delegate && m.groups?.rep) {
        const offset = m.index + m[0].lastIndexOf(m.groups.rep);
        rep = trimRep(text, offset, m.groups.rep);
        if (!rep.name) continue;
      }
      const repAtEnd = rep !== null && m[0].endsWith(m.groups!.rep!);
      all.push({ rule, start: m.index, end: repAtEnd ? rep!.end : end, rep });
    }
  }
  const background = [...text.matchAll(rules.background)].map(
    (m) => [m.index, m.index + m[0].length] as const,
  );
  // Where phrases overlap the longer one is meant ("did not attend the parade itself but laid").
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Cue[] = [];
  for (const c of all) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    if (background.some(([s, e]) => c.start < e && s < c.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function representedCountry(
  text: string,
  s: { start: number; end: number },
  rules: Compiled,
  people: Person[],
) {
  const out: { person: number; start: number; end: number; rep: string; phrase: string }[] = [];
  const sentence = text.slice(s.start, s.end);
  rules.representedCountry.lastIndex = 0;
  for (const m of sentence.matchAll(rules.representedCountry)) {
    const code = codeOfCountryWord(m.groups!.country!);
    const person = people.findIndex((p) => p.countryCode === code && p.person.kind === "known");
    if (person < 0) continue;
    const rep = trimRep(text, 0, m.groups!.rep!).name;
    const offset = m.index + m[0].indexOf(rep);
    out.push({
      person,
      start: s.start + offset,
      end: s.start + m.index + m[0].length,
      rep: repName(rep),
      phrase: m[0].slice(m[0].indexOf(rep)),
    });
  }
  return out;
}

type Reading = {
  mention: Mention;
  cue: Cue;
  denied: boolean;
  hearsay: boolean;
  delegate: { name: string; start: number; end: number } | null;
};

/** Which phrase each mention in the sentence takes, by clause and position. */
function claimsInSentence(
  text: string,
  s: { start: number; end: number },
  mentions: Mention[],
  cues: Cue[],
  rules: Compiled,
): Reading[] {
  const breaks = [s.start];
  const sentence = text.slice(s.start, s.end);
  rules.clauseBreak.lastIndex = 0;
  for (const m of sentence.matchAll(rules.clauseBreak)) breaks.push(s.start + m.index);
  const clauseOf = (pos: number) => {
    let c = 0;
    while (c + 1 < breaks.length && breaks[c + 1]! <= pos) c++;
    return c;
  };
  const hedged = new Set<number>();
  breaks.forEach((b, i) => {
    const end = breaks[i + 1] ?? s.end;
    if (rules.hedge.test(text.slice(b, end))) hedged.add(i);
  });
  const out: Reading[] = [];
  const speakers = new Set<number>();
  let trailing: { cue: Cue; end: number } | null = null;
  mentions.forEach((m, i) => {
    const clause = clauseOf(m.start);
    if (hedged.has(clause)) return;
    // A phrase about the leader named right after it ("welcoming Xi Jinping").
    const object = cues.find(
      (c) =>
        c.rule.target === "object" &&
        /^\s*$/.test(text.slice(c.end, m.extStart)) &&
        c.end <= m.extStart,
    );
    if (object) {
      out.push({ mention: m, cue: object, denied: false, hearsay: false, delegate: null });
      return;
    }
    const after = cues.find(
      (c) => c.rule.target !== "object" && c.start >= m.end && clauseOf(c.start) === clause,
    );
    if (after) {
      // Another leader between the name and the phrase: a list shares it; a speaker does not.
      let previous = m;
      let blocked = false;
      for (const other of mentions.slice(i + 1)) {
        if (other.start >= after.start) break;
        if (other.person === m.person) {
          previous = other;
          continue;
        }
        const gap = text.slice(previous.end, other.extStart);
        if (!rules.listGap.test(gap)) {
          blocked = true;
          if (rules.speech.test(gap)) speakers.add(mentions.indexOf(other));
          break;
        }
        previous = other;
      }
      if (blocked) return;
      const between = text.slice(m.end, after.start);
      const delegate =
        after.rep ?? followingDelegate(text, after, mentions, m, cues, clauseOf, clause);
      out.push({
        mention: m,
        cue: after,
        denied: rules.denial.test(between),
        hearsay: speakers.has(i),
        delegate,
      });
      return;
    }
    const before = cues.findLast(
      (c) => c.rule.target !== "object" && c.end <= m.extStart && clauseOf(c.start) === clause,
    );
    if (!before) return;
    // "…, as did X" / "…, including X": the phrase before is X's; so it is for the rest of X's list.
    const listed =
      trailing !== null &&
      trailing.cue === before &&
      rules.listGap.test(text.slice(trailing.end, m.extStart));
    if (listed || rules.trailing.test(text.slice(before.end, m.extStart))) {
      out.push({ mention: m, cue: before, denied: false, hearsay: false, delegate: null });
      trailing = { cue: before, end: m.end };
    }
  });
  return out;
}

/** A delegate named later in the same clause for the same leader ("…, and will be represented by …"). */
function followingDelegate(
  text: string,
  cue: Cue,
  mentions: Mention[],
  m: Mention,
  cues: Cue[],
  clauseOf: (pos: number) => number,
  clause: number,
) {
  if (cue.rule.before !== "declined") return null;
  const next = cues.find(
    (c) => c.start > cue.end && c.rule.delegate && clauseOf(c.start) === clause,
  );
  if (!next?.rep) return null;
  const between = mentions.some(
    (o) => o.person !== m.person && o.start > cue.end && o.start < next.start,
  );
  return between ? null : next.rep;
}

/** FNV-1a: a short stable key for a claim's words. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

function finish(text: string, candidates: Candidate[], people: Person[]): Suggestion[] {
  // One sentence's readings of the same claim become one, with the words of both.
  const merged: Candidate[] = [];
  for (const c of candidates) {
    const same = merged.find(
      (o) => o.sentence === c.sentence && o.person === c.person && o.claim === c.claim,
    );
    if (same) {
      same.start = Math.min(same.start, c.start);
      same.end = Math.max(same.end, c.end);
      same.rep ??= c.rep;
      continue;
    }
    merged.push({ ...c });
  }
  merged.sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  const repPeople = new Map(people.map((p) => [fold(p.person.name, true), p.person] as const));
  for (const c of merged) {
    const person = people[c.person]!;
    const id = `${person.key}|${c.claim}|${c.asOf ?? ""}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const quote = anchorAt(text, c.start, c.end);
    const representative: SuggestedPerson | null = c.rep
      ? (repPeople.get(fold(c.rep, true)) ?? newPerson(c.rep, "", null).person)
      : null;
    out.push({
      key: `${person.key}:${c.claim}:${hash(fold(quote.quote, true))}`,
      leader: person.person,
      claim: c.claim,
      representative,
      asOf: c.asOf,
      quote,
      reason: c.reason,
    });
  }
  return out;
}
