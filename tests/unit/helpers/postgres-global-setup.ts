import pg from "pg";

/**
 * The PostgreSQL project needs a server: say so plainly rather than fail in every file (the
 * orchestrator reports the suite as not run when it has none to give).
 */
export default async function setup() {
  const url = process.env.TEST_POSTGRES_ADMIN_URL;
  if (!url) {
    throw new Error(
      "The postgres project needs TEST_POSTGRES_ADMIN_URL: a PostgreSQL URL whose role may create " +
        "databases, e.g. postgresql://user:password@127.0.0.1:5432/postgres",
    );
  }
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new Error(`TEST_POSTGRES_ADMIN_URL does not answer: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
