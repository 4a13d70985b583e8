import { connection } from "next/server";
import { checkDatabase } from "@/lib/data/health";

/** Liveness and database check for load balancers, the tests and the benchmark. */
export async function GET() {
  await connection();
  try {
    await checkDatabase();
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, error: "The database is not reachable." }, { status: 503 });
  }
}
