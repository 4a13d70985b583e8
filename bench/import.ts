/**
 * The spreadsheet import at size: a dry run and an apply of N rows that each create a new
 * leader (the heaviest kind of row) into the seeded event, on a fresh SQLite file, timed.
 *
 *   npx tsx --conditions=react-server bench/import.ts 2000 [--dry-run]
 *
 * `--dry-run` times the dry run alone.
 * One size a run: the app's client (lib/db.ts) is made once a process, for one database.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deployMigrations } from "../scripts/migrate.mjs";

const size = Number(process.argv[2]);
const dryRunOnly = process.argv.includes("--dry-run");
if (!Number.isInteger(size) || size < 1 || size > 20_000) {
  console.error(
    "Usage: tsx --conditions=react-server bench/import.ts <rows, 1 to 20000> [--dry-run]",
  );
  process.exit(2);
}

process.env.BETTER_AUTH_SECRET ??= "a-bench-secret-of-at-least-thirty-two-characters";

async function run(rows: number) {
  const dir = mkdtempSync(path.join(tmpdir(), "rollcall-import-bench-"));
  const file = path.join(dir, "bench.db");
  try {
    await deployMigrations(file, { log: () => undefined });
    process.env.DATABASE_URL = `file:${file}`;
    // After DATABASE_URL: lib/db.ts builds its client from it when first imported.
    const { createPrismaClient } = await import("../lib/database");
    const { seedDatabase } = await import("../prisma/seed");
    const { createEditor } = await import("../lib/auth/editors");
    const { previewImport, applyImport } = await import("../lib/data/import");
    const setup = createPrismaClient(`file:${file}`);
    await seedDatabase(setup);
    const editor = await createEditor(setup, {
      email: "bench@example.org",
      name: "B. Ench",
      password: "a-long-password",
      role: "editor",
    });
    const event = await setup.event.findFirstOrThrow();
    const source = await setup.source.findFirstOrThrow();
    const lines = ["leader,country,office,status,as_of,source,quote"];
    for (let i = 1; i <= rows; i++)
      lines.push(
        `Bench Leader ${String(i).padStart(5, "0")},Ruritania,President,reported,2025-04-12,${source.id},Robert Fico is the only EU leader`,
      );
    const bytes = new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);

    // CPU time beside the wall clock: on a busy machine it is the steadier of the two.
    const cpu = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    let t = performance.now();
    let c = cpu();
    const preview = await previewImport(editor as never, event.id, bytes);
    const previewMs = performance.now() - t;
    const previewCpuMs = cpu() - c;
    if (!preview.ok) throw new Error(preview.message);
    if (preview.preview.counts.add !== rows) throw new Error("Not every row was accepted.");

    if (dryRunOnly) return { rows, previewMs, previewCpuMs, applyMs: NaN, applyCpuMs: NaN };
    t = performance.now();
    c = cpu();
    const applied = await applyImport(editor as never, event.id, preview.preview.token);
    const applyMs = performance.now() - t;
    const applyCpuMs = cpu() - c;
    if (!applied.ok) throw new Error(applied.message);
    if (applied.added !== rows || applied.leadersCreated !== rows)
      throw new Error(`Applied ${applied.added} rows and ${applied.leadersCreated} leaders.`);
    // Committed, not just answered: read back through a connection of its own.
    const steps = await setup.statusStep.count({ where: { attendance: { eventId: event.id } } });
    if (steps < rows) throw new Error(`Only ${steps} steps are stored after the apply.`);
    await setup.$disconnect();
    const { db } = await import("../lib/db");
    await db.$disconnect();
    return { rows, previewMs, previewCpuMs, applyMs, applyCpuMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const r = await run(size);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const dryRun = `${String(r.rows).padStart(6)} rows: dry run ${s(r.previewMs)} (CPU ${s(r.previewCpuMs)})`;
console.log(
  dryRunOnly
    ? dryRun
    : `${dryRun}, apply ${s(r.applyMs)} (CPU ${s(r.applyCpuMs)}, ${(r.applyCpuMs / r.rows).toFixed(2)} ms CPU a row)`,
);
