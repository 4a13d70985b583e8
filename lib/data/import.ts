import "server-only";
import { db } from "@/lib/db";
import { parseImportFile } from "@/lib/csv/import-file";
import { anchorAt } from "@/lib/quotes/anchor";
import { searchKey } from "@/lib/text/search-key";
import { describeStep } from "./steps-admin";
import { planImport, claimKey } from "./import-plan";
import { readImportToken, signImport } from "./import-token";
import type { AcceptedRow, ImportPreview } from "./import-types";
import { leaderData, leaderSnapshot, parseAliases } from "./leaders";
import { toIsoDate } from "./mappers";
import { attendanceSnapshot, recordRevision } from "./revisions";
import type { Editor } from "./session";
import { createEntry, finishEntryChange, insertStep } from "./story";
import { Abort, authorize, inTransaction, notFound, type Tx, type WriteResult } from "./write";

/**
 * The dry run of an import: reads the file, checks every row against the database and says
 * what applying it would do. Writes nothing. Refused for a role that could not apply it.
 */
export async function previewImport(
  editor: Editor,
  eventId: number,
  bytes: Uint8Array,
): Promise<{ ok: true; preview: ImportPreview } | { ok: false; message: string }> {
  const refused = authorize(editor, "entry:edit");
  if (refused) return { ok: false, message: refused.message };
  const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true } });
  if (!event) return { ok: false, message: "This event no longer exists." };
  const file = parseImportFile(bytes);
  if (!file.ok) return file;
  if (file.rows.length === 0)
    return { ok: false, message: "The file has a header line but no rows." };
  const { planned, accepted } = await planImport(eventId, file.rows);
  const newLeaders = new Set(
    accepted.flatMap((r) => ("name" in r.leader ? [searchKey(r.leader.name)] : [])),
  );
  return {
    ok: true,
    preview: {
      layout: file.layout,
      encoding: file.encoding,
      separator: file.separator,
      rows: planned,
      counts: {
        add: accepted.length,
        skip: planned.filter((r) => r.verdict === "skip").length,
        refuse: planned.filter((r) => r.verdict === "refuse").length,
        newLeaders: newLeaders.size,
      },
      token: signImport(eventId, editor.id, accepted),
    },
  };
}

const CHANGED =
  "changed since the dry run: run the dry run again to see what the import would do now. Nothing was saved.";

/**
 * Writes the rows a dry run accepted (carried in its signed token), all in one transaction,
 * each change with its revision. A row whose step is already recorded is skipped, so applying
 * the same rows twice adds nothing the second time. Anything the rows rest on that changed
 * since (a source's text, a leader of the same name created meanwhile) refuses the whole apply.
 */
export async function applyImport(
  editor: Editor,
  eventId: number,
  token: string,
): Promise<
  WriteResult<{
    added: number;
    skipped: number;
    leadersCreated: number;
    eventSlug: string;
    attendanceIds: number[];
    sourceIds: number[];
    leaderIds: number[];
  }>
