import { expect, test } from "@playwright/test";
import { SERVER_ACTIONS } from "./registry";
import { SAMPLE_TEXT, openDatabase } from "./db";
import { callAction, signIn } from "./http";
import { editors } from "./paths";
import { AppServer } from "./server";

/**
 * A crash loses nothing that was acknowledged: the server is killed (SIGKILL, no shutdown) while
 * editors save, ten times. After each restart the database must pass `PRAGMA integrity_check` and
 * hold every save that got its success answer. A process crash leaves the operating system's cache
 * alone, so this cannot show what synchronous=FULL adds (surviving the machine's crash or power
 * loss); it shows that what is acknowledged is committed, and that WAL recovery after a crash
 * leaves a sound file.
 */
const ROUNDS = 10;
const WRITERS = 4;

let server: AppServer;

test.beforeAll(async () => {
  server = await AppServer.start("crash");
});
test.afterAll(async () => {
  await server?.stop();
});

const createSource = SERVER_ACTIONS.find((a) => a.exportName === "createSourceAction")!;

test(`kill -9 during saves, ${ROUNDS} times: the database is sound and every acknowledged save is there`, async () => {
  const { emails, password } = editors();
  const cookie = await signIn(server, emails[0]!, password);
  const acknowledged: string[] = [];
  const figures: string[] = [];
  let attempted = 0;

  for (let round = 1; round <= ROUNDS; round++) {
    let killed = false;
    let inRound = 0;
    let unanswered = 0;
    const writer = async (w: number) => {
      for (let n = 0; !killed; n++) {
        const title = `Crash ${round}.${w}.${n}`;
        attempted++;
        try {
          const response = await callAction(server, createSource, {
            page: "/admin/sources/new",
            fields: {
              title,
              publisher: "Example Wire",
              url: `https://example.org/crash/${round}/${w}/${n}`,
              publishedOn: "",
              dateNote: "",
              text: `${SAMPLE_TEXT} (${title})`,
            },
            cookie,
            origin: server.origin,
          });
          expect(response.redirect, JSON.stringify(response.state)).toMatch(
            /^\/admin\/sources\/\d+/,
          );
          acknowledged.push(title);
          inRound++;
        } catch (error) {
          if (!killed) throw error;
          unanswered++; // in flight when the server died: never acknowledged
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    // Kill once saves are flowing, at a different moment each round.
    while (inRound < 3) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 37 * round));
    killed = true;
    await server.kill();
    await Promise.all(writers);

    const restarted = performance.now();
    await server.launch();
    const restartMs = Math.round(performance.now() - restarted);
    const db = openDatabase(server.dbFile, { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true }), `round ${round}`).toBe("ok");
      const stored = new Set(
        db.prepare("SELECT title FROM Source WHERE title LIKE 'Crash %'").pluck().all() as string[],
      );
      const missing = acknowledged.filter((title) => !stored.has(title));
      expect(missing, `round ${round}: acknowledged saves missing after the crash`).toEqual([]);
    } finally {
      db.close();
    }
    figures.push(
      `round ${round}: ${inRound} acknowledged, ${unanswered} cut off, restart ${restartMs} ms`,
    );
  }
  console.log(
    `crash: ${ROUNDS} kills, ${attempted} saves attempted, ${acknowledged.length} acknowledged, all present; integrity ok each time\n  ${figures.join("\n  ")}`,
  );
});
