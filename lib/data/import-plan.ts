import "server-only";
import { db } from "@/lib/db";
import { PLAN_OF_OUTCOME, isAttendanceOutcome, isAttendanceStatus } from "@/lib/attendance/status";
import type { ImportRow } from "@/lib/csv/import-file";
import { countryCodeOfName } from "@/lib/geo/country-names";
import { isIsoCountryCode } from "@/lib/geo/iso-3166";
import { anchorQuote } from "@/lib/quotes/anchor";
import { relocateQuote } from "@/lib/quotes/relocate";
import { searchKey } from "@/lib/text/search-key";
import { MAX_QUOTE_LENGTH } from "@/lib/validation/attendance";
import { parseAliases } from "./leaders";
import { toIsoDate } from "./mappers";
import type { AcceptedRow, ImportClaim, PlannedRow, QuoteCheck } from "./import-types";
import type { Tx } from "./write";

const CHUNK = 200;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** "Did not attend", "did-not-attend" and "did_not_attend" are one claim. */
export function parseClaim(value: string): ImportClaim | null {
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  if (isAttendanceStatus(key)) return { status: key, outcome: null };
  if (isAttendanceOutcome(key)) return { status: PLAN_OF_OUTCOME[key], outcome: key };
  return null;
}

/** A calendar day written YYYY-MM-DD that exists; "" is undated. */
export function parseDay(value: string): string | null | undefined {
  if (!value) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || toIsoDate(date) !== value ? undefined : value;
}

/**
 * The key rows, steps and the apply compare to tell one claim from another. An outcome step's
 * status is the plan it carries (syncStory rewrites it), so an outcome is told by itself.
 */
export const claimKey = (c: {
  leaderKey: string;
  status: string;
  outcome: string | null;
  asOf: string | null;
  sourceId: number;
  start: number;
  end: number;
}) =>
  [
    c.leaderKey,
    c.outcome ? "" : c.status,
    c.outcome ?? "",
    c.asOf ?? "",
    c.sourceId,
    c.start,
    c.end,
  ].join("|");

type LeaderRow = { id: number; name: string; aliases: string };

/** Leaders read per statement when every leader is looked at. */
const LEADER_PAGE = 5_000;

/**
 * Leaders whose name or an alias has one of `keys`, accents and case aside, by key. Every
 * leader is read once (id, name and aliases, by pages) and matched here: asking the database
 * `searchText LIKE '%key%'` for each key scans the table once per key, which for a file at the
 * limit, or once its new leaders are stored, is rows × leaders.
 */
export async function leadersByKey(
  client: Pick<Tx, "leader">,
  keys: Iterable<string>,
): Promise<Map<string, LeaderRow[]>> {
  const wanted = new Set(keys);
  const found = new Map<string, LeaderRow[]>();
  if (wanted.size === 0) return found;
  for (let after = 0; ;) {
    const rows = await client.leader.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: LEADER_PAGE,
      select: { id: true, name: true, aliases: true },
    });
    for (const row of rows) {
      for (const name of new Set([row.name, ...parseAliases(row.aliases)].map(searchKey))) {
        if (wanted.has(name)) found.set(name, [...(found.get(name) ?? []), row]);
      }
    }
    if (rows.length < LEADER_PAGE) return found;
    after = rows.at(-1)!.id;
  }
}

type SourceRow = { id: number; title: string; url: string; text: string };

async function sourcesFor(refs: string[]) {
  const ids = [...new Set(refs.filter((r) => /^\d{1,9}$/.test(r)).map(Number))];
  const urls = [...new Set(refs.filter((r) => !/^\d{1,9}$/.test(r)))];
  const select = { id: true, title: true, url: true, text: true } as const;
  const byId = new Map<number, SourceRow>();
  const byUrl = new Map<string, SourceRow[]>();
  for (const part of chunks(ids))
    for (const s of await db.source.findMany({ where: { id: { in: part } }, select }))
      byId.set(s.id, s);
  for (const part of chunks(urls))
    for (const s of await db.source.findMany({ where: { url: { in: part } }, select }))
      byUrl.set(s.url, [...(byUrl.get(s.url) ?? []), s]);
  return { byId, byUrl };
}

