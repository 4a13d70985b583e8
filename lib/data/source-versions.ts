// Not marked server-only: the seed script records version 1 of its source with these too.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "./revisions";

type Tx = Prisma.TransactionClient;

/**
 * A text of a source as it stood. The current version's text is the source's own; an older
 * one's is kept in its SourceVersion row (see prisma/schema.prisma).
 */
export type SourceVersionDTO = {
  number: number;
  /** When this text became the source's (ISO). */
  since: string;
  /** When the next version replaced it (ISO), or null for the current version. */
  until: string | null;
  /** The day the publisher changed the text to this version (YYYY-MM-DD), when known. */
  changedOn: string | null;
  actorName: string;
  /** What the save that made it found when relocating its citations. */
  summary: string;
  current: boolean;
  /** When the page this text was read from was fetched (ISO), if it was and is kept. */
  fetchedAt: string | null;
};

const actorName = (actor: Actor) => ("seed" in actor ? `Seed: ${actor.seed}` : actor.name);

/** Records version 1 of a source just created. */
export async function recordFirstVersion(tx: Tx, actor: Actor, sourceId: number, at: Date) {
  await tx.sourceVersion.create({
    data: { sourceId, number: 1, text: null, createdAt: at, actorName: actorName(actor) },
  });
}

/**
 * Makes `newText` the next version of a source whose text is `current.text`: the old text moves
 * into its version's row (made here if the source had none, e.g. one imported directly), and a
 * row for the new version is added. Returns the new version's number; the caller writes
 * `Source.text` and `Source.textVersion` in the same transaction.
 */
export async function recordNextVersion(
  tx: Tx,
  actor: Actor,
  current: { id: number; text: string; textVersion: number; updatedAt: Date },
  summary: string,
  changedOn: Date | null = null,
): Promise<number> {
  await tx.sourceVersion.upsert({
    where: { sourceId_number: { sourceId: current.id, number: current.textVersion } },
    update: { text: current.text },
    create: {
      sourceId: current.id,
      number: current.textVersion,
      text: current.text,
      createdAt: current.updatedAt,
    },
  });
  const number = current.textVersion + 1;
  await tx.sourceVersion.create({
    data: {
      sourceId: current.id,
      number,
      text: null,
      actorName: actorName(actor),
      summary,
      changedOn,
    },
  });
  return number;
}

/** Writes the save's summary on the version it made. */
export async function setVersionSummary(
  tx: Tx,
  sourceId: number,
  number: number,
  summary: string,
): Promise<void> {
  await tx.sourceVersion.update({
    where: { sourceId_number: { sourceId, number } },
    data: { summary },
  });
}

/** Every version of a source, newest first; the current one always, even without a row. */
export async function listSourceVersions(
  db: Tx,
  source: { id: number; textVersion: number; addedAt: Date },
): Promise<SourceVersionDTO[]> {
  const rows = await db.sourceVersion.findMany({
    where: { sourceId: source.id },
    orderBy: { number: "desc" },
    select: {
      number: true,
      createdAt: true,
      changedOn: true,
      actorName: true,
      summary: true,
      snapshot: { select: { fetchedAt: true } },
    },
  });
  if (!rows.some((r) => r.number === source.textVersion)) {
    rows.unshift({
      number: source.textVersion,
      createdAt: source.addedAt,
      changedOn: null,
      actorName: "",
      summary: "",
      snapshot: null,
    });
  }
  return rows.map((r, i) => ({
    number: r.number,
    since: r.createdAt.toISOString(),
    until: i === 0 ? null : rows[i - 1]!.createdAt.toISOString(),
    changedOn: r.changedOn ? r.changedOn.toISOString().slice(0, 10) : null,
    actorName: r.actorName,
    summary: r.summary,
    current: r.number === source.textVersion,
    fetchedAt: r.snapshot ? r.snapshot.fetchedAt.toISOString() : null,
  }));
}

/** The text of version `number` of a source, or null if there is no such version. */
export async function getVersionText(
  db: Tx,
  source: { id: number; text: string; textVersion: number },
  number: number,
): Promise<string | null> {
  if (number === source.textVersion) return source.text;
  const row = await db.sourceVersion.findUnique({
    where: { sourceId_number: { sourceId: source.id, number } },
    select: { text: true },
  });
  return row?.text ?? null;
}
