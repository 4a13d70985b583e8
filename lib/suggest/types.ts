import type { TextAnchor } from "@/lib/quotes/anchor";

/** A plan before the event (confirmed, reported, declined) or an outcome after it. */
export type SuggestedClaim =
  "confirmed" | "reported" | "declined" | "attended" | "partly_attended" | "did_not_attend";

/** A leader the database knows, as the suggestions read them. */
export type KnownLeader = {
  id: number;
  name: string;
  aliases: string[];
  office: string;
  polity: string;
  countryCode: string | null;
};

/** A person a suggestion names: a known leader, or one to create. */
export type SuggestedPerson =
  | { kind: "known"; id: number; name: string }
  | { kind: "new"; name: string; office: string; polity: string; countryCode: string | null };

export type SuggestionInput = {
  text: string;
  /** The source's publication day (YYYY-MM-DD), or null. */
  publishedOn: string | null;
  event: { name: string; place: string; date: string; endDate: string };
  leaders: KnownLeader[];
};

/**
 * One claim a text makes about a leader's attendance. `quote` satisfies the citation invariant
 * `text.slice(quote.start, quote.end) === quote.quote`.
 */
export type Suggestion = {
  /** Stable for the same claim in the same text: what a dismissal records. */
  key: string;
  leader: SuggestedPerson;
  claim: SuggestedClaim;
  representative: SuggestedPerson | null;
  /** The day the source asserts the claim (YYYY-MM-DD), or null when nothing dates it. */
  asOf: string | null;
  quote: TextAnchor;
  /** Why: the phrase read and what it was taken to mean. */
  reason: string;
};