/** Where the quote is in the source's text: exactly, with other wording, or not at all. */
function checkQuote(
  text: string,
  quote: string,
): { check: QuoteCheck; start?: number; end?: number; stored?: string; places?: number } {
  const exact = anchorQuote(text, quote);
  if (exact.ok) return { check: "found", ...exact.anchor, stored: exact.anchor.quote };
  if (exact.error.kind === "ambiguous")
    return { check: "ambiguous", places: exact.error.occurrences.length };
  // Not verbatim: relocation's normalised and approximate matching (curly quotes,
  // accents, a changed word) finds the passage the editor meant, in the source's own words.
  const moved = relocateQuote(text, { quote, prefix: "", suffix: "", start: 0, end: 0 });
  if (moved.kind === "check")
    return { check: "reworded", ...moved.anchor, stored: moved.anchor.quote };
  return {
    check: moved.kind === "orphaned" && moved.reason === "too-close" ? "ambiguous" : "not-found",
  };
}

/**
 * The entry of each of the leaders at the event, with the claims its steps record (claimKey
 * with the leader aside): what the plan and the apply (import.ts) compare a row with. The apply
 * adds the entries it is about to make, with no id yet.
 */
export async function recordedClaims(client: Tx | typeof db, eventId: number, leaderIds: number[]) {
  const recorded = new Map<number, { id: number | null; claims: Set<string> }>();
  for (const part of chunks([...new Set(leaderIds)])) {
    const entries = await client.attendance.findMany({
      where: { eventId, leaderId: { in: part } },
      select: {
        id: true,
        leaderId: true,
        steps: {
          select: {
            status: true,
            outcome: true,
            asOf: true,
            citations: { select: { sourceId: true, start: true, end: true } },
          },
        },
      },
    });
    for (const entry of entries) {
      const claims = new Set<string>();
      for (const step of entry.steps)
        for (const c of step.citations)
          claims.add(
            claimKey({
              leaderKey: "",
              status: step.status,
              outcome: step.outcome,
              asOf: step.asOf ? toIsoDate(step.asOf) : null,
              ...c,
            }),
          );
      recorded.set(entry.leaderId, { id: entry.id, claims });
    }
  }
  return recorded;
}

/**
 * What importing `rows` into the event would do, row by row, writing nothing: each row is
 * added, skipped (already recorded, or a repeat of an earlier row) or refused with its
 * reasons. The rows to add come back resolved (leader, claim, source, anchored quote), for
 * the apply to write exactly those.
 */
