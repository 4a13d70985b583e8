// Data steps that follow a migration's SQL, for what SQL cannot do with the app's own rules.
//
// 20261201082932_story_steps turned the JSON copies of past steps' citations into Citation rows
// and marked `lost` those whose quote is not at its offsets, comparing in SQLite, whose
// substr counts characters where the app's offsets count UTF-16 code units. Here each citation
// is checked again in JavaScript: a quote still at its offsets gets the prefix and suffix the
// app stores; one found elsewhere in its source (the text was edited around it) is moved there;
// one found nowhere stays, marked lost, and is listed in the output.

export const STORY_MIGRATION = "20261201082932_story_steps";

const CONTEXT = 32;

/** The occurrence of `quote` in `text` nearest to `near`, or -1. */
function nearestOccurrence(text, quote, near) {
  let best = -1;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    if (best === -1 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best;
}

/**
 * Relocates every citation verbatim after the story migration (at its offsets, else the
 * nearest occurrence of its quote); returns what it found.
 * @param {import("better-sqlite3").Database} db
 */
export function relocateStepCitations(db) {
  const texts = new Map();
  const textOf = (id) => {
    if (!texts.has(id)) {
      texts.set(id, db.prepare('SELECT "text" FROM "Source" WHERE "id" = ?').pluck().get(id));
    }
    return texts.get(id);
  };
  const rows = db
    .prepare(
      `SELECT "c"."id", "c"."sourceId", "c"."quote", "c"."start", "c"."end", "c"."prefix",
         "c"."suffix", "l"."name" AS "leader", "s"."status", substr("s"."asOf", 1, 10) AS "asOf"
       FROM "Citation" "c"
         JOIN "StatusStep" "s" ON "s"."id" = "c"."stepId"
         JOIN "Attendance" "a" ON "a"."id" = "s"."attendanceId"
         JOIN "Leader" "l" ON "l"."id" = "a"."leaderId"
       ORDER BY "c"."id"`,
    )
    .all();
  const update = db.prepare(
    'UPDATE "Citation" SET "start" = ?, "end" = ?, "prefix" = ?, "suffix" = ?, "lost" = ? WHERE "id" = ?',
  );
  const report = { citations: rows.length, moved: 0, lost: [] };
  db.transaction(() => {
    for (const row of rows) {
      const text = textOf(row.sourceId) ?? "";
      let start = row.start;
      if (text.slice(row.start, row.end) !== row.quote) {
        start = nearestOccurrence(text, row.quote, row.start);
        if (start === -1) {
          update.run(row.start, row.end, row.prefix, row.suffix, 1, row.id);
          report.lost.push(row);
          continue;
        }
        report.moved++;
      }
      const end = start + row.quote.length;
      const prefix = text.slice(Math.max(0, start - CONTEXT), start);
      const suffix = text.slice(end, end + CONTEXT);
      if (start !== row.start || prefix !== row.prefix || suffix !== row.suffix || row.lost) {
        update.run(start, end, prefix, suffix, 0, row.id);
      }
    }
  })();
  report.steps = db.prepare('SELECT COUNT(*) FROM "StatusStep"').pluck().get();
  return report;
}

/** A report as lines for the console. */
export function describeStoryReport(report) {
  const lines = [
    `${STORY_MIGRATION}: ${report.steps} steps, ${report.citations} citations, each a row of its step; ` +
      `${report.moved} found at new offsets; ${report.lost.length} no longer found in its source` +
      (report.lost.length ? " (kept, marked lost):" : "."),
  ];
  for (const c of report.lost) {
    const quote = c.quote.length > 80 ? `${c.quote.slice(0, 80)}…` : c.quote;
    lines.push(`  ${c.leader}, step ${c.status} as of ${c.asOf ?? "(undated)"}: “${quote}”`);
  }
  return lines;
}

/**
 * Runs the data steps of the migrations just applied to the SQLite file.
 * @param {string} file
 * @param {string[]} applied
 * @param {(line: string) => void} log
 */
export async function runDataSteps(file, applied, log) {
  if (!applied.includes(STORY_MIGRATION)) return;
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file, { timeout: 10_000 });
  try {
    const report = relocateStepCitations(db);
    // A new, empty database has nothing to report.
    if (report.steps > 0) for (const line of describeStoryReport(report)) log(line);
  } finally {
    db.close();
  }
}
