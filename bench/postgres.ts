/**
 * `npm run bench -- --postgres`: the same generated data, copied from the SQLite file into a
 * PostgreSQL database of its own (`rollcall_bench`, or `rollcall_bench_quick`), made afresh on
 * the server of BENCH_POSTGRES_URL (else TEST_POSTGRES_ADMIN_URL): a URL whose role may create
 * databases. The copy goes table by table in batches, the values converted as Prisma stores
 * them (DateTime as timestamp(3) in UTC, Boolean as boolean).
 */
import Database from "better-sqlite3";
import pg from "pg";
import { deployMigrations } from "../scripts/migrate.mjs";

/** Tables in an order that keeps every foreign key satisfied. */
const TABLES = [
  "user",
  "Event",
  "Source",
  "Leader",
  "Attendance",
  "Citation",
  "Revision",
  "StatusStep",
  "account",
  "session",
];

/** PostgreSQL takes at most 65,535 bound values a statement. */
const MAX_VALUES = 60_000;

export function benchPostgresUrl(quick: boolean): { admin: string; url: string } {
  const admin = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_ADMIN_URL;
  if (!admin) {
    throw new Error(
      "--postgres needs BENCH_POSTGRES_URL (or TEST_POSTGRES_ADMIN_URL): a PostgreSQL URL whose role may create databases.",
    );
  }
  const url = new URL(admin);
  url.pathname = `/rollcall_bench${quick ? "_quick" : ""}`;
  return { admin, url: url.toString() };
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A SQLite value as PostgreSQL's column of `type` takes it. */
function convert(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === "timestamp without time zone") {
    return typeof value === "number" ? new Date(value).toISOString() : value;
  }
  if (type === "boolean") return value === 1 || value === true;
  if (typeof value === "bigint") return value.toString();
  return value;
}

/** Makes the database afresh, migrates it and copies every row of the SQLite file into it. */
export async function copyToPostgres(sqliteFile: string, admin: string, url: string) {
  const name = new URL(url).pathname.slice(1);
  await withClient(admin, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  await deployMigrations(url);

  const source = new Database(sqliteFile, { readonly: true });
  source.defaultSafeIntegers(false);
  const copied: Record<string, number> = {};
  try {
    await withClient(url, async (client) => {
      // Rows reference each other both ways (an entry its current step, a step its entry), so
      // no table order satisfies every foreign key while copying; the SQLite file already does.
      // Needs a superuser, as BENCH_POSTGRES_URL is (it creates the database too).
      await client.query("SET session_replication_role = replica");
      for (const table of TABLES) {
        const columns = (
          await client.query<{ column_name: string; data_type: string }>(
            `SELECT column_name, data_type FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
            [table],
          )
        ).rows;
        const names = columns.map((c) => `"${c.column_name}"`).join(", ");
        const perBatch = Math.floor(MAX_VALUES / columns.length);
        let batch: unknown[][] = [];
        let count = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          const values: unknown[] = [];
          const tuples = batch.map((row) => {
            const start = values.length;
            values.push(...row);
            return `(${row.map((_, i) => `$${start + i + 1}`).join(", ")})`;
          });
          await client.query(
            `INSERT INTO "${table}" (${names}) VALUES ${tuples.join(", ")}`,
            values,
          );
          count += batch.length;
          batch = [];
        };
        await client.query("BEGIN");
        const statement = source.prepare(`SELECT ${names} FROM "${table}" ORDER BY rowid`).raw();
        for (const row of statement.iterate() as Iterable<unknown[]>) {
          batch.push(row.map((value, i) => convert(value, columns[i]!.data_type)));
          if (batch.length >= perBatch) await flush();
        }
        await flush();
        await client.query("COMMIT");
        copied[table] = count;
        if (columns.some((c) => c.column_name === "id" && c.data_type === "integer")) {
          await client.query(
            `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST(1, (SELECT max("id") FROM "${table}")))`,
          );
        }
      }
      await client.query("ANALYZE");
    });
  } finally {
    source.close();
  }
  return copied;
}

/** The first entry of the event `slug`, as bench/run.ts's sampleEntry. */
export async function samplePostgresEntry(url: string, slug: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ id: number; status: string }>(
      `SELECT a."id", a."status"::text AS "status" FROM "Attendance" a
       JOIN "Event" e ON e."id" = a."eventId" WHERE e."slug" = $1 ORDER BY a."id" LIMIT 1`,
      [slug],
    );
    return rows[0]!;
  });
}
