import { expect, test, type Page } from "@playwright/test";
import fc from "fast-check";
import { SERVER_ACTIONS } from "./registry";
import { createSample, databaseHash, invariantViolations, openDatabase, SAMPLE_QUOTE } from "./db";
import { callAction, signIn, type ActionResponse } from "./http";
import { editors } from "./paths";
import { AppServer } from "./server";

/**
 * The spreadsheet import's two doors with what spreadsheets and attackers send: generated
 * files (any encoding, separator, cell, script payloads among them) must get a dry run or a
 * message, never a crash, and write nothing; the apply must refuse anything it did not sign;
 * and imported payloads must run on no page that shows them.
 */
const RUNS = Math.max(20, Math.floor(Number(process.env.PROPERTY_RUNS ?? 500) / 5));
const SEED = Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31);

let server: AppServer;
let cookie: string;
let sample: Awaited<ReturnType<typeof createSample>>;
let sourceUrl: string;
const door = (name: string) => SERVER_ACTIONS.find((a) => a.exportName === name)!;
const preview = door("previewImportAction");
const apply = door("applyImportAction");

const payloads = (field: string) =>
  `<script>__xss('${field}')</script><img src=x onerror=__xss('${field}')>` +
  `"><svg onload=__xss('${field}')></textarea>javascript:__xss('${field}')`;

test.beforeAll(async () => {
  console.log(`import: seed ${SEED}, ${RUNS} files; to run them again: PROPERTY_SEED=${SEED}`);
  server = await AppServer.start("import");
  sample = await createSample(server.dbFile);
  const db = openDatabase(server.dbFile, { readonly: true });
  sourceUrl = db
    .prepare("SELECT url FROM Source WHERE id = ?")
    .pluck()
    .get(sample.sourceId) as string;
  db.close();
  const { emails, password } = editors();
  cookie = await signIn(server, emails[0]!, password);
});
test.afterAll(async () => {
  await server?.stop();
});

const dryRun = (bytes: Uint8Array, eventId = sample.eventId) =>
  callAction(server, preview, {
    page: `/admin/events/${eventId}/import`,
    bound: [eventId],
    fields: [["file", new Blob([Buffer.from(bytes)], { type: "text/csv" })]],
    cookie,
    origin: server.origin,
  });

type PreviewState = {
  message?: string;
  preview?: { rows: unknown[]; token: string; counts: { add: number } };
};