> {
  const read = readImportToken(token, eventId, editor.id);
  if (!read.ok) return { ok: false, kind: "invalid", message: read.message, errors: {} };
  const rows = read.rows;
  if (rows.some((r) => "name" in r.leader)) {
    const refused = authorize(editor, "leader:edit");
    if (refused) return refused;
  }
  return inTransaction(editor, "entry:edit", async (tx) => {
    const event = await tx.event.findUnique({ where: { id: eventId }, select: { slug: true } });
    if (!event) return notFound("This event no longer exists; nothing was saved.");
    const texts = await sourceTexts(
      tx,
      rows.map((r) => r.sourceId),
    );
    const created = new Map<string, number>();
    const touched = new Set<number>();
    let added = 0;
    let skipped = 0;
    for (const row of rows) {
      const text = texts.get(row.sourceId);
      if (text === undefined)
        throw new Abort(
          notFound(`Source #${row.sourceId} (row ${row.row}) no longer exists. Nothing was saved.`),
        );
      if (text.slice(row.start, row.end) !== row.quote)
        throw new Abort(
          notFound(`The text of source #${row.sourceId} (row ${row.row}) ${CHANGED}`),
        );
      // A new leader's rows applied before (the same dry run applied twice): the leader of
      // that name exists now, with this step. Recorded, so skipped, not a change to stop for.
      if ("name" in row.leader && !created.has(searchKey(row.leader.name))) {
        if (await namesakeHasStep(tx, eventId, row.leader.name, row)) {
          skipped++;
          continue;
        }
      }
      const leaderId = await leaderFor(tx, editor, row.leader, created);
      const entry = await tx.attendance.findUnique({
        where: { eventId_leaderId: { eventId, leaderId } },
        select: {
          id: true,
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
      if (entry && hasStep(entry.steps, row)) {
        skipped++;
        continue;
      }
      const step = {
        status: row.status,
        outcome: row.outcome,
        asOf: row.asOf,
        note: row.note,
        citations: [{ ...anchorAt(text, row.start, row.end), sourceId: row.sourceId }],
      };
      const summary = `Imported from a spreadsheet (row ${row.row}): ${describeStep(step)}`;
      if (entry) {
        const before = await attendanceSnapshot(tx, entry.id);
        await insertStep(tx, editor, entry.id, step);
        await finishEntryChange(tx, editor, {
          attendanceId: entry.id,
          before,
          action: "update",
          summary,
        });
        touched.add(entry.id);
      } else {
        const id = await createEntry(tx, editor, {
          eventId,
          leaderId,
          note: "",
          steps: [step],
          summary,
        });
        touched.add(id);
      }
      added++;
    }
    return {
      ok: true,
      added,
      skipped,
      leadersCreated: created.size,
      eventSlug: event.slug,
      attendanceIds: [...touched],
      sourceIds: [...new Set(rows.map((r) => r.sourceId))],
      leaderIds: [...created.values()],
    };
  });
}

type RecordedStep = {
  status: string;
  outcome: string | null;
  asOf: Date | null;
  citations: { sourceId: number; start: number; end: number }[];
};

/** Whether `steps` has the row's step: its claim and as-of date, citing the same passage. */
function hasStep(steps: RecordedStep[], row: AcceptedRow) {
  const key = claimKey({ leaderKey: "", ...row });
  return steps.some((s) =>
    s.citations.some(
      (c) =>
        claimKey({
          leaderKey: "",
          status: s.status,
          outcome: s.outcome,
          asOf: s.asOf ? toIsoDate(s.asOf) : null,
          ...c,
        }) === key,
    ),
  );
}

/** Whether a leader named `name` (or so aliased) has the row's step at the event. */
async function namesakeHasStep(tx: Tx, eventId: number, name: string, row: AcceptedRow) {
  const key = searchKey(name);
  const leaders = await tx.leader.findMany({
    where: { searchText: { contains: key } },
    select: { id: true, name: true, aliases: true },
    take: 50,
  });
  const ids = leaders
    .filter((l) => [l.name, ...parseAliases(l.aliases)].some((n) => searchKey(n) === key))
    .map((l) => l.id);
  if (ids.length === 0) return false;
  const entries = await tx.attendance.findMany({
    where: { eventId, leaderId: { in: ids } },
    select: {
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
  return entries.some((e) => hasStep(e.steps, row));
}

async function sourceTexts(tx: Tx, ids: number[]) {
  const unique = [...new Set(ids)];
  const map = new Map<number, string>();
  for (let i = 0; i < unique.length; i += 200) {
    const rows = await tx.source.findMany({
      where: { id: { in: unique.slice(i, i + 200) } },
      select: { id: true, text: true },
    });
    for (const s of rows) map.set(s.id, s.text);
  }
  return map;
}

/**
 * The row's leader: a stored one, which must still exist, or a new one, created once for all
 * the rows that name it. A leader of that name stored since the dry run is a change the editor
 * has not seen: the apply stops rather than guess whether it is the same person.
 */
async function leaderFor(
  tx: Tx,
  editor: Editor,
  leader: { id: number } | { name: string; office: string; polity: string },
  created: Map<string, number>,
): Promise<number> {
  if ("id" in leader) {
    const found = await tx.leader.findUnique({ where: { id: leader.id }, select: { id: true } });
    if (!found) throw new Abort(notFound(`A leader of this import no longer exists; ${CHANGED}`));
    return found.id;
  }
  const key = searchKey(leader.name);
  const made = created.get(key);
  if (made !== undefined) return made;
  const candidates = await tx.leader.findMany({
    where: { searchText: { contains: key } },
    select: { name: true, aliases: true },
    take: 50,
  });
  if (
    candidates.some((c) => [c.name, ...parseAliases(c.aliases)].some((n) => searchKey(n) === key))
  )
    throw new Abort(notFound(`A leader named ${leader.name} was stored ${CHANGED}`));
  const row = await tx.leader.create({
    data: leaderData({ ...leader, countryCode: null, aliases: [], wikidataId: null }),
  });
  await recordRevision(tx, editor, {
    entityType: "leader",
    entityId: row.id,
    action: "create",
    before: null,
    after: leaderSnapshot(row),
    summary: `Imported from a spreadsheet: ${leader.name} (${leader.office}, ${leader.polity})`,
  });
  created.set(key, row.id);
  return row.id;
}
