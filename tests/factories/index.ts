/**
 * Test data, made through the data layer (lib/data/story.ts writes entries and their stories
 * the one way the app does), shared by the unit, end-to-end and reliability suites. Each
 * factory takes the Prisma client of the database under test and creates only what it names.
 * Events, sources and leaders are written directly, with no revision: they do not move the
 * data's generation (lib/data/generation.ts), so what the admin list keeps (its rows, its
 * event choices, the review count) shows them from the next save on: a test that reads them
 * there makes an entry through the data layer or the form first.
 */
import { randomBytes } from "node:crypto";
import { createEditor as createEditorAccount } from "../../lib/auth/editors";
import { generatePassword } from "../../lib/auth/password";
import type { Role } from "../../lib/auth/roles";
import type { AttendanceOutcome, AttendanceStatus } from "../../lib/attendance/status";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Actor } from "../../lib/data/revisions";
import {
  createEntry as writeEntry,
  type AnchoredCitation,
  type StepData,
} from "../../lib/data/story";
import { recordNextVersion } from "../../lib/data/source-versions";
import { anchorQuote, describeAnchorError } from "../../lib/quotes/anchor";
import { leaderSearchKey } from "../../lib/text/search-key";

type Db = PrismaClient;

export const unique = () => randomBytes(4).toString("hex");

/** The actor of factory-made data in the record. */
export const FACTORY_ACTOR: Actor = { seed: "Test factory" };

export const SAMPLE_ARTICLE =
  "Ruritania's President Anna Example will attend the Harbour Summit on 1 June, her office said on Monday. " +
  "Borduria's leader Boris Sample is expected to attend as well, officials reported. " +
  "Syldavia's King Ottokar declined the invitation. Zembla’s Prime Minister Kinbote “will not travel”, aides said.";

export async function createEvent(
  db: Db,
  fields: Partial<{
    slug: string;
    name: string;
    place: string;
    date: string;
    /** The last day; the first day unless given. */
    endDate: string;
    occasion: string;
  }> = {},
) {
  const id = unique();
  return db.event.create({
    data: {
      slug: fields.slug ?? `harbour-summit-${id}`,
      name: fields.name ?? `Harbour Summit ${id}`,
      place: fields.place ?? "Port Example",
      date: new Date(`${fields.date ?? "2000-06-01"}T00:00:00Z`),
      endDate: new Date(`${fields.endDate ?? fields.date ?? "2000-06-01"}T00:00:00Z`),
      occasion: fields.occasion ?? "A test event",
    },
  });
}

export async function createSource(
  db: Db,
  fields: Partial<{
    title: string;
    publisher: string;
    url: string;
    text: string;
    publishedOn: string | null;
  }> = {},
) {
  const id = unique();
  return db.source.create({
    data: {
      title: fields.title ?? `Harbour Summit report ${id}`,
      publisher: fields.publisher ?? "Example Wire",
      url: fields.url ?? `https://example.org/news/${id}`,
      text: fields.text ?? SAMPLE_ARTICLE,
      publishedOn: fields.publishedOn ? new Date(`${fields.publishedOn}T00:00:00Z`) : null,
    },
  });
}

/**
 * A new text of a source, stored as the source form's save stores it (lib/data/source-versions.ts):
 * the text it replaces becomes an older version, with a page of its own. Its citations are not
 * looked for again: give a text that keeps each cited passage where it was.
 */
export async function addSourceText(db: Db, sourceId: number, text: string) {
  return db.$transaction(async (tx) => {
    const current = await tx.source.findUniqueOrThrow({ where: { id: sourceId } });
    const textVersion = await recordNextVersion(tx, FACTORY_ACTOR, current, "");
    return tx.source.update({
      where: { id: sourceId },
      data: { text, textVersion, version: { increment: 1 } },
    });
  });
}

export async function createLeader(
  db: Db,
  fields: Partial<{
    name: string;
    office: string;
    polity: string;
    countryCode: string | null;
  }> = {},
) {
  const leader = {
    name: fields.name ?? `Leader ${unique()}`,
    office: fields.office ?? "President",
    polity: fields.polity ?? "Ruritania",
    countryCode: fields.countryCode === undefined ? null : fields.countryCode,
  };
  return db.leader.create({ data: { ...leader, searchText: leaderSearchKey(leader) } });
}

/** A step to create: its quotes are anchored in their sources as the app anchors them. */
export type StepSpec = {
  /** A plan; on an outcome step, a placeholder the story replaces with the plan it carries. */
  status: AttendanceStatus;
  /** What happened at the event: makes this an outcome step. */
  outcome?: AttendanceOutcome | null;
  /** The leader who represented the entry's leader. */
  representativeId?: number | null;
  asOf?: string | null;
  note?: string;
  /** When it was recorded (ISO); now unless given. */
  recordedAt?: string;
  citations: { sourceId: number; quote: string }[];
};

