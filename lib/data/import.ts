import "server-only";
import { db } from "@/lib/db";
import { parseImportFile } from "@/lib/csv/import-file";
import { anchorAt } from "@/lib/quotes/anchor";
import { searchKey } from "@/lib/text/search-key";
import { describeStep } from "./steps-admin";
import { claimKey, leadersByKey, planImport, recordedClaims } from "./import-plan";
import { readImportToken, signImport } from "./import-token";
import type { AcceptedRow, ImportPreview, NewLeader } from "./import-types";
import { leaderData, leaderSnapshot } from "./leaders";
import { attendanceSnapshots, recordRevisions, WRITE_BATCH } from "./revisions";
import type { Editor } from "./session";
import { finishEntryChanges, insertSteps } from "./story";
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

/** A row's claim as the apply compares it with recorded steps (its leader aside). */
const rowClaim = (row: AcceptedRow) => claimKey({ leaderKey: "", ...row });

/**
 * Writes the rows a dry run accepted (carried in its signed token), all in one transaction,
 * each change with its revision. A row whose step is already recorded is skipped, so applying
 * the same rows twice adds nothing the second time. Anything the rows rest on that changed
 * since (a source's text, a leader of the same name created meanwhile) refuses the whole apply.
 *
 * The rows are checked against what is stored with a fixed number of reads, and written
 * together: the new leaders at once, then the entries' steps in rounds, each round adding one
 * step to each entry that gets one (its first row's, then its second's...), so every step still
 * has a revision of its own, from the entry as it was before it to the entry with it. No row
 * reads the event or the leaders again, and statements are per few hundred rows (but for an
 * outcome step that carries another plan than it was written with, updated on its own).
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
    /** The leaders of the entries it added steps to, new ones included. */
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
    }

    const storedIds = [...new Set(rows.flatMap((r) => ("id" in r.leader ? [r.leader.id] : [])))];
    if ((await countLeaders(tx, storedIds)) !== storedIds.length)
      throw new Abort(notFound(`A leader of this import no longer exists; ${CHANGED}`));
    const namesakes = await leadersByKey(
      tx,
      rows.flatMap((r) => ("name" in r.leader ? [searchKey(r.leader.name)] : [])),
    );
    const entries = await recordedClaims(tx, eventId, [
      ...storedIds,
      ...[...namesakes.values()].flat().map((l) => l.id),
    ]);

    // Which rows add a step, to which leader (a stored one's id, or a new one's key), in order.
    const adds = new Map<number | string, AcceptedRow[]>();
    const newClaims = new Map<string, Set<string>>();
    const newLeaders = new Map<string, NewLeader>();
    let skipped = 0;
    for (const row of rows) {
      const claim = rowClaim(row);
      let target: number | string;
      let claims: Set<string>;
      if ("name" in row.leader) {
        const key = searchKey(row.leader.name);
        const same = namesakes.get(key);
        if (same) {
          // The same dry run applied before: the leader of that name exists now, with this
          // step. Recorded, so skipped; any other row for a namesake is a change to stop for.
          if (same.some((l) => entries.get(l.id)?.claims.has(claim))) {
            skipped++;
            continue;
          }
          throw new Abort(notFound(`A leader named ${row.leader.name} was stored ${CHANGED}`));
        }
        if (!newLeaders.has(key)) newLeaders.set(key, row.leader);
        target = key;
        claims = newClaims.get(key) ?? new Set();
        newClaims.set(key, claims);
      } else {
        target = row.leader.id;
        const entry = entries.get(target) ?? { id: null, claims: new Set<string>() };
        entries.set(target, entry);
        claims = entry.claims;
      }
      // Also what this apply adds: a row never writes a step twice.
      if (claims.has(claim)) {
        skipped++;
        continue;
      }
      claims.add(claim);
      const list = adds.get(target) ?? [];
      list.push(row);
      adds.set(target, list);
    }

    const created = await createLeaders(tx, editor, newLeaders);
    // Each round keeps the entries with a step left: every entry is looked at once per step.
    let due = [...adds].map(([target, list]) => {
      const leaderId = typeof target === "number" ? target : created.get(target)!;
      return { leaderId, list, entryId: entries.get(leaderId)?.id ?? null };
    });
    const fresh = due.filter((q) => q.entryId === null);
    const entryIds = await createEntries(
      tx,
      eventId,
      fresh.map((q) => ({ leaderId: q.leaderId, status: q.list[0]!.status })),
    );
    for (const q of fresh) q.entryId = entryIds.get(q.leaderId)!;
    const isNew = new Set(fresh.map((q) => q.entryId!));
    const leaderIds = [...new Set(due.map((q) => q.leaderId))];
    // A step added to an entry that had steps may become its current one: the pages of the
    // sources its earlier steps cite say which step of it is current.
    const sourcesBefore = await sourcesCitedBy(
      tx,
      due.flatMap((q) => (isNew.has(q.entryId!) ? [] : [q.entryId!])),
    );
    let before = await attendanceSnapshots(
      tx,
      due.flatMap((q) => (isNew.has(q.entryId!) ? [] : [q.entryId!])),
    );
    const changedEntries = new Set<number>();
    let added = 0;
    for (let round = 0; due.length > 0; round++) {
      const steps = due.map((q) => {
        const row = q.list[round]!;
        const text = texts.get(row.sourceId)!;
        const step = {
          status: row.status,
          outcome: row.outcome,
          asOf: row.asOf,
          note: row.note,
          citations: [{ ...anchorAt(text, row.start, row.end), sourceId: row.sourceId }],
        };
        const summary = `Imported from a spreadsheet (row ${row.row}): ${describeStep(step)}`;
        return { attendanceId: q.entryId!, step, summary };
      });
      await insertSteps(tx, editor, steps);
      // The entry's first step creates it; each later one is an update, from the entry as the
      // round before left it.
      before = await finishEntryChanges(
        tx,
        editor,
        steps.map((s) => {
          const created = round === 0 && isNew.has(s.attendanceId);
          return {
            attendanceId: s.attendanceId,
            before: created ? null : (before.get(s.attendanceId) ?? null),
            action: created ? "create" : "update",
            summary: s.summary,
          };
        }),
      );
      for (const s of steps) changedEntries.add(s.attendanceId);
      added += steps.length;
      due = due.filter((q) => q.list.length > round + 1);
    }
    return {
      ok: true,
      added,
      skipped,
      leadersCreated: created.size,
      eventSlug: event.slug,
      attendanceIds: [...changedEntries],
      sourceIds: [...new Set([...sourcesBefore, ...rows.map((r) => r.sourceId)])],
      leaderIds,
    };
  });
}

