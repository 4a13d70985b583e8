import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../factories";
import { configurePageCache } from "@/lib/cache/page-cache.mjs";
import type { Editor } from "@/lib/data/session";
import { leaderEditSchema } from "@/lib/validation/leader";
import { seedDatabase } from "../../prisma/seed";
import { createTestDatabase } from "./helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let editor: Editor;
let generation: typeof import("@/lib/data/generation");
let leaders: typeof import("@/lib/data/leaders");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db);
  editor = (await createAccount(t.db, {
    email: "g@example.org",
    name: "G. Eneration",
    password: "a-long-password",
  })) as Editor;
  generation = await import("@/lib/data/generation");
  leaders = await import("@/lib/data/leaders");
});
afterAll(() => {
  configurePageCache(undefined as never);
  return t.cleanup();
});

const rename = async (name: string) => {
  const leader = await t.db.leader.findFirstOrThrow({ where: { name: { contains: "Fico" } } });
  return leaders.updateLeader(
    editor,
    leader.id,
    leader.version,
    leaderEditSchema.parse({
      name,
      office: leader.office,
      polity: leader.polity,
      countryCode: leader.countryCode ?? "",
    }),
  );
};

describe("the data's generation", () => {
  it("is unknown until the server knows which database it has", async () => {
    configurePageCache(undefined as never);
    expect(await generation.getDataGeneration()).toBeNull();
  });

  it("stays while nothing changes and moves with every saved change, not with a refused one", async () => {
    configurePageCache({ namespace: "generation-test", cacheControl: "no-store" });
    const before = await generation.getDataGeneration();
    expect(before).toEqual({ namespace: "generation-test", revision: expect.any(Number) });
    expect(await generation.getDataGeneration()).toEqual(before);

    expect((await rename("Robert Fico Renamed")).ok).toBe(true);
    const after = await generation.getDataGeneration();
    expect(after!.revision).toBeGreaterThan(before!.revision);

    const leader = await t.db.leader.findFirstOrThrow({ where: { name: { contains: "Fico" } } });
    const stale = await leaders.updateLeader(
      editor,
      leader.id,
      leader.version - 1,
      leaderEditSchema.parse({ name: "Nobody", office: "X", polity: "Y", countryCode: "" }),
    );
    expect(stale.ok).toBe(false);
    expect(await generation.getDataGeneration()).toEqual(after);
  });

  it("names the committed state while a write is open, and moves when it commits", async () => {
    configurePageCache({ namespace: "generation-test", cacheControl: "no-store" });
    const committed = await generation.getDataGeneration();
    // Writes run one at a time (SQLite; on PostgreSQL the advisory lock, whose test is in
    // postgres-database.test.ts), so no revision numbered below the latest is still open.
    const seen = await t.db.$transaction(async (tx) => {
      const leader = await tx.leader.findFirstOrThrow({ where: { name: { contains: "Fico" } } });
      await tx.leader.update({ where: { id: leader.id }, data: { office: "Open write" } });
      await tx.revision.create({
        data: { entityType: "leader", entityId: leader.id, action: "update", actorName: "test" },
      });
      return generation.getDataGeneration();
    });
    expect(seen).toEqual(committed);
    expect((await generation.getDataGeneration())!.revision).toBeGreaterThan(committed!.revision);
  });
});