export async function planImport(
  eventId: number,
  rows: ImportRow[],
): Promise<{ planned: PlannedRow[]; accepted: AcceptedRow[] }> {
  const leaderKeys = [...new Set(rows.map((r) => searchKey(r.leader)).filter(Boolean))];
  const [leaders, sources] = await Promise.all([
    leadersByKey(db, leaderKeys),
    sourcesFor(rows.map((r) => r.source).filter(Boolean)),
  ]);
  const recorded = await recordedClaims(
    db,
    eventId,
    [...leaders.values()].flat().map((l) => l.id),
  );

  const seen = new Map<string, number>();
  const planned: PlannedRow[] = [];
  const accepted: AcceptedRow[] = [];
  for (const row of rows) {
    const reasons: string[] = [];
    const warnings: string[] = [];
    const key = searchKey(row.leader);
    const matches = key ? (leaders.get(key) ?? []) : [];
    let leader: PlannedRow["leader"] = null;
    if (!row.leader) reasons.push("No leader: the leader column is empty.");
    else if (row.leader.length > 200)
      reasons.push("The leader's name is longer than 200 characters.");
    else if (matches.length > 1)
      reasons.push(
        `Several leaders have this name or alias (${matches.map((m) => m.name).join("; ")}): give the name of the one you mean exactly as stored.`,
      );
    else if (matches.length === 1) {
      const m = matches[0]!;
      leader = {
        kind: "found",
        id: m.id,
        name: m.name,
        via: searchKey(m.name) === key ? "name" : "alias",
      };
    } else {
      const code = row.countryCode.toUpperCase();
      const countryCode = code ? code : countryCodeOfName(row.country);
      leader = {
        kind: "new",
        name: row.leader,
        office: row.office,
        polity: row.country,
        countryCode,
      };
      if (code && !isIsoCountryCode(code))
        reasons.push(
          `“${row.countryCode}” is not a country code: use an ISO 3166-1 two-letter code such as FR or VN, or leave the cell empty.`,
        );
      else if (!row.office || !row.country)
        reasons.push(
          "No leader has this name or alias, and a new leader needs an office and a country: fill in both, or correct the name.",
        );
      else if (row.office.length > 200 || row.country.length > 200)
        reasons.push("The office or the country is longer than 200 characters.");
      else
        warnings.push(
          "No leader has this name or an alias of it: a new leader will be created. If this is someone already stored under another spelling, add that spelling as an alias first.",
        );
    }

    const claim = parseClaim(row.status);
    if (!claim)
      reasons.push(
        row.status
          ? `“${row.status}” is not a status: use confirmed, reported or declined (or, after the event, attended, partly attended or did not attend).`
          : "No status: the status column is empty.",
      );
    const asOf = parseDay(row.asOf);
    if (asOf === undefined)
      reasons.push(
        `“${row.asOf}” is not a date: write the as-of date as YYYY-MM-DD (2025-05-06), or leave it empty.`,
      );
    if (row.note.length > 2000) reasons.push("The note is longer than 2,000 characters.");

    let source: SourceRow | null = null;
    if (!row.source) reasons.push("No source: give the source's address or its id.");
    else if (/^\d{1,9}$/.test(row.source)) {
      source = sources.byId.get(Number(row.source)) ?? null;
      if (!source) reasons.push(`There is no source #${row.source}.`);
    } else {
      const found = sources.byUrl.get(row.source) ?? [];
      if (found.length > 1)
        reasons.push(
          `Several sources have this address (${found.map((s) => `#${s.id}`).join(", ")}): give the id of the one you mean.`,
        );
      else if (found.length === 0)
        reasons.push(
          "No source has this address: add the source first (Sources → New source), then import again.",
        );
      else source = found[0]!;
    }

    let quote: PlannedRow["quote"] = { check: "no-source", given: row.quote, stored: null };
    let range: { start: number; end: number } | null = null;
    if (!row.quote) reasons.push("No quote: give the words of the source that support the status.");
    else if (row.quote.length > MAX_QUOTE_LENGTH)
      reasons.push(
        `The quote is longer than ${MAX_QUOTE_LENGTH.toLocaleString("en-GB")} characters.`,
      );
    else if (source) {
      const found = checkQuote(source.text, row.quote);
      quote = {
        check: found.check,
        given: row.quote,
        stored: found.stored ?? null,
        places: found.places,
      };
      if (found.start !== undefined && found.end !== undefined)
        range = { start: found.start, end: found.end };
      if (found.check === "not-found")
        reasons.push(
          "The quote is not in the source's text: copy the words from the stored source.",
        );
      else if (found.check === "ambiguous")
        reasons.push(
          `The quote is found ${found.places ? `${found.places} times` : "in several places"} in the source: include more of the surrounding words so it is found once.`,
        );
      else if (found.check === "reworded")
        warnings.push(
          "The quote is found with changed wording: the source's own words will be cited.",
        );
    }

    let verdict: PlannedRow["verdict"] = reasons.length > 0 ? "refuse" : "add";
    if (verdict === "add" && leader && claim && source && quote.stored !== null && range) {
      const { start, end } = range;
      const id = leader.kind === "found" ? `id:${leader.id}` : `new:${key}`;
      const rowClaim = { ...claim, asOf: asOf ?? null, sourceId: source.id, start, end };
      const k = claimKey({ leaderKey: id, ...rowClaim });
      const entry = leader.kind === "found" ? recorded.get(leader.id) : undefined;
      if (entry?.claims.has(claimKey({ leaderKey: "", ...rowClaim }))) {
        verdict = "skip";
        reasons.push("Already recorded: this leader has this step with this quote.");
      } else if (seen.has(k)) {
        verdict = "skip";
        reasons.push(`Repeats row ${seen.get(k)}.`);
      } else {
        seen.set(k, row.row);
        accepted.push({
          row: row.row,
          leader:
            leader.kind === "found"
              ? { id: leader.id }
              : {
                  name: leader.name,
                  office: leader.office,
                  polity: leader.polity,
                  countryCode: leader.countryCode,
                },
          status: claim.status,
          outcome: claim.outcome,
          asOf: asOf ?? null,
          note: row.note,
          sourceId: source.id,
          quote: quote.stored,
          start,
          end,
        });
      }
    }
    planned.push({
      row: row.row,
      leaderName: row.leader,
      leader,
      claim: claim ? { ...claim, asOf: asOf ?? null } : null,
      source: source ? { id: source.id, title: source.title } : null,
      quote,
      verdict,
      reasons,
      warnings,
    });
  }
  return { planned, accepted };
}
