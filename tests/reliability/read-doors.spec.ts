import { expect, test } from "@playwright/test";
import { databaseHash } from "./db";
import { READ_DOOR_INPUTS, READ_DOORS } from "./registry";
import { AppServer } from "./server";

/**
 * The doors made for other sites and tools (the feeds, oEmbed, the embed page), tried with
 * the registry's generated inputs: each answers, none with a 500 or an input unescaped;
 * nothing is written; only the embed may be framed.
 */
let server: AppServer;
const SLUG = "victory-day-parade-2025";

test.beforeAll(async () => {
  server = await AppServer.start("read-doors");
});
test.afterAll(async () => {
  await server?.stop();
});

const headerValues = (response: Response, name: string) =>
  (response.headers.get(name) ?? "").split(/,\s*(?=default-src)/).filter(Boolean);

test("each read door answers the seeded event, and only the embed may be framed", async () => {
  for (const door of READ_DOORS) {
    const response = await fetch(server.url + door.path(SLUG, server.origin), {
      redirect: "manual",
    });
    expect(response.status, door.name).toBe(200);
    expect(response.headers.get("content-type"), door.name).toContain(door.type);
    const body = await response.text();
    expect(body.length, door.name).toBeGreaterThan(200);
    if (door.framable) {
      expect(response.headers.get("x-frame-options"), door.name).toBeNull();
      const policies = headerValues(response, "content-security-policy");
      expect(policies.length).toBeGreaterThan(0);
      for (const p of policies) expect(p, door.name).toContain("frame-ancestors *");
      // Besides the base policy, one of its own that allows no inline script but those it
      // names (a cached page's hashes; none here).
      expect(
        policies.some((p) => !/script-src[^;]*'unsafe-inline'/.test(p)),
        door.name,
      ).toBe(true);
    } else {
      expect(response.headers.get("x-frame-options"), door.name).toBe("DENY");
    }
  }
});

test("generated inputs get no 500, come back escaped and write nothing", async () => {
  const before = databaseHash(server.dbFile);
  for (const input of READ_DOOR_INPUTS) {
    const response = await fetch(server.url + input.path(SLUG, server.origin), {
      redirect: "manual",
    });
    expect(response.status, input.name).toBeLessThan(500);
    const body = await response.text();
    expect(body, input.name).not.toMatch(/<script>alert|<img src=x onerror/);
  }
  expect(databaseHash(server.dbFile)).toBe(before);
});

test("the feeds stay cached until an edit, with the configured Cache-Control", async () => {
  for (const path of [`/events/${SLUG}/feed.xml`, "/feed.xml"]) {
    await fetch(server.url + path).then((r) => r.arrayBuffer());
    const response = await fetch(server.url + path);
    expect(response.headers.get("x-nextjs-cache"), path).toBe("HIT");
    expect(response.headers.get("cache-control"), path).toMatch(
      /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/,
    );
  }
});
