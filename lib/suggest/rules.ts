/**
 * The rules that read attendance claims in news text, as data: each cue is a pattern, what it
 * claims before the event and after it, and which mention it is about. Patterns are written
 * against English wire copy; `{place}` stands for the event's city and "the <demonym> capital",
 * `{event}` for the words that name the event. Add a phrase by adding a row.
 */
import type { SuggestedClaim } from "./types";

/** Adverbs news copy puts between an auxiliary and its verb ("will also attend"). */
const ADV = String.raw`(?:(?:also|now|still|personally|definitely|indeed|too)\s+)?`;
const HIS = String.raw`(?:his|her|their|its)`;
const TRIP = String.raw`(?:planned\s+)?(?:trip|visit|travel|journey|participation|attendance|presence)`;

export type CueRule = {
  /** A regular expression's source, matched case-insensitively. */
  pattern: string;
  /** The claim before the event starts; null when the phrase says nothing then. */
  before: SuggestedClaim | null;
  /** The claim once the event has started (the as-of day on or after its first day). */
  after: SuggestedClaim | null;
  /**
   * Whose claim it is: the leader named before the phrase (its subject) or right after it
   * ("welcoming Xi Jinping", "standing in for Narendra Modi").
   */
  target?: "subject" | "object";
  /** A delegate is named in the phrase: the `rep` group holds their title and name. */
  delegate?: boolean;
};

/** `{rep}` in a pattern: a delegate's title (optional) and name. */
export const REP = String.raw`(?<rep>(?:(?:First\s+)?(?:Deputy\s+|Vice\s+)?(?:Defen[cs]e|Foreign|Finance|Trade|Economy|Culture|Prime)?\s*(?:Minister|President|Premier|Speaker|Ambassador|Chairman|Chairwoman)\s+)?(?:[A-Z][\p{L}'’-]+)(?:\s+(?:[A-Z][\p{L}'’-]+))*)`;

