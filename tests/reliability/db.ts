import { createHash, createHmac, randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { isIsoCountryCode } from "../../lib/geo/iso-3166";
import { characterCount, cutText } from "../../lib/text/cut";
import { createEntry, createEvent, createLeader, createSource } from "../factories";
import { createPrismaClient } from "../../lib/database";

/** A connection for the test's own reads and writes, beside the server's. */
export function openDatabase(file: string, options: Database.Options = {}) {
  const db = new Database(file, { fileMustExist: true, ...options });
  db.pragma("busy_timeout = 10000");
  return db;
}

/**
 * SHA-256 of everything the database holds: the schema, then every row of every table in
 * rowid order, each value with its type. Read in one read transaction, so it is a consistent
 * snapshot even while the server writes. The file's bytes are not hashed: a WAL checkpoint
 * rewrites them without changing a single value. Tables in `except` are left out (their schema
 * stays in).
 */
export function databaseHash(file: string, { except = [] as string[] } = {}): string {
  const db = openDatabase(file, { readonly: true });
  db.defaultSafeIntegers(true);
  const hash = createHash("sha256");
  try {
    db.prepare("BEGIN").run();
    const objects = db
      .prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
      .all() as { type: string; name: string; sql: string | null }[];
    for (const o of objects) hash.update(`${o.type}\0${o.name}\0${o.sql ?? ""}\0`);
    for (const { name } of objects.filter((o) => o.type === "table" && !except.includes(o.name))) {
      hash.update(`table\0${name}\0`);
      const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().iterate();
      for (const row of rows as Iterable<unknown[]>) {
        for (const value of row) {
          if (value === null) hash.update("n\0");
          else if (Buffer.isBuffer(value)) hash.update("b").update(value).update("\0");
          else hash.update(`${typeof value}:${String(value)}\0`);
        }
        hash.update("\n");
      }
    }
    db.prepare("COMMIT").run();
  } finally {
    db.close();
  }
  return hash.digest("hex");
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * What must hold of every stored row whatever was sent: each citation's offsets select its
 * quote; names carry no control characters; sources are http(s); and so on. Returns the
 * violations, described; none is the expected answer.
 */
export function invariantViolations(file: string): string[] {
  const db = openDatabase(file, { readonly: true });
  const problems: string[] = [];
  const bad = (what: string, row: unknown) =>
    problems.push(`${what}: ${cutText(JSON.stringify(row), 300)}`);
  try {
    db.prepare("BEGIN").run();
    type CitationRow = {
      id: number;
      quote: string;
      start: number;
      end: number;
      text: string | null;
      lost: number;
      current: number;
    };
    // Offsets index into the text of the version a citation is anchored in: the current one,
    // or for an orphan the older text it was cited in.
    for (const c of db
      .prepare(
        `SELECT c.id, c.quote, c.start, c."end", c.lost, c.anchoredVersion = s.textVersion AS current,
           CASE WHEN c.anchoredVersion = s.textVersion THEN s.text
             ELSE (SELECT v.text FROM SourceVersion v
                   WHERE v.sourceId = c.sourceId AND v.number = c.anchoredVersion) END AS text
         FROM Citation c JOIN Source s ON s.id = c.sourceId`,
      )
      .iterate() as Iterable<CitationRow>) {
      if (!(c.start >= 0 && c.end > c.start && c.text?.slice(c.start, c.end) === c.quote))
        bad("citation whose offsets do not select its quote", { id: c.id, quote: c.quote });
      if (!c.lost && !c.current) bad("citation not lost but anchored in an older text", c.id);
    }
    type LeaderRow = {
      id: number;
      name: string;
      office: string;
      polity: string;
      countryCode: string | null;
      aliases: string;
      wikidataId: string | null;
    };
    for (const l of db
      .prepare("SELECT id, name, office, polity, countryCode, aliases, wikidataId FROM Leader")
      .iterate() as Iterable<LeaderRow>) {
      let aliases: unknown;
      try {
        aliases = JSON.parse(l.aliases);
      } catch {
        aliases = null;
      }
      if (
        !Array.isArray(aliases) ||
        aliases.some(
          (a) => typeof a !== "string" || !a.trim() || [...a].length > 200 || CONTROL.test(a),
        )
      )
        bad("leader aliases not a list of clean names", l);
      if (l.wikidataId !== null && !/^Q[1-9][0-9]{0,11}$/.test(l.wikidataId))
        bad("leader Wikidata id", l);
      for (const field of ["name", "office", "polity"] as const) {
        const v = l[field];
        // Lengths in code points, as zod counts them ("😀" is one character, two UTF-16 units).
        if (!v.trim() || v !== v.trim() || [...v].length > 200 || CONTROL.test(v))
          bad(`leader ${field} empty, untrimmed, too long or with control characters`, l);
      }
      if (l.countryCode !== null && !isIsoCountryCode(l.countryCode)) bad("leader country code", l);
    }
    // After the event (docs/architecture.md): an event's last day is never before its first; an
    // outcome is one of three; a leader never represents themselves.
    for (const e of db
      .prepare(`SELECT id, date, endDate FROM Event WHERE endDate < date`)
      .iterate())
      bad("event whose last day is before its first", e);
    for (const table of ["Attendance", "StatusStep"]) {
      for (const row of db
        .prepare(
          `SELECT id, outcome FROM ${table}
           WHERE outcome IS NOT NULL AND outcome NOT IN ('attended', 'partly_attended', 'did_not_attend')`,
        )
        .iterate())
        bad(`${table} outcome not one of the three`, row);
    }
    for (const row of db
      .prepare(
        `SELECT a.id FROM Attendance a WHERE a.representativeId = a.leaderId
         UNION ALL SELECT s.id FROM StatusStep s JOIN Attendance a ON a.id = s.attendanceId
           WHERE s.representativeId = a.leaderId`,
      )
      .iterate())
      bad("a leader recorded as their own representative", row);
    type SourceRow = {
      id: number;
      title: string;
      publisher: string;
      url: string;
      text: string;
      dateNote: string;
    };
    for (const s of db
      .prepare("SELECT id, title, publisher, url, text, dateNote FROM Source")
      .iterate() as Iterable<SourceRow>) {
      if (!/^https?:\/\/[^\s/?#]+/i.test(s.url) || /[\u0000-\u001F\u007F]/.test(s.url))
        bad("source URL not http(s), or with control characters", s.url);
      for (const field of ["title", "publisher"] as const)
        if (!s[field].trim() || CONTROL.test(s[field])) bad(`source ${field}`, s[field]);
      if (CONTROL.test(s.dateNote)) bad("source date note", s.dateNote);
      if (!s.text.trim() || s.text.includes("\u0000") || characterCount(s.text) > 500_000)
        bad("source text empty, with NUL or too long", { id: s.id, length: s.text.length });
    }
    type EventRow = { id: number; slug: string; name: string; place: string; occasion: string };
    for (const e of db
      .prepare("SELECT id, slug, name, place, occasion FROM Event")
      .iterate() as Iterable<EventRow>) {
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(e.slug) || e.slug.length > 100) bad("event slug", e);
      for (const field of ["name", "place", "occasion"] as const)
        if (!e[field].trim() || e[field] !== e[field].trim() || CONTROL.test(e[field]))
          bad(`event ${field}`, e);
    }
    for (const f of db
      .prepare(`SELECT s.slug FROM EventSlug s JOIN Event e ON e.slug = s.slug`)
      .all())
      bad("a former slug that is also an event's current one", f);
    type EntryRow = { id: number; status: string; note: string; asOf: unknown; citations: number };
    for (const a of db
      .prepare(
        `SELECT a.id, a.status, a.note, a.asOf, (SELECT count(*) FROM Citation c WHERE c.stepId = a.currentStepId) AS citations FROM Attendance a`,
      )
      .iterate() as Iterable<EntryRow>) {
      if (!["confirmed", "reported", "declined"].includes(a.status)) bad("entry status", a);
      if (a.citations < 1 || a.citations > 20) bad("entry without citations (or too many)", a);
      // In characters (code points), as the form's limit counts them: 2000 emoji fit.
      if (characterCount(a.note) > 2000 || CONTROL.test(a.note) || !a.note.isWellFormed())
        bad("entry note too long, with control characters or a broken character", a);
    }
    // What the steps say and what the entry keeps of them agree (lib/data/story.ts syncStory).
    for (const a of db
      .prepare(
        `SELECT a.id, a.status, a.asOf, a.currentStepId, s.status AS stepStatus, s.asOf AS stepAsOf,
           s.attendanceId AS stepEntry
         FROM Attendance a LEFT JOIN StatusStep s ON s.id = a.currentStepId`,
      )
      .iterate() as Iterable<Record<string, unknown>>) {
      if (a.stepEntry !== a.id || a.stepStatus !== a.status || a.stepAsOf !== a.asOf)
        bad("entry whose status is not its current step's", a);
    }
    for (const fk of db.prepare("PRAGMA foreign_key_check").all()) bad("foreign key", fk);
    db.prepare("COMMIT").run();
  } finally {
    db.close();
  }
  return problems;
}

export const SAMPLE_TEXT =
  "Ruritania's President Anna Example will attend the Harbour Summit on 1 June, her office said on Monday. " +
  "Borduria's leader Boris Sample is expected to attend as well, officials reported. " +
  "Syldavia's King Ottokar declined the invitation.";
export const SAMPLE_QUOTE = "Borduria's leader Boris Sample is expected to attend";

/**
 * An event with a source, one entry citing it, and a leader without entries (deletable), for
 * the doors and forms to act on; and what the other doors delete or merge: an event without
 * entries, a second leader without entries and a source no citation uses. Written through Prisma, as the e2e fixtures do.
 */
export async function createSample(file: string, tag = randomBytes(4).toString("hex")) {
  const db = createPrismaClient(`file:${file}`);
  try {
    const event = await createEvent(db, {
      slug: `sample-summit-${tag}`,
      name: `Sample Summit ${tag}`,
      date: "2001-06-01",
    });
    const source = await createSource(db, {
      title: `Sample report ${tag}`,
      url: `https://example.org/news/${tag}`,
      // A source is stored once: each sample's texts are their own (same words, then the tag).
      text: `${SAMPLE_TEXT} Report ${tag}.`,
    });
    const free = await createLeader(db, {
      name: `Free Leader ${tag}`,
      office: "King",
      polity: "Syldavia",
    });
    const twin = await db.leader.create({
      data: { name: `Free Leader Twin ${tag}`, office: "King", polity: "Syldavia" },
    });
    const emptyEvent = await db.event.create({
      data: {
        slug: `empty-summit-${tag}`,
        name: `Empty Summit ${tag}`,
        place: "Port Example",
        date: new Date("2001-07-01T00:00:00Z"),
        endDate: new Date("2001-07-01T00:00:00Z"),
        occasion: "A test event without entries",
      },
    });
    const uncited = await db.source.create({
      data: {
        title: `Uncited report ${tag}`,
        publisher: "Example Wire",
        url: `https://example.org/uncited/${tag}`,
        text: `${SAMPLE_TEXT} Uncited ${tag}.`,
      },
    });
    const quote = "Ruritania's President Anna Example will attend the Harbour Summit";
    const entry = await createEntry(db, {
      eventId: event.id,
      leader: { name: `Anna Example ${tag}`, office: "President", polity: "Ruritania" },
      steps: [
        // An earlier step that the step doors can edit and remove (never the last one).
        {
          status: "reported",
          asOf: "2001-05-01",
          citations: [{ sourceId: source.id, quote: SAMPLE_QUOTE }],
        },
        { status: "confirmed", citations: [{ sourceId: source.id, quote }] },
      ],
    });
    // Its citation, as an edit of the source leaves one re-found with changed wording, for the
    // review doors.
    const citation = entry.steps[0]!.citations[0]!;
    await db.citation.update({
      where: { id: citation.id },
      data: { review: "check", reviewSince: new Date(), citedQuote: citation.quote },
    });
    // A past version of the entry, as the data layer recorded it, for the revert door.
    const revision = await db.revision.findFirstOrThrow({
      where: { entityType: "attendance", entityId: entry.id },
    });
    return {
      revisionId: revision.id,
      stepId: entry.steps[0]!.id,
      stepVersion: entry.steps[0]!.version,
      eventId: event.id,
      eventSlug: event.slug,
      sourceId: source.id,
      sourceText: `${SAMPLE_TEXT} Report ${tag}.`,
      quote: SAMPLE_QUOTE,
      attendanceId: entry.id,
      attendanceVersion: entry.version,
      leaderId: free.id,
      leaderVersion: free.version,
      sourceVersion: source.version,
      eventVersion: event.version,
      emptyEventId: emptyEvent.id,
      emptyEventVersion: emptyEvent.version,
      twinLeaderId: twin.id,
      uncitedSourceId: uncited.id,
      uncitedSourceVersion: uncited.version,
      citationId: citation.id,
      citationVersion: source.textVersion,
    };
  } finally {
    await db.$disconnect();
  }
}

/**
 * Sessions written straight into the database, with cookies signed as Better Auth signs them
 * (HMAC-SHA256 of the token with the server's secret): many sessions to close under load
 * without hashing a password for each.
 */
export function mintSessions(file: string, email: string, count: number, secret: string) {
  const db = openDatabase(file);
  try {
    const userId = db.prepare('SELECT id FROM "user" WHERE email = ?').pluck().get(email);
    const insert = db.prepare(
      'INSERT INTO "session" (id, token, userId, expiresAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
    const now = new Date();
    return Array.from({ length: count }, () => {
      const token = randomBytes(24).toString("base64url");
      insert.run(
        randomBytes(16).toString("base64url"),
        token,
        userId,
        iso(new Date(now.getTime() + 86_400_000)),
        iso(now),
        iso(now),
      );
      const signature = createHmac("sha256", secret).update(token).digest("base64");
      return `better-auth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
    });
  } finally {
    db.close();
  }
}

/**
 * What the account doors act on: a pending invitation (and its link's token), an account of
 * no one's in particular for an admin to change, and a second session of `email`'s to end.
 */
export function createAccountSample(
  file: string,
  email: string,
  tag = randomBytes(4).toString("hex"),
) {
  const db = openDatabase(file);
  try {
    const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
    const now = new Date();
    const invitationToken = randomBytes(32).toString("base64url");
    const invitationId = Number(
      db
        .prepare(
          'INSERT INTO "Invitation" (email, role, tokenHash, invitedBy, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          `door-${tag}@example.org`,
          "editor",
          createHash("sha256").update(invitationToken).digest("hex"),
          "Door sample",
          iso(now),
          iso(new Date(now.getTime() + 86_400_000)),
        ).lastInsertRowid,
    );
    const otherAccountId = `door-account-${tag}`;
    db.prepare(
      'INSERT INTO "user" (id, name, email, emailVerified, createdAt, updatedAt, role) VALUES (?, ?, ?, 1, ?, ?, ?)',
    ).run(
      otherAccountId,
      `Door Account ${tag}`,
      `door-account-${tag}@example.org`,
      iso(now),
      iso(now),
      "editor",
    );
    const userId = db.prepare('SELECT id FROM "user" WHERE email = ?').pluck().get(email);
    const otherSessionId = `door-session-${tag}`;
    db.prepare(
      'INSERT INTO "session" (id, token, userId, expiresAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(
      otherSessionId,
      `door-token-${tag}`,
      userId,
      iso(new Date(now.getTime() + 86_400_000)),
      iso(now),
      iso(now),
    );
    // A passkey row as the plugin writes one; its key is not a real one (no door signs with it).
    const passkeyId = `door-passkey-${tag}`;
    db.prepare(
      'INSERT INTO "passkey" (id, name, publicKey, userId, credentialID, counter, deviceType, backedUp, createdAt) VALUES (?, ?, ?, ?, ?, 0, ?, 0, ?)',
    ).run(
      passkeyId,
      `Door passkey ${tag}`,
      "AAAA",
      userId,
      `door-credential-${tag}`,
      "singleDevice",
      iso(now),
    );
    return { invitationId, invitationToken, otherAccountId, otherSessionId, passkeyId };
  } finally {
    db.close();
  }
}
