import { z } from "zod";
import { MAX_QUOTE_LENGTH } from "./attendance";
import { textField } from "./fields";

/** Confirming a citation's new wording sends nothing but the version it saw. */
export const confirmCitationSchema = z.object({});

/** Citing other words of the current text for a citation under review. */
export const reciteCitationSchema = z.object({ quote: textField("The quote", MAX_QUOTE_LENGTH) });