export const CUES: CueRule[] = [
  // Plans: confirmed.
  {
    pattern: String.raw`\bwill\s+${ADV}(?:attend|(?:travel|fly|go|come)\s+to\s+{place}|visit\s+{place}|join|take\s+part|participate|make\s+the\s+trip|be\s+(?:in|at)\s+{place}|be\s+on\s+the\s+reviewing\s+stand|be\s+among\s+the\s+(?:guests|leaders))\b`,
    before: "confirmed",
    after: "confirmed",
  },
  {
    pattern: String.raw`\bwould\s+${ADV}(?:attend|(?:travel|fly|go|come)\s+to\s+{place}|arrive|visit\s+{place}|make\s+the\s+trip|take\s+part|participate|be\s+(?:in|at)\s+{place})\b`,
    before: "confirmed",
    after: "confirmed",
  },
  {
    pattern: String.raw`\bwill\s+${ADV}pay\s+an?\s+(?:state\s+|official\s+)?visit\s+to\b`,
    before: "confirmed",
    after: "confirmed",
  },
  {
    pattern: String.raw`\b(?:has|have|had)\s+${ADV}accepted\s+(?:the|an|our|his|her|[\p{L}]+'s)\s+invitations?\b`,
    before: "confirmed",
    after: "confirmed",
  },
  {
    pattern: String.raw`\b(?:(?:has|have)\s+${ADV})?confirmed\s+${HIS}\s+(?:own\s+)?${TRIP}\b`,
    before: "confirmed",
    after: "confirmed",
  },
  {
    pattern: String.raw`\b(?:(?:has|have)\s+${ADV})?confirmed\s+(?:that\s+)?(?:he|she|they)\s+(?:will|would)\s+${ADV}(?:attend|travel|come|take\s+part|be\s+there)\b`,
    before: "confirmed",
    after: "confirmed",
  },
  {
    pattern: String.raw`\b(?:is|are)\s+${ADV}(?:due|set|scheduled)\s+to\s+(?:attend|arrive|travel|visit|fly|be\s+in)\b`,
    before: "confirmed",
    after: "confirmed",
  },
  {
    pattern: String.raw`\blook(?:s|ed)?\s+forward\s+to\s+welcoming\b`,
    before: "confirmed",
    after: "confirmed",
    target: "object",
  },
  // Presence: a plan kept before the event, attendance once it has begun.
  {
    pattern: String.raw`\b(?:arrived|landed)\s+in\s+{place}`,
    before: "confirmed",
    after: "attended",
  },
  { pattern: String.raw`\b(?:has|have)\s+${ADV}arrived\b`, before: "confirmed", after: "attended" },
  { pattern: String.raw`\bflew\s+in\b`, before: "confirmed", after: "attended" },
  {
    pattern: String.raw`\b(?:is|are)\s+${ADV}in\s+{place}`,
    before: "confirmed",
    after: "attended",
  },
  // Plans: reported.
  {
    pattern: String.raw`\b(?:is|are)\s+${ADV}(?:widely\s+)?expected\s+(?:in\s+{place}|to\s+(?:attend|arrive|travel|come|visit|be\s+(?:in|at|among)))`,
    before: "reported",
    after: "reported",
  },
  {
    pattern: String.raw`\bexpected\s+(?:him|her|them)\s+to\s+(?:attend|come|travel|arrive)\b`,
    before: "reported",
    after: "reported",
  },
  {
    pattern: String.raw`\b(?:plans?|planning|intends?)\s+to\s+(?:attend|(?:travel|fly|go|come)\s+to\s+{place}|visit\s+{place})`,
    before: "reported",
    after: "reported",
  },
  {
    pattern: String.raw`\b(?:is|are)\s+(?:likely|reportedly\s+planning|reportedly\s+set)\s+to\s+(?:attend|travel|visit|come)\b`,
    before: "reported",
    after: "reported",
  },
  // Plans: declined.
  {
    pattern: String.raw`\b(?:will|would)\s+${ADV}not\s+${ADV}(?:attend|travel|go|come|make\s+the\s+trip|be\s+(?:in|at|among|present))\b`,
    before: "declined",
    after: "declined",
  },
  {
    pattern: String.raw`\bwon't\s+${ADV}(?:attend|travel|go|come|make\s+the\s+trip)\b`,
    before: "declined",
    after: "declined",
  },
  {
    pattern: String.raw`\bwill\s+${ADV}(?:skip|miss|stay\s+(?:at\s+home|away|home))\b`,
    before: "declined",
    after: "declined",
  },
  {
    pattern: String.raw`\b(?:(?:has|have)\s+${ADV})?(?:declined|turned\s+down|rejected)\s+(?:the|an|our|his|her|[\p{L}]+'s)\s+invitations?\b`,
    before: "declined",
    after: "declined",
  },
  {
    pattern: String.raw`\b(?:(?:has|have|had)\s+${ADV})?(?:cancell?ed|canceled|called\s+off|scrapped)\s+(?:${HIS}|the|a)\s+${TRIP}\b`,
    before: "declined",
    after: "did_not_attend",
  },
  {
    pattern: String.raw`\b(?:(?:has|have)\s+${ADV})?pulled\s+out\b`,
    before: "declined",
    after: "did_not_attend",
  },
  {
    pattern: String.raw`\bruled\s+out\s+(?:attending|travell?ing|a\s+trip|going)\b`,
    before: "declined",
    after: "declined",
  },
  {
    pattern: String.raw`\b(?:is|are)\s+${ADV}not\s+expected\s+to\s+(?:attend|travel|come|make\s+the\s+trip|be\s+(?:in|at))\b`,
    before: "declined",
    after: "declined",
  },
  // Outcomes, after the event.
  { pattern: String.raw`\b${ADV}attended\b`, before: null, after: "attended" },
  { pattern: String.raw`\bafter\s+attending\b`, before: null, after: "attended" },
  {
    pattern: String.raw`\bwatched\s+(?:the\s+(?:parade|ceremony|celebrations?)|[\p{L}\s]{0,30}?(?:troops|march|Red\s+Square|parade))`,
    before: null,
    after: "attended",
  },
  {
    pattern: String.raw`\b(?:was|were)\s+${ADV}among\s+the\s+(?:foreign\s+)?(?:guests|leaders|dignitaries)\b`,
    before: null,
    after: "attended",
  },
  {
    pattern: String.raw`\bstood\s+(?:alongside|beside|next\s+to)\b`,
    before: null,
    after: "attended",
  },
  {
    pattern: String.raw`\bdid\s+not\s+attend\s+the\s+(?:parade|ceremony|celebrations?)\s+itself\s+but\s+[\p{L}]+`,
    before: null,
    after: "partly_attended",
  },
  {
    pattern: String.raw`\bleft\s+(?:the\s+(?:ceremony|parade|celebrations?)\s+|Red\s+Square\s+)?early\b`,
    before: null,
    after: "partly_attended",
  },
  { pattern: String.raw`\battended\s+only\b`, before: null, after: "partly_attended" },
  { pattern: String.raw`\b(?:did\s+not|didn't)\s+attend\b`, before: null, after: "did_not_attend" },
  {
    pattern: String.raw`\bstayed\s+(?:away|at\s+home|home)\b`,
    before: null,
    after: "did_not_attend",
  },
  {
    pattern: String.raw`\b(?:skipped|missed)\s+the\s+(?:parade|ceremony|celebrations?)\b`,
    before: null,
    after: "did_not_attend",
  },
  {
    pattern: String.raw`\bleft\s+{place}\s+before\s+the\s+(?:parade|ceremony|celebrations?)\b`,
    before: null,
    after: "did_not_attend",
  },
  // Delegates.
  {
    pattern: String.raw`\b(?:will\s+be|was|were|is|are)\s+represented\s+by\s+{rep}`,
    before: "declined",
    after: "did_not_attend",
    delegate: true,
  },
  {
    pattern: String.raw`\b(?:sent|will\s+send|is\s+sending)\s+{rep}\s+instead\b`,
    before: "declined",
    after: "did_not_attend",
    delegate: true,
  },
  {
    pattern: String.raw`\bstanding\s+in\s+for\b`,
    before: "declined",
    after: "did_not_attend",
    target: "object",
  },
];