async function anchor(db: Db, citations: StepSpec["citations"]): Promise<AnchoredCitation[]> {
  const out: AnchoredCitation[] = [];
  for (const c of citations) {
    const source = await db.source.findUniqueOrThrow({ where: { id: c.sourceId } });
    const result = anchorQuote(source.text, c.quote);
    if (!result.ok) throw new Error(`Factory quote: ${describeAnchorError(result.error)}`);
    out.push({ ...result.anchor, sourceId: c.sourceId });
  }
  return out;
}

/**
 * An entry with its story, its revision and everything derived from the steps, as the app
 * writes it. `leader` is a leader's id or the fields of a new one.
 */
export async function createEntry(
  db: Db,
  entry: {
    eventId: number;
    leader: number | Parameters<typeof createLeader>[1];
    note?: string;
    steps: StepSpec[];
    actor?: Actor;
  },
) {
  const leaderId =
    typeof entry.leader === "number" ? entry.leader : (await createLeader(db, entry.leader)).id;
  const steps: StepData[] = [];
  for (const step of entry.steps) {
    steps.push({
      status: step.status,
      outcome: step.outcome ?? null,
      representativeId: step.representativeId ?? null,
      asOf: step.asOf ?? null,
      note: step.note ?? "",
      recordedAt: step.recordedAt ? new Date(step.recordedAt) : undefined,
      citations: await anchor(db, step.citations),
    });
  }
  const id = await db.$transaction((tx) =>
    writeEntry(tx, entry.actor ?? FACTORY_ACTOR, {
      eventId: entry.eventId,
      leaderId,
      note: entry.note ?? "",
      steps,
    }),
  );
  return db.attendance.findUniqueOrThrow({
    where: { id },
    include: {
      leader: true,
      steps: { orderBy: { id: "asc" }, include: { citations: { orderBy: { position: "asc" } } } },
    },
  });
}

/**
 * Many entries of one step each, in one transaction: for tests of scale, where a transaction
 * per entry would take most of the test's time.
 */
export async function createEntries(
  db: Db,
  entries: { eventId: number; leaderId: number; step: StepSpec }[],
) {
  const anchors = new Map<string, AnchoredCitation[]>();
  for (const { step } of entries) {
    const key = JSON.stringify(step.citations);
    if (!anchors.has(key)) anchors.set(key, await anchor(db, step.citations));
  }
  await db.$transaction(
    async (tx) => {
      for (const { eventId, leaderId, step } of entries) {
        await writeEntry(tx, FACTORY_ACTOR, {
          eventId,
          leaderId,
          note: "",
          steps: [
            {
              status: step.status,
              asOf: step.asOf ?? null,
              note: step.note ?? "",
              citations: anchors.get(JSON.stringify(step.citations))!,
            },
          ],
        });
      }
    },
    { timeout: 120_000 },
  );
}

export type TestEditor = { id: string; email: string; name: string; password: string; role: Role };

/**
 * Test accounts' passwords are hashed at a far lower cost than real ones (SCRYPT_PARAMS): the
 * suites make hundreds of accounts, and each real hash, and each sign-in verifying it, is slow
 * on purpose (lib/auth/password.ts). A hash names its own parameters, so the server
 * verifies these as they are stored, on the same path as any other (docs/testing.md).
 */
const TEST_ACCOUNT_HASH = { N: 2 ** 10, r: 8, p: 1 };

/**
 * An account as `npm run editor:create` makes it, its role the default one unless given, with a
 * test account's hash.
 */
export function createAccount(db: Db, input: Parameters<typeof createEditorAccount>[1]) {
  return createEditorAccount(db, input, { hashParams: TEST_ACCOUNT_HASH });
}

/**
 * An account (as `npm run editor:create` makes one), with its password: an admin unless a role
 * is given, so that a test can do whatever it needs to.
 */
export async function createEditor(
  db: Db,
  fields: Partial<{ email: string; name: string; password: string; role: Role }> = {},
): Promise<TestEditor> {
  const editor = {
    email: fields.email ?? `editor-${unique()}@example.org`,
    name: fields.name ?? `Editor ${unique()}`,
    password: fields.password ?? generatePassword(),
  };
  const created = await createEditorAccount(
    db,
    { ...editor, role: fields.role ?? "admin" },
    { hashParams: TEST_ACCOUNT_HASH },
  );
  return { ...editor, id: created.id, role: created.role };
}

/** What the entry form sends to change entry `id`'s note, and the version it was loaded at. */
export async function entryFormWithNote(db: Db, id: number, note: string) {
  const entry = await db.attendance.findUniqueOrThrow({ where: { id } });
  return {
    version: entry.version,
    input: { eventId: entry.eventId, leader: { id: entry.leaderId }, note },
  };
}
