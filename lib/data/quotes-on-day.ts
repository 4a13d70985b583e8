import "server-only";
import { db } from "@/lib/db";
import { passageInText, versionOnDay, type VersionDates } from "@/lib/quotes/quote-on-day";
import type { CitationDTO } from "./dto";
import { toIsoDate } from "./mappers";

type Versions = { current: number; dates: VersionDates[]; texts: Map<number, string> };

/**
 * Rewrites citations, in place, in the words of the version of their source that stood on
 * their day (`dayOf`; a citation without a day is left as it is): the quote and its offsets
 * become those of that version's text, and `inVersion` names it when it is not the current
 * one. Only sources whose text has changed are read; a citation not found in that day's text
 * keeps the words it has.
 */
export async function quoteCitationsOnDay<T extends CitationDTO>(
  citations: readonly T[],
  dayOf: (citation: T) => string | null,
): Promise<void> {
  const sourceIds = [...new Set(citations.map((c) => c.source.id))];
  if (sourceIds.length === 0) return;
  const edited = await db.source.findMany({
    where: { id: { in: sourceIds }, textVersion: { gt: 1 } },
    select: { id: true, text: true, textVersion: true },
  });
  if (edited.length === 0) return;
  const rows = await db.sourceVersion.findMany({
    where: { sourceId: { in: edited.map((s) => s.id) } },
    select: { sourceId: true, number: true, createdAt: true, changedOn: true, text: true },
  });
  const bySource = new Map<number, Versions>();
  for (const s of edited) {
    bySource.set(s.id, {
      current: s.textVersion,
      dates: [],
      texts: new Map([[s.textVersion, s.text]]),
    });
  }
  for (const row of rows) {
    const versions = bySource.get(row.sourceId)!;
    versions.dates.push({
      number: row.number,
      changedOn: row.changedOn ? toIsoDate(row.changedOn) : null,
      savedOn: row.createdAt.toISOString(),
    });
    if (row.text !== null) versions.texts.set(row.number, row.text);
  }
  for (const citation of citations) {
    const versions = bySource.get(citation.source.id);
    const day = versions ? dayOf(citation) : null;
    if (!versions || !day) continue;
    const number = versionOnDay(versions.dates, day);
    if (number === citation.anchoredVersion) continue;
    const text = versions.texts.get(number);
    const passage = text === undefined ? null : passageInText(text, citation);
    if (!passage) continue;
    Object.assign(citation, {
      quote: passage.quote,
      start: passage.start,
      end: passage.end,
      prefix: passage.prefix,
      suffix: passage.suffix,
      anchoredVersion: number,
      lost: false,
      inVersion: number === versions.current ? undefined : number,
    });
  }
}