/**
 * A delegate who "represented <country>" stands in for that country's leader: the pattern
 * is matched with the delegate before it and the country after.
 */
export const REPRESENTED_COUNTRY = String.raw`{rep}\s+represented\s+(?<country>{country})`;

/** Phrases that take away any claim in their clause: the source says it is not decided. */
export const HEDGES = String.raw`\b(?:(?:has|have)\s+(?:yet|not\s+yet)\s+to\s+(?:decide|confirm|say)|(?:has|have)\s+not\s+(?:yet\s+)?decided|undecided|(?:un|not\s+)clear\s+whether|asked\s+(?:whether|if|about)|could\s+not\s+confirm|had\s+not\s+yet\s+given|no\s+decision|too\s+early\s+to\s+say|we\s+will\s+see|may\s+or\s+may\s+not)\b`;

/** Phrases that tell the past of a plan, not a claim now ("had been expected to attend"). */
export const BACKGROUND = String.raw`\b(?:had\s+been\s+(?:expected|due|scheduled|set|invited)|had\s+(?:planned|intended)|was\s+(?:also\s+)?invited|had\s+been\s+planning)(?:\s+to\s+[\p{L}]+)?`;

/** A denial before a phrase turns its claim over ("denied reports that he had cancelled"). */
export const DENIAL = String.raw`\b(?:denied|dismissed|rejected|refuted)\b(?:\s+(?:reports?|claims?|rumou?rs?|suggestions?|speculation))?`;

/** What a denied claim becomes. */
export const DENIED: Partial<Record<SuggestedClaim, SuggestedClaim>> = {
  declined: "confirmed",
  did_not_attend: "attended",
  partly_attended: "attended",
  confirmed: "declined",
  attended: "did_not_attend",
};

/** Words between clauses with claims of their own ("…, while X is expected…"). */
export const CLAUSE_BREAK = String.raw`;|\s—\s|,?\s+(?:while|whereas|but|although|though)\s+`;

/** Titles of a head of state or government: a name after one is a leader's. */
export const HEAD_TITLE = String.raw`(?:(?:Transitional\s+|Interim\s+|Acting\s+)?President|Prime\s+Minister|Premier|Chancellor|King|Queen|Emir|Sultan|Crown\s+Prince|Supreme\s+Leader|General\s+Secretary|(?:military\s+|de\s+facto\s+)?leader|president|prime\s+minister|head\s+of\s+state)`;

/** Verbs of speech: a day attached to one dates the claim ("said on Friday"). */
export const SPEECH = String.raw`(?:said|says|told\s+[\p{L}\s]{1,25}?|announced|confirmed|reported|added|stated|wrote|declared)`;

/**
 * Gap words that let a leader take the phrase before them ("attended the parade, as did
 * Turkmen leader Serdar Berdimuhamedov").
 */
export const TRAILING_SUBJECT = String.raw`^(?:[^,.;]{0,60},)?\s*(?:as\s+(?:did|has|have|will|would|were|was)|and\s+so\s+(?:did|has|will)|including|among\s+them|such\s+as|notably)\s*$`;

/**
 * What may stand between two names of one list ("X, Y and Z will attend"; "…, Republika Srpska
 * leader Milorad Dodik and Palestinian National Authority head Mahmoud Abbas").
 */
export const LIST_GAP = String.raw`^[\s,]*(?:and\s+)?(?:(?:[\p{Lu}][\p{L}'’-]*|head|leader|of|the)\s+){0,5}$`;

/** Words after which a claim's phrase says no more about it: the quote ends before them. */
export const QUOTE_STOP = String.raw`[,;:.!?"“”()]|\s(?:and|but|while|whereas|despite|because|amid|although|though|after|according|citing|as)\b`;

/** At most this many words are taken after a phrase to finish its sense ("…to Moscow for the parade"). */
export const QUOTE_TAIL_WORDS = 12;
