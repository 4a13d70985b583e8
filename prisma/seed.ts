/**
 * Seeds the first event and its source article. Idempotent: what exists is left as it is
 * (an editor's later changes are never overwritten), only what is missing is created.
 * Run with `npm run db:seed`; `scripts/prepare-db.ts` runs it on a new, empty database.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { recordFirstVersion } from "../lib/data/source-versions";
import { createEntry } from "../lib/data/story";
import { anchorQuote, describeAnchorError } from "../lib/quotes/anchor";
import { leaderSearchKey } from "../lib/text/search-key";

const DATA_DIR = path.join(import.meta.dirname, "data");

const seedFileSchema = z.object({
  event: z.object({
    slug: z.string(),
    name: z.string(),
    occasion: z.string(),
    place: z.string(),
    date: z.iso.date(),
    /** The last day; absent for a one-day event. */
    endDate: z.iso.date().optional(),
  }),
  source: z.object({ file: z.string(), meta: z.string() }),
  asOf: z.iso.date(),
  entries: z.array(
    z.object({
      leader: z.object({
        name: z.string(),
        office: z.string(),
        polity: z.string(),
        countryCode: z.string().length(2),
      }),
      status: z.enum(["confirmed", "reported", "declined"]),
      quotes: z.array(z.string()).min(1),
    }),
  ),
  sharedQuotes: z.record(z.string(), z.string()),
});

/** Other spellings of the seeded leaders' names, by the name the seed file gives them. */
const leaderAliasesSchema = z.object({
  leaders: z.record(z.string(), z.array(z.string().trim().min(1)).max(50)),
});

const sourceMetaSchema = z.object({
  title: z.string(),
  publisher: z.string(),
  url: z.url(),
  publishedOn: z.iso.date().nullable(),
  publishedNote: z.string().optional(),
});

export type SeedData = ReturnType<typeof loadSeedData>;

/** Reads and checks the seed files; every quote is anchored here, so a bad quote fails early. */
export function loadSeedData(
  file = "victory-day-parade-2025.json",
  aliasesFile = "leader-aliases.json",
) {
  const data = seedFileSchema.parse(JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), "utf8")));
  const meta = sourceMetaSchema.parse(
    JSON.parse(fs.readFileSync(path.join(DATA_DIR, data.source.meta), "utf8")),
  );
  const text = fs.readFileSync(path.join(DATA_DIR, data.source.file), "utf8");
  const aliases = leaderAliasesSchema.parse(
    JSON.parse(fs.readFileSync(path.join(DATA_DIR, aliasesFile), "utf8")),
  ).leaders;
  const names = new Set(data.entries.map((e) => e.leader.name));
  for (const name of Object.keys(aliases)) {
    if (!names.has(name))
      throw new Error(`Seed aliases for ${name}: no seeded leader has that name`);
  }
  const entries = data.entries.map((entry) => ({
    ...entry,
    leader: { ...entry.leader, aliases: aliases[entry.leader.name] ?? [] },
    citations: entry.quotes.map((q) => {
      const quote = data.sharedQuotes[q] ?? q;
      const result = anchorQuote(text, quote);
      if (!result.ok) {
        throw new Error(
          `Seed quote for ${entry.leader.name}: ${describeAnchorError(result.error)}`,
        );
      }
      return result.anchor;
    }),
  }));
  return { event: data.event, asOf: data.asOf, source: { ...meta, text }, entries };
}

export type SeedSummary = {
  created: { events: number; sources: number; leaders: number; entries: number; citations: number };
};

export async function seedDatabase(
  db: PrismaClient,
  data: SeedData = loadSeedData(),
): Promise<SeedSummary> {
  const created = { events: 0, sources: 0, leaders: 0, entries: 0, citations: 0 };

  await db.$transaction(async (tx) => {
    let event = await tx.event.findUnique({ where: { slug: data.event.slug } });
    if (!event) {
      event = await tx.event.create({
        data: {
          ...data.event,
          date: new Date(`${data.event.date}T00:00:00Z`),
          endDate: new Date(`${data.event.endDate ?? data.event.date}T00:00:00Z`),
        },
      });
      created.events++;
    }

    let source = await tx.source.findFirst({ where: { url: data.source.url } });
    if (!source) {
      source = await tx.source.create({
        data: {
          title: data.source.title,
          publisher: data.source.publisher,
          url: data.source.url,
          publishedOn: data.source.publishedOn
            ? new Date(`${data.source.publishedOn}T00:00:00Z`)
            : null,
          dateNote: data.source.publishedNote ?? "",
          text: data.source.text,
        },
      });
      await recordFirstVersion(tx, { seed: data.source.title }, source.id, source.addedAt);
      created.sources++;
    }

    for (const entry of data.entries) {
      let leader = await tx.leader.findFirst({
        where: { name: entry.leader.name, polity: entry.leader.polity },
      });
      if (!leader) {
        // Aliases come with a new leader only, like everything else the seed creates.
        leader = await tx.leader.create({
          data: {
            ...entry.leader,
            aliases: JSON.stringify(entry.leader.aliases),
            searchText: leaderSearchKey(entry.leader),
          },
        });
        created.leaders++;
      }

      const key = { eventId: event.id, leaderId: leader.id };
      if (await tx.attendance.findUnique({ where: { eventId_leaderId: key } })) continue;

      // A new entry with its one step (the article's claim, with its citations) and its
      // revision (imported from the article), in the same transaction.
      await createEntry(
        tx,
        { seed: source.title },
        {
          ...key,
          note: "",
          steps: [
            {
              status: entry.status,
              asOf: data.asOf,
              note: "",
              recordedAt: source.addedAt,
              citations: entry.citations.map((anchor) => ({ ...anchor, sourceId: source.id })),
            },
          ],
          summary: "Imported from the article",
        },
      );
      created.entries++;
      created.citations += entry.citations.length;
    }
  });

  return { created };
}

async function main() {
  const { createPrismaClient } = await import("../lib/database");
  const db = createPrismaClient();
  try {
    const { created } = await seedDatabase(db);
    const total = Object.values(created).reduce((a, b) => a + b, 0);
    console.log(
      total === 0
        ? "Seed: nothing to do, the database already has the seed data."
        : `Seed: created ${Object.entries(created)
            .map(([k, v]) => `${v} ${k}`)
            .join(", ")}.`,
    );
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
