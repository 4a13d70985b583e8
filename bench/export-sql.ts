/**
 * Baseline (c): the whole-site export's rows written by the sqlite3 command-line tool, with
 * the same joins and columns as GET /attendance.csv (lib/csv/attendance-rows.ts, wide format):
 * one row per entry in entry id order, the entry's citations one per line in their order.
 */
export function exportSql(origin: string) {
  const lines = (column: string) =>
    `(SELECT group_concat(v, char(10)) FROM (SELECT ${column} AS v FROM "Citation" c JOIN "Source" s ON s.id = c.sourceId WHERE c.stepId = a.currentStepId ORDER BY c.position))`;
  return `SELECT e.slug AS event, l.name AS leader, l.office AS office, l.polity AS country,
  coalesce(l.countryCode, '') AS country_code, a.status AS status,
  coalesce(substr(a.asOf, 1, 10), '') AS as_of,
  CASE WHEN a.sourcesDisagree THEN 'true' ELSE 'false' END AS sources_disagree, a.note AS note,
  coalesce(${lines("c.quote")}, '') AS quotes,
  coalesce(${lines("s.title")}, '') AS sources,
  coalesce(${lines("s.url")}, '') AS source_urls,
  replace(a.updatedAt, '+00:00', 'Z') AS updated_at,
  '${origin}/attendance/' || a.id AS url
FROM "Attendance" a JOIN "Event" e ON e.id = a.eventId JOIN "Leader" l ON l.id = a.leaderId
ORDER BY a.id;`;
}