/** The sources any step of these entries cites, a batch of entries at a time. */
async function sourcesCitedBy(tx: Tx, attendanceIds: number[]): Promise<number[]> {
  const ids = new Set<number>();
  for (let i = 0; i < attendanceIds.length; i += WRITE_BATCH) {
    const rows = await tx.citation.findMany({
      where: { step: { attendanceId: { in: attendanceIds.slice(i, i + WRITE_BATCH) } } },
      select: { sourceId: true },
      distinct: ["sourceId"],
    });
    for (const row of rows) ids.add(row.sourceId);
  }
  return [...ids];
}

async function countLeaders(tx: Tx, ids: number[]) {
  let count = 0;
  for (let i = 0; i < ids.length; i += WRITE_BATCH)
    count += await tx.leader.count({ where: { id: { in: ids.slice(i, i + WRITE_BATCH) } } });
  return count;
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
 * The new leaders, one for each name the rows give (by search key), each with its revision:
 * their ids by key. The caller has checked that no leader has the name or it as an alias.
 */
async function createLeaders(
  tx: Tx,
  editor: Editor,
  leaders: Map<string, NewLeader>,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const list = [...leaders.values()];
  for (let i = 0; i < list.length; i += WRITE_BATCH) {
    const part = list.slice(i, i + WRITE_BATCH);
    const rows = await tx.leader.createManyAndReturn({
      data: part.map((l) => leaderData({ ...l, aliases: [], wikidataId: null })),
    });
    // Known by name, not by place: the database may return the rows in any order.
    const byKey = new Map(rows.map((row) => [searchKey(row.name), row]));
    await recordRevisions(
      tx,
      editor,
      part.map((l) => {
        const row = byKey.get(searchKey(l.name))!;
        ids.set(searchKey(l.name), row.id);
        return {
          entityType: "leader",
          entityId: row.id,
          action: "create",
          before: null,
          after: leaderSnapshot(row),
          summary: `Imported from a spreadsheet: ${l.name} (${l.office}, ${l.polity})`,
        };
      }),
    );
  }
  return ids;
}

/**
 * New entries, without steps yet (the status is a placeholder until their first step is
 * synced): their ids by leader.
 */
async function createEntries(
  tx: Tx,
  eventId: number,
  entries: { leaderId: number; status: AcceptedRow["status"] }[],
): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (let i = 0; i < entries.length; i += WRITE_BATCH) {
    const rows = await tx.attendance.createManyAndReturn({
      data: entries.slice(i, i + WRITE_BATCH).map((e) => ({ eventId, ...e, note: "" })),
      select: { id: true, leaderId: true },
    });
    for (const row of rows) ids.set(row.leaderId, row.id);
  }
  return ids;
}
