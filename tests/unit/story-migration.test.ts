import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployMigrations, MIGRATIONS_DIR } from "../../scripts/migrate.mjs";
import { STORY_MIGRATION } from "../../scripts/migration-data.mjs";

/**
 * A database of the schema before steps had citations of their own, written as that version
 * of the app wrote it (its migrations, then its rows: entries, their citations, status steps
 * with JSON copies of their citations, revisions, and the edits that version got wrong), then
 * moved to the new schema by the story migration.
 */
let dir: string;
let file: string;
const log: string[] = [];

const ISO = (day: string, time = "09:00:00.000") => `${day}T${time}+00:00`;
// "Zembla" before the quoted sentence is edited: the past step's copy keeps the old offsets.
const TEXT_THEN =
  "Ruritania's President Anna Example was invited but has not confirmed. " +
  "Borduria's leader Boris Sample will attend, officials said. " +
  "Syldavia's King Ottokar declined the invitation.";
const TEXT_NOW =
  "UPDATE: Ottokar's office spoke. " +
  "Ruritania's President Anna Example will attend after all. " +
  "Borduria's leader Boris Sample will attend, officials said. " +
  "Syldavia's King Ottokar declined the invitation.";
const INVITED = "Ruritania's President Anna Example was invited but has not confirmed";
const WILL_ATTEND = "Ruritania's President Anna Example will attend after all";
const BORIS = "Borduria's leader Boris Sample will attend";
const OTTOKAR = "Syldavia's King Ottokar declined the invitation";

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "rollcall-story-migration-"));
  file = path.join(dir, "old.db");
  const before = path.join(dir, "migrations");
  for (const name of readdirSync(MIGRATIONS_DIR)) {
    if (name.localeCompare(STORY_MIGRATION) >= 0) continue;
    cpSync(path.join(MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
  }
  await deployMigrations(file, { migrationsDir: before });

  const db = new Database(file);
  const at = (text: string, quote: string) => {
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(quote);
    return { start, end: start + quote.length };
  };
  db.exec(`INSERT INTO "Event" (id, slug, name, place, date, occasion, createdAt) VALUES
    (1, 'harbour-summit', 'Harbour Summit', 'Port Example', '${ISO("2025-06-01", "00:00:00.000")}', '', '${ISO("2025-03-01")}')`);
  db.prepare(
    `INSERT INTO "Source" (id, title, publisher, url, text, addedAt, updatedAt, version) VALUES (1, 'Wire', 'Example Wire', 'https://example.org/1', ?, ?, ?, 2)`,
  ).run(TEXT_NOW, ISO("2025-03-01"), ISO("2025-04-02"));
  const leader = db.prepare(
    `INSERT INTO "Leader" (id, name, searchText, office, polity, updatedAt) VALUES (?, ?, ?, 'Leader', 'Somewhere', '${ISO("2025-03-01")}')`,
  );
  leader.run(1, "Anna Example", "anna example");
  leader.run(2, "Boris Sample", "boris sample");
  leader.run(3, "King Ottokar", "king ottokar");
  const entry = db.prepare(
    `INSERT INTO "Attendance" (id, eventId, leaderId, status, asOf, note, createdAt, updatedAt, version) VALUES (?, 1, ?, ?, ?, '', ?, ?, ?)`,
  );
  const citation = db.prepare(
    `INSERT INTO "Citation" (attendanceId, sourceId, quote, start, "end", prefix, suffix, position) VALUES (?, 1, ?, ?, ?, '', '', ?)`,
  );
  const revision = db.prepare(
    `INSERT INTO "Revision" (id, entityType, entityId, action, after, eventId, actorName, createdAt) VALUES (?, 'attendance', ?, ?, '{}', 1, ?, ?)`,
  );
  const step = db.prepare(
    `INSERT INTO "StatusStep" (id, attendanceId, status, asOf, recordedAt, citations, revisionId) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const copy = (text: string, quote: string) => ({
    sourceId: 1,
    source: "Wire",
    quote,
    ...at(text, quote),
  });

  // Anna: reported when invited (the source has since been edited: that sentence is gone),
  // then confirmed; the current citations are the confirmation's.
  entry.run(
    1,
    1,
    "confirmed",
    ISO("2025-04-01", "00:00:00.000"),
    ISO("2025-03-10"),
    ISO("2025-04-01"),
    2,
  );
  citation.run(1, WILL_ATTEND, ...Object.values(at(TEXT_NOW, WILL_ATTEND)), 0);
  revision.run(1, 1, "create", "A. Editor", ISO("2025-03-10"));
  revision.run(2, 1, "update", "B. Editor", ISO("2025-04-01"));
  step.run(
    1,
    1,
    "reported",
    ISO("2025-03-10", "00:00:00.000"),
    ISO("2025-03-10"),
    JSON.stringify([copy(TEXT_THEN, INVITED)]),
    1,
  );
  step.run(
    2,
    1,
    "confirmed",
    ISO("2025-04-01", "00:00:00.000"),
    ISO("2025-04-01"),
    JSON.stringify([copy(TEXT_NOW, WILL_ATTEND)]),
    2,
  );

  // Boris: confirmed 12 April, then an older report saved over it (the bug: the entry says
  // reported), and a second citation added without a change of status.
  entry.run(
    2,
    2,
    "reported",
    ISO("2025-03-14", "00:00:00.000"),
    ISO("2025-03-10"),
    ISO("2025-04-20"),
    3,
  );
  citation.run(2, BORIS, ...Object.values(at(TEXT_NOW, BORIS)), 0);
  citation.run(2, OTTOKAR, ...Object.values(at(TEXT_NOW, OTTOKAR)), 1);
  revision.run(3, 2, "create", "A. Editor", ISO("2025-04-12"));
  revision.run(4, 2, "update", "B. Editor", ISO("2025-04-15"));
  step.run(
    3,
    2,
    "confirmed",
    ISO("2025-04-12", "00:00:00.000"),
    ISO("2025-04-12"),
    JSON.stringify([copy(TEXT_THEN, BORIS)]),
    3,
  );
  step.run(
    4,
    2,
    "reported",
    ISO("2025-03-14", "00:00:00.000"),
    ISO("2025-04-15"),
    JSON.stringify([copy(TEXT_NOW, BORIS)]),
    4,
  );

  // Ottokar: an entry from before stories were kept, with no step at all.
  entry.run(3, 3, "declined", null, ISO("2025-03-10"), ISO("2025-03-10"), 1);
  citation.run(3, OTTOKAR, ...Object.values(at(TEXT_NOW, OTTOKAR)), 0);
  db.close();

  await deployMigrations(file, { log: (line) => log.push(line) });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const open = () => new Database(file, { readonly: true });

describe("the story migration", () => {
  it("keeps every step, with who recorded it, and adds one where an entry had none", () => {
    const db = open();
    const steps = db
      .prepare(
        `SELECT id, attendanceId, status, substr(asOf, 1, 10) AS asOf, recordedBy FROM "StatusStep" ORDER BY id`,
      )
      .all();
    db.close();
    expect(steps).toEqual([
      { id: 1, attendanceId: 1, status: "reported", asOf: "2025-03-10", recordedBy: "A. Editor" },
      { id: 2, attendanceId: 1, status: "confirmed", asOf: "2025-04-01", recordedBy: "B. Editor" },
      { id: 3, attendanceId: 2, status: "confirmed", asOf: "2025-04-12", recordedBy: "A. Editor" },
      { id: 4, attendanceId: 2, status: "reported", asOf: "2025-03-14", recordedBy: "B. Editor" },
      { id: 5, attendanceId: 3, status: "declined", asOf: null, recordedBy: "" },
    ]);
  });

  it("makes every citation a row of its step, the current ones kept as they were", () => {
    const db = open();
    const rows = db
      .prepare(
        `SELECT stepId, quote, start, "end", prefix, lost FROM "Citation" ORDER BY stepId, position`,
      )
      .all() as {
      stepId: number;
      quote: string;
      start: number;
      end: number;
      prefix: string;
      lost: number;
    }[];
    db.close();
    expect(rows.map((r) => [r.stepId, r.quote, r.lost])).toEqual([
      [1, INVITED, 1],
      [2, WILL_ATTEND, 0],
      [3, BORIS, 0],
      [4, BORIS, 0],
      [4, OTTOKAR, 0],
      [5, OTTOKAR, 0],
    ]);
    for (const r of rows.filter((r) => !r.lost)) {
      expect(TEXT_NOW.slice(r.start, r.end)).toBe(r.quote);
      expect(TEXT_NOW.slice(0, r.start).endsWith(r.prefix)).toBe(true);
    }
    // Boris's confirmation copied the quote at its offsets in the text before the edit.
    const moved = rows.find((r) => r.stepId === 3)!;
    expect(moved.start).toBe(TEXT_NOW.indexOf(BORIS));
  });

  it("derives each entry's status from its latest step, which repairs the older report saved over a confirmation", () => {
    const db = open();
    const entries = db
      .prepare(
        `SELECT id, status, substr(asOf, 1, 10) AS asOf, currentStepId, sourcesDisagree, version FROM "Attendance" ORDER BY id`,
      )
      .all();
    db.close();
    expect(entries).toEqual([
      {
        id: 1,
        status: "confirmed",
        asOf: "2025-04-01",
        currentStepId: 2,
        sourcesDisagree: 0,
        version: 2,
      },
      {
        id: 2,
        status: "confirmed",
        asOf: "2025-04-12",
        currentStepId: 3,
        sourcesDisagree: 0,
        version: 3,
      },
      { id: 3, status: "declined", asOf: null, currentStepId: 5, sourcesDisagree: 0, version: 1 },
    ]);
  });

  it("says in its output what it moved, and which quote no longer anchors", () => {
    expect(log[0]).toContain(`${STORY_MIGRATION}: 5 steps, 6 citations`);
    expect(log[0]).toContain("1 found at new offsets");
    expect(log[0]).toContain("1 no longer found in its source (kept, marked lost)");
    expect(log[1]).toContain(`Anna Example, step reported as of 2025-03-10: “${INVITED}”`);
  });
});