function encode(text: string, how: "utf8" | "bom" | "utf16le" | "utf16be"): Uint8Array {
  if (how === "utf8") return Buffer.from(text, "utf8");
  if (how === "bom") return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  const body = Buffer.from(text, "utf16le");
  if (how === "utf16be") body.swap16();
  return Buffer.concat([Buffer.from(how === "utf16le" ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

const cellArb = fc.oneof(
  fc.constantFrom(
    "confirmed",
    "Did not attend",
    "maybe",
    "2001-05-01",
    "31/12/2001",
    "",
    SAMPLE_QUOTE,
    "=1+2",
    '\'=HYPERLINK("x")',
    "\r\n",
    '"',
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constant(payloads("cell")),
  fc.constant("x".repeat(6000)),
);
const fileArb = fc.record({
  header: fc.oneof<fc.Arbitrary<string[]>[]>(
    fc.constant(["leader", "country", "office", "status", "as_of", "source", "quote", "note"]),
    fc.shuffledSubarray([
      "leader",
      "country",
      "office",
      "status",
      "as_of",
      "source",
      "quote",
      "note",
      "??",
    ]),
  ),
  rows: fc.array(fc.array(cellArb, { maxLength: 10 }), { maxLength: 12 }),
  separator: fc.constantFrom(",", ";", "\t"),
  encoding: fc.constantFrom("utf8", "bom", "utf16le", "utf16be") as fc.Arbitrary<
    "utf8" | "bom" | "utf16le" | "utf16be"
  >,
});

const quoteCell = (v: string) => `"${v.replaceAll('"', '""')}"`;

test("generated files get a dry run or a message, never a crash, and write nothing", async () => {
  const before = databaseHash(server.dbFile, { except: ["session", "rateLimit"] });
  const answers = { previews: 0, messages: 0 };
  await fc.assert(
    fc.asyncProperty(fileArb, async (file) => {
      const lines = [file.header, ...file.rows].map((r) => r.map(quoteCell).join(file.separator));
      const response = await dryRun(encode(lines.join("\r\n"), file.encoding));
      expect(response.status, response.body.slice(0, 300)).toBe(200);
      expect(response.thrown).toBeFalsy();
      const state = response.state as PreviewState;
      expect(Boolean(state.preview) || Boolean(state.message)).toBe(true);
      if (state.preview) answers.previews++;
      else answers.messages++;
    }),
    { numRuns: RUNS, seed: SEED },
  );
  expect(databaseHash(server.dbFile, { except: ["session", "rateLimit"] })).toBe(before);
  console.log(
    `import: ${answers.previews} dry runs, ${answers.messages} messages, nothing written`,
  );
});

test("the apply writes only what this server signed, for this event, and nothing twice", async () => {
  const file = `leader,country,office,status,as_of,source,quote\r\nApplied Leader,Ruritania,President,confirmed,2001-05-01,${sourceUrl},"${SAMPLE_QUOTE}"\r\n`;
  const state = (await dryRun(encode(file, "utf8"))).state as PreviewState;
  expect(state.preview?.counts.add, JSON.stringify(state)).toBe(1);
  const token = state.preview!.token;
  const call = (value: string, eventId = sample.eventId) =>
    callAction(server, apply, {
      page: `/admin/events/${eventId}/import`,
      bound: [eventId],
      fields: { token: value },
      cookie,
      origin: server.origin,
    });
  const before = databaseHash(server.dbFile, { except: ["session", "rateLimit"] });
  const [body, mac] = token.split(".");
  const flipped = (s: string) => `${s.slice(0, -1)}${s.endsWith("A") ? "B" : "A"}`;
  const refusals: [string, ActionResponse][] = [
    ["a changed body", await call(`${flipped(body!)}.${mac}`)],
    ["a changed signature", await call(`${body}.${flipped(mac!)}`)],
    ["another event", await call(token, sample.emptyEventId)],
    ["no token", await call("")],
  ];
  await fc.assert(
    fc.asyncProperty(fc.string({ maxLength: 200 }), async (value) => {
      const r = await call(value);
      expect(r.redirect).toBeUndefined();
      expect((r.state as PreviewState).message).toBeTruthy();
    }),
    { numRuns: Math.min(RUNS, 40), seed: SEED },
  );
  for (const [what, r] of refusals) {
    expect(r.redirect, what).toBeUndefined();
    expect((r.state as PreviewState).message, what).toMatch(/Nothing was saved/);
  }
  expect(databaseHash(server.dbFile, { except: ["session", "rateLimit"] })).toBe(before);

  const applied = await call(token);
  expect(applied.redirect).toMatch(/\?added=1&skipped=0&leaders=1$/);
  const again = await call(token);
  expect(again.redirect).toMatch(/\?added=0&skipped=1&leaders=0$/);
  expect(invariantViolations(server.dbFile)).toEqual([]);
});

/** Records any payload that runs on `page` (a call to __xss, or a dialog). */
async function watch(page: Page): Promise<string[]> {
  const ran: string[] = [];
  page.on("dialog", (dialog) => {
    ran.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.exposeFunction("__xssReport", (what: string) => ran.push(what));
  await page.addInitScript(() => {
    const w = window as unknown as { __xss: (w: string) => void; __xssReport: (w: string) => void };
    w.__xss = (what) => void w.__xssReport(what);
  });
  return ran;
}

test("script payloads in an imported file run neither in the dry run nor on the pages that show them", async ({
  page,
}) => {
  const ran = await watch(page);
  const [name, value] = cookie.split(";")[0]!.split("=");
  await page.context().addCookies([{ name: name!, value: value!, url: server.url }]);
  const leader = `Payload ${payloads("leader")}`;
  const file =
    "leader,country,office,status,as_of,source,quote,note\r\n" +
    [
      leader,
      payloads("country"),
      payloads("office"),
      "reported",
      "2001-05-02",
      sourceUrl,
      SAMPLE_QUOTE,
      payloads("note"),
    ]
      .map(quoteCell)
      .join(",") +
    "\r\n" +
    [
      payloads("refused"),
      "",
      "",
      payloads("status"),
      payloads("date"),
      payloads("source"),
      payloads("quote"),
      "",
    ]
      .map(quoteCell)
      .join(",") +
    "\r\n";
  await page.goto(`${server.url}/admin/events/${sample.eventId}/import`);
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "x.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await page.getByRole("button", { name: "Dry run" }).click();
  await expect(page.getByRole("heading", { name: /Dry run/ })).toBeVisible();
  expect(await page.content()).toContain("__xss(");
  await page.getByRole("button", { name: "Apply: add 1 row" }).click();
  await expect(page.getByText(/Imported: 1 step added/)).toBeVisible();
  const db = openDatabase(server.dbFile, { readonly: true });
  const row = db
    .prepare(
      "SELECT a.id, e.slug FROM Attendance a JOIN Leader l ON l.id = a.leaderId JOIN Event e ON e.id = a.eventId WHERE l.name = ?",
    )
    .get(leader) as { id: number; slug: string };
  db.close();
  for (const path of [`/events/${row.slug}`, `/attendance/${row.id}`]) {
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status(), path).toBe(200);
    await page.getByText("The chart as tables").first().click();
    expect(await page.content(), path).toContain("__xss(");
  }
  expect(ran).toEqual([]);
});
