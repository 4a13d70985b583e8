import { z } from "zod";
import { MAX_QUOTE_LENGTH } from "./attendance";
import { textField } from "./fields";

const NOT_OURS = "This suggestion is not one Rollcall made; reload the page.";

/** A suggestion's key as lib/suggest makes it: the leader, the claim, a hash of the words. */
export const suggestionKeyField = z
  .string({ error: NOT_OURS })
  .max(300, NOT_OURS)
  .regex(
    /^(?:leader-\d{1,9}|new-[\p{L}\p{N}'’.-]{1,200}):(?:confirmed|reported|declined|attended|partly_attended|did_not_attend):[0-9a-f]{8}$/u,
    NOT_OURS,
  );

/** The dismiss form: what was dismissed, kept with the dismissal for the record. */
export const dismissSuggestionSchema = z.object({
  key: suggestionKeyField,
  leaderName: textField("The leader's name", 200),
  claim: z.enum(
    ["confirmed", "reported", "declined", "attended", "partly_attended", "did_not_attend"],
    { error: NOT_OURS },
  ),
  quote: z
    .string({ error: NOT_OURS })
    .trim()
    .min(1, "The suggestion has no quote; reload the page.")
    .max(MAX_QUOTE_LENGTH, `A quote can have at most ${MAX_QUOTE_LENGTH} characters.`),
});

/** The accept form's choice of leader: one the database has, or the fields of a new one. */
export const acceptLeaderModeField = z.enum(["existing", "new"]).catch("existing");
