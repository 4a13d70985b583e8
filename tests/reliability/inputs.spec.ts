import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { createPrismaClient } from "../../lib/database";
import { cutText } from "../../lib/text/cut";
import { createLeader } from "../factories";
import { SERVER_ACTIONS, type ServerActionDoor } from "./registry";
import type { FormState } from "../../lib/validation/errors";
import { createSample, databaseHash, invariantViolations, openDatabase } from "./db";
import { callAction, signIn, type ActionResponse, type FormEntries } from "./http";
import { editors } from "./paths";
import { AppServer } from "./server";

/**
 * Bad input gets a clear error, never a crash: for every form, generated submissions through the
 * real HTTP path, signed in, from this site's Origin. Each response must be a success (the action's
 * redirect) or the form's state with a message a person can act on, and field errors only for
 * fields the form shows. After each form, every stored row must still be valid
 * (invariantViolations).
 */
const RUNS_PER_FORM = Number(process.env.PROPERTY_RUNS ?? 500);
/** The fetch forms: their answers are a few refusals, each quick; a fifth as many is plenty. */
const FETCH_RUNS = Math.ceil(RUNS_PER_FORM / 5);
const CONCURRENCY = 4;
/**
 * Every form's runs come from this seed (share i from SEED + i): a failure prints it, and the
 * file run again with PROPERTY_SEED set to it makes the same submissions on the same records.
 * The whole file, not the one test: each form starts from what the forms before it stored.
 */
const SEED = Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31);
const RERUN = `PROPERTY_SEED=${SEED}${process.env.PROPERTY_RUNS ? ` PROPERTY_RUNS=${RUNS_PER_FORM}` : ""} npx playwright test -c tests/reliability/playwright.config.ts inputs.spec.ts`;

let server: AppServer;
let cookie: string;
const figures: string[] = [];
/** The records each of the concurrent runs works on (see pools). */
const samples: Sample[] = [];

test.beforeAll(async () => {
  console.log(`inputs: seed ${SEED}; to run these submissions again: ${RERUN}`);
  server = await AppServer.start("inputs");
  const { emails, password } = editors();
  // An event with a source, an entry and a free leader for each run: its own records, named
  // the same in every run of the file.
  for (let i = 0; i < CONCURRENCY; i++) samples.push(await createSample(server.dbFile, `run${i}`));
  cookie = await signIn(server, emails[0]!, password);
});
test.afterAll(async () => {
  await server?.stop();
  console.log(`inputs (seed ${SEED}, ${RUNS_PER_FORM} per form):\n  ${figures.join("\n  ")}`);
});

// ---- What the database holds, for generators that aim at real and unreal records ----

type Sample = Awaited<ReturnType<typeof createSample>>;
type Pools = {
  run: number;
  events: number[];
  entries: number[];
  /** Steps with their entry, for the step forms' two bound ids. */
  steps: { id: number; attendanceId: number }[];
  leaders: number[];
  sources: { id: number; text: string }[];
};

/**
 * The records of one run: its sample's, and the entries (with their steps and leaders) on its
 * sample's events. The runs go on at once against one server; on records of their own, what
 * one run finds does not depend on how its requests interleaved with another's, and a seed
 * makes the same submissions on the same rows again. A record deleted meanwhile stays in the
 * lists, as an id that names nothing.
 */
function pools(run: number): Pools {
  const sample = samples[run]!;
  const db = openDatabase(server.dbFile, { readonly: true });
  try {
    const events = [sample.eventId, sample.emptyEventId];
    const onEvents = `SELECT id FROM Attendance WHERE eventId IN (${events.join(",")})`;
    const entries = db.prepare(`${onEvents} ORDER BY id`).pluck().all() as number[];
    const entryLeaders = db
      .prepare(`SELECT DISTINCT leaderId FROM Attendance WHERE id IN (${onEvents}) ORDER BY 1`)
      .pluck()
      .all() as number[];
    const steps = db
      .prepare(
        `SELECT id, attendanceId FROM StatusStep WHERE attendanceId IN (${onEvents}) ORDER BY id`,
      )
      .all() as Pools["steps"];
    const text = db.prepare("SELECT text FROM Source WHERE id = ?").pluck();
    return {
      run,
      events,
      entries: entries.length ? entries : [sample.attendanceId],
      steps: steps.length ? steps : [{ id: sample.stepId, attendanceId: sample.attendanceId }],
      leaders: [...new Set([sample.leaderId, sample.twinLeaderId, ...entryLeaders])],
      sources: [sample.sourceId, sample.uncitedSourceId].map((id) => ({
        id,
        text: (text.get(id) as string | undefined) ?? sample.sourceText,
      })),
    };
  } finally {
    db.close();
  }
}

/** The stored row the form edits, for a submission that carries its current version. */
function current(table: "Attendance" | "Leader" | "Source" | "Event" | "StatusStep", id: unknown) {
  const db = openDatabase(server.dbFile, { readonly: true });
  try {
    const columns = table === "Source" ? "version, text" : "version";
    return (db.prepare(`SELECT ${columns} FROM ${table} WHERE id = ?`).get(Number(id) || 0) ?? {
      version: 1,
      text: "",
    }) as { version: number; text?: string };
  } finally {
    db.close();
  }
}

// ---- Generators ----

const CONTROL_CHARS = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u001b", "\u007f"];
const SCRIPT = `<script>alert(1)</script><img src=x onerror=alert(1)>"'\`</textarea>`;

/** Text a person (or a script) might put into any field. */
const nastyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({
    unit: fc.constantFrom(
      ...CONTROL_CHARS,
      "a",
      " ",
      "\n",
      "\r",
      "\t",
      "\u2028",
      "\u202e",
      "\ufeff",
    ),
    maxLength: 30,
  }),
  fc.constantFrom(
    "",
    " ",
    "\t \n",
    "0",
    "-1",
    "1.5",
    "1e309",
    "NaN",
    "null",
    "undefined",
    "true",
    "[object Object]",
    "9007199254740993",
    "99999999999999999999999",
    "$$",
    "$@1",
    "$K1",
    "__proto__",
    SCRIPT,
    "javascript:alert(1)",
    '=HYPERLINK("https://evil.example")',
    "Zembla’s Prime Minister",
  ),
  fc
    .tuple(
      fc.constantFrom(199, 200, 201, 300, 301, 2_000, 2_001, 5_000, 5_001, 20_000),
      fc.constantFrom("x", "é", "語", "😀"),
    )
    .map(([n, c]) => c.repeat(n)),
);

const nastyId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "0",
    "-1",
    "-9007199254740993",
    "9007199254740992",
    "1e3",
    "0x10",
    "01",
    " 1",
    "1 ",
    "1.0",
  ),
  fc.bigInt({ min: 10n ** 15n, max: 10n ** 30n }).map(String),
  nastyText,
);

/**
 * A form field, two ways: as a careful editor fills it (`valid`), and as anything may come
 * (`mixed`: valid, odd, missing, repeated, or a file where text belongs).
 */
type Part = { valid: fc.Arbitrary<FormEntries>; mixed: fc.Arbitrary<FormEntries> };

function field(
  name: string,
  valid: fc.Arbitrary<string>,
  odd: fc.Arbitrary<string> = nastyText,
): Part {
  const one = (v: string | Blob): FormEntries => [[name, v]];
  return {
    valid: valid.map(one),
    mixed: fc.oneof(
      { weight: 6, arbitrary: valid.map(one) },
      { weight: 3, arbitrary: odd.map(one) },
      { weight: 1, arbitrary: fc.constant<FormEntries>([]) },
      {
        weight: 1,
        arbitrary: fc.tuple(valid, odd).map(([a, b]): FormEntries => [
          [name, a],
          [name, b],
        ]),
      },
      { weight: 1, arbitrary: fc.constant(one(new Blob(["not text"]))) },
    ),
  };
}

/** Field names no form has: prototype keys, deep paths, Next's own prefixes. */
const strayFields = fc.array(
  fc.tuple(
    fc.constantFrom(
      "__proto__.polluted",
      "constructor.prototype.x",
      "a.b.c.d",
      "$ACTION_ID_x",
      "citations.999.quote",
      "citations.-1.quote",
      "leader",
      "citations",
    ),
    nastyText,
  ),
  { maxLength: 2 },
);

/** A third of the submissions as an editor would make them, the rest anything at all. */
const forms = (parts: Part[]) =>
  fc.oneof(
    fc.tuple(...parts.map((p) => p.valid)).map((fields) => fields.flat() as FormEntries),
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.tuple(...parts.map((p) => p.mixed)), strayFields, fc.boolean())
        .map(([fields, stray, reversed]) => {
          const entries = [...fields.flat(), ...stray] as FormEntries;
          return reversed ? entries.reverse() : entries;
        }),
    },
  );

const dates = fc.oneof(
  fc
    .date({ min: new Date("1900-01-01"), max: new Date("2200-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(
    "",
    "1899-12-31",
    "2201-01-01",
    "2025-02-30",
    "2025-13-01",
    "12/04/2025",
    "2025-04-12T00:00:00Z",
  ),
);

/** A citation: a slice of a stored text with its source's id (found once, or several times). */
function citation(p: Pools, i: number): Part {
  const slice = (min: number) =>
    fc
      .tuple(fc.constantFrom(...p.sources), fc.nat(), fc.integer({ min, max: 90 }))
      .map(([s, at, length]) => ({
        id: String(s.id),
        quote: s.text.slice(at % s.text.length, (at % s.text.length) + length),
      }));
  const valid = slice(15).map(({ id, quote }): FormEntries => [
    [`citations.${i}.sourceId`, id],
    [`citations.${i}.quote`, quote],
  ]);
  // Mixed: a quote from one source paired with any id ("not in this source"), and the rest.
  const sourceId = field(
    `citations.${i}.sourceId`,
    fc.constantFrom(...p.sources.map((s) => String(s.id))),
    nastyId,
  );
  const quote = field(
    `citations.${i}.quote`,
    slice(1).map((s) => s.quote),
  );
  return { valid, mixed: fc.tuple(sourceId.mixed, quote.mixed).map(([a, b]) => [...a, ...b]) };
}

function stepParts(p: Pools): Part[] {
  return [
    // A plan, or after the event an outcome; with or without who represented the leader.
    field(
      "status",
      fc.constantFrom(
        "confirmed",
        "reported",
        "declined",
        "attended",
        "partly_attended",
        "did_not_attend",
      ),
    ),
    field("asOf", dates),
    field("note", fc.oneof(fc.constant(""), fc.string({ maxLength: 80 }))),
    field("representativeId", fc.constantFrom("", ...p.leaders.map(String)), nastyId),
    field("confirmDates", fc.constantFrom("", "on")),
    citation(p, 0),
    citation(p, 1),
    citation(p, 3),
  ];
}

/** Two bound arguments, as the step forms bind them: (entry id, step id). */
type BoundPair = { pair: [unknown, unknown] };
const isPair = (bound: unknown): bound is BoundPair =>
  typeof bound === "object" && bound !== null && "pair" in bound;

/** A step's two bound ids: its entry's and its own, mostly a real pair, sometimes not. */
function boundStep(p: Pools): fc.Arbitrary<BoundPair> {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .constantFrom(...p.steps)
        .map((s): BoundPair => ({ pair: [s.attendanceId, s.id] })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(boundId(p.entries), boundId(p.steps.map((s) => s.id)))
        .map((pair) => ({ pair })),
    },
  );
}

function entryParts(p: Pools): Part[] {
  return [
    field("eventId", fc.constantFrom(...p.events.map(String)), nastyId),
    field("leaderMode", fc.constantFrom("existing", "new")),
    field("leaderId", fc.constantFrom(...p.leaders.map(String)), nastyId),
    field("leader.name", fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 })),
    field("leader.office", fc.constantFrom("President", "King")),
    field("leader.polity", fc.constantFrom("Ruritania", "Zembla")),
    field("leader.countryCode", fc.constantFrom("", "VE", "ba", "XX")),
    field(
      "status",
      fc.constantFrom(
        "confirmed",
        "reported",
        "declined",
        "attended",
        "partly_attended",
        "did_not_attend",
      ),
    ),
    field("asOf", dates),
    field("note", fc.oneof(fc.constant(""), fc.string({ maxLength: 80 }))),
    field("stepNote", fc.oneof(fc.constant(""), fc.string({ maxLength: 80 }))),
    field("representativeId", fc.constantFrom("", ...p.leaders.map(String)), nastyId),
    field("confirmDates", fc.constantFrom("", "on")),
    citation(p, 0),
    citation(p, 1),
    citation(p, 3),
  ];
}

const urls = fc.oneof(
  fc.webUrl({ validSchemes: ["http", "https"] }),
  fc.constantFrom(
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/",
    "//evil.example/",
    "http://",
    "https://exa mple.org/",
    "http://localhost/",
    "http://127.0.0.1/",
    "https://пример.рф/",
    "https://example.org/\u0000",
    `https://example.org/${"a".repeat(2_000)}`,
  ),
);

/** For an update, KEEP stands for the stored text (so its citations still anchor) plus more. */
function sourceParts({ update = false } = {}): Part[] {
  const text = fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 400 }) },
    {
      weight: update ? 6 : 0,
      arbitrary: fc.string({ maxLength: 40 }).map((more) => `KEEP${more}`),
    },
    { weight: 1, arbitrary: fc.constantFrom("a\r\nb\rc", "\u0000", "   ", SCRIPT) },
    { weight: 1, arbitrary: fc.constantFrom(499_999, 500_001).map((n) => "x".repeat(n)) },
    // Within the limit in characters, but 1.5 MB once encoded.
    { weight: 1, arbitrary: fc.constant("語".repeat(499_000)) },
  );
  return [
    field("title", fc.string({ unit: "grapheme", minLength: 1, maxLength: 80 })),
    field("publisher", fc.constantFrom("Example Wire", "bne IntelliNews")),
    field("url", urls, fc.oneof(urls, nastyText)),
    field("publishedOn", dates),
    field("dateNote", fc.string({ maxLength: 60 })),
    field("text", text),
  ];
}

/**
 * Hosts that name this machine, its networks, a cloud's metadata service or no one, each a
 * literal address: none is a name to look up (this machine has no public DNS, and a lookup
 * could last the fetch's whole time limit), so each must be refused before any connection.
 */
const PRIVATE_HOSTS = [
  "127.0.0.1",
  "127.255.255.254",
  "10.0.0.1",
  "172.16.0.1",
  "192.168.1.1",
  "100.100.100.200",
  "169.254.169.254",
  "0.0.0.0",
  "255.255.255.255",
  "224.0.0.1",
  "192.0.2.1",
  "240.0.0.1",
  "[::1]",
  "[::]",
  "[fe80::1]",
  "[fd00::1]",
  "[ff02::1]",
  "[2001:db8::1]",
  // IPv4 written as IPv6: mapped, spelled out, in hex; NAT64 and 6to4 of a private one.
  "[::ffff:127.0.0.1]",
  "[0:0:0:0:0:ffff:7f00:1]",
  "[::ffff:a9fe:a9fe]",
  "[64:ff9b::a9fe:a9fe]",
  "[2002:7f00:1::1]",
  // 127.0.0.1 and 0.0.0.0 as a URL parser still reads them: decimal, octal, hex, short.
  "2130706433",
  "0177.0.0.1",
  "017700000001",
  "0x7f.0.0.1",
  "0x7f000001",
  "127.1",
  "0",
];

/** An http(s) address of a private host, dressed as an attacker might dress it. */
const privateAddresses = fc
  .tuple(
    fc.constantFrom("http://", "https://", "HTTP://"),
    // A name before the @ is a user name, not the host.
    fc.constantFrom("", "user:pass@", "example.org@"),
    fc.constantFrom(...PRIVATE_HOSTS),
    fc.constantFrom("", ":80", ":8080", ":6379"),
    fc.constantFrom(
      "/",
      "",
      "/latest/meta-data/iam/security-credentials/",
      "/computeMetadata/v1/?recursive=true",
      `/${SCRIPT}`,
      "/é/語/😀?q=\u202e",
      "/..%2f..%2fetc/passwd",
      "/#@example.org",
    ),
  )
  .map((parts) => parts.join(""));

/** Addresses a fetch refuses for what they are: other schemes, malformed, too long, tricks. */
const oddAddresses = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "file:///etc/passwd",
    "file://127.0.0.1/etc/passwd",
    "ftp://127.0.0.1/",
    "ftp://10.0.0.1/pub/",
    "gopher://127.0.0.1:6379/_INFO",
    "ws://127.0.0.1/",
    "view-source:http://127.0.0.1/",
    "http://",
    "http:///",
    "http//127.0.0.1/",
    "//127.0.0.1/",
    "127.0.0.1",
    "http://[::1",
    "http://[::1]]/",
    "http://[fe80::1%25eth0]/",
    "http://127.0.0.1:99999/",
    "http://1.2.3.4.5/",
    "http://<script>alert(1)</script>/",
    "http://\u202e1.0.0.721/",
    "http://127.0.0.1/\u0000",
    "http://127.0.0.1/\u001b[2J",
    // 127.0.0.1 to a URL parser, refused by validation or by the fetcher: without slashes,
    // with backslashes, percent-encoded, in full-width digits and dots, after a byte-order mark.
    "http:127.0.0.1/",
    "http:\\\\127.0.0.1\\",
    "http://%31%32%37.0.0.1/",
    "http://\uff11\uff12\uff17\uff0e\uff10\uff0e\uff10\uff0e\uff11/",
    "\ufeffhttp://127.0.0.1/",
  ),
  // The limit is 2000 characters: one within, one at, one past, and far past.
  fc.constantFrom(1_999, 2_000, 2_001, 100_000).map((n) => "http://10.0.0.1/".padEnd(n, "a")),
);

/**
 * "Fetch" and "Fetch again" send the intent and the address, nothing of the source's fields
 * (components/admin/source-form.tsx); "Fetch again" its version too, which checkForm adds.
 */
const fetchForm = () =>
  forms([
    field(
      "fetchUrl",
      fc.oneof({ weight: 2, arbitrary: privateAddresses }, { weight: 1, arbitrary: oddAddresses }),
      fc.oneof(oddAddresses, nastyText),
    ),
  ]).map((fields): FormEntries => [["intent", "fetch"], ...fields]);

/** What a fetch may answer without connecting anywhere: the faults of the address itself. */
const REFUSED_AT_ONCE: [kind: string, message: RegExp][] = [
  [
    "private address",
    /^\S+ is a private, local or reserved network address; Rollcall fetches public web pages only\.$/,
  ],
  [
    "not an http(s) address",
    /^(Enter a web address that starts with http:\/\/ or https:\/\/\.|Rollcall fetches http:\/\/ and https:\/\/ pages only, not \S+ addresses\.)$/,
  ],
  ["too long", /^The address can have at most 2000 characters\.$/],
  ["control characters", /^The address contains invisible control characters; remove them\.$/],
];

/**
 * The fetch forms' expectation: nothing fetched, and the address refused for one of its own
 * faults (REFUSED_AT_ONCE), never for what a connection found (the site refused it, took too
 * long, answered 404): a private address that got as far as connecting is a hole in the guard.
 * "Fetch again" may refuse first for the form's id or version. Each answer's kind is counted.
 */
function refusedAtOnce(kinds: Map<string, number>) {
  return (response: ActionResponse): string | null => {
    const state = response.state as FormState;
    if (state.fetched) return `a page was fetched: ${JSON.stringify(state.fetched)}`;
    const said = state.errors?.fetchUrl;
    // An address can have two faults at once (too long, and control characters in it).
    const faults = said?.map((m) => REFUSED_AT_ONCE.find(([, message]) => message.test(m))?.[0]);
    if (faults?.some((fault) => !fault))
      return `the address refused for something other than itself: ${JSON.stringify(said)}`;
    const kind = faults
      ? [...new Set(faults)].join(" and ")
      : `the form's own refusal: ${state.message}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    return null;
  };
}

/** "Fetch" or "Fetch again", checked: every answer a refusal at once, the database unchanged. */
async function checkFetch(
  name: string,
  spec: Omit<FormSpec, "success" | "check" | "runs">,
  inputs: Parameters<typeof checkForm>[2],
  table?: Parameters<typeof checkForm>[3],
) {
  const kinds = new Map<string, number>();
  // Sessions aside: a request may note its session as seen (lib/data/account-sessions.ts).
  const before = databaseHash(server.dbFile, { except: ["Session"] });
  try {
    await checkForm(
      name,
      { ...spec, success: null, check: refusedAtOnce(kinds), runs: FETCH_RUNS },
      inputs,
      table,
    );
  } finally {
    figures.push(
      `${name}: ${[...kinds].map(([kind, n]) => `${n} ${kind}`).join(", ") || "no answers"}`,
    );
  }
  // Else the generators never get past validation to the fetcher's own guard.
  expect(kinds.get("private address"), "some addresses reach the fetcher's guard").toBeGreaterThan(
    0,
  );
  expect(
    databaseHash(server.dbFile, { except: ["Session"] }),
    `a fetch that is refused stores nothing. Run again with: ${RERUN}`,
  ).toBe(before);
}

const leaderParts = () => [
  field("name", fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 })),
  field("office", fc.constantFrom("President", "Prime Minister")),
  field("polity", fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 })),
  field("countryCode", fc.constantFrom("", "RU", "ru", "XX", "RUS")),
  field(
    "aliases",
    fc.oneof(
      fc.constant(""),
      fc
        .array(fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }), { maxLength: 25 })
        .map((lines) => lines.join("\n")),
      fc.constantFrom("Lukashenka\r\nŁukaszenka", "a\n\n a \nA", "x".repeat(201)),
    ),
  ),
  field(
    "wikidataId",
    fc.oneof(
      fc.constantFrom("", "Q312", "q42", "https://www.wikidata.org/wiki/Q1", "Q0", "P31", "Q"),
      fc.nat().map((n) => `Q${n}`),
    ),
  ),
];

const LEADER_FIELDS = /^(name|office|polity|countryCode|aliases(\.\d+)?|wikidataId)$/;

const eventParts = () => [
  field("name", fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 })),
  field("date", dates),
  // A last day: empty (one day), the same day, later, or before the first (refused).
  field("endDate", fc.oneof(fc.constant(""), dates)),
  field("place", fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 })),
  field("occasion", fc.string({ unit: "grapheme", minLength: 1, maxLength: 80 })),
  field(
    "slug",
    fc.oneof(
      { weight: 3, arbitrary: fc.constant("") },
      { weight: 2, arbitrary: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          "Upper-Case",
          "-lead",
          "trail-",
          "double--hyphen",
          "with space",
          "../admin",
          "é",
          "a".repeat(101),
          "victory-day-parade-2025",
        ),
      },
    ),
  ),
];

/** A bound id as a forged request could send it: any JSON value, not only the page's. */
function boundId(valid: number[]) {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom<unknown>(...valid) },
    {
      weight: 3,
      arbitrary: fc.oneof<fc.Arbitrary<unknown>[]>(
        fc.integer(),
        fc.constantFrom(
          0,
          -1,
          1.5,
          2 ** 53,
          Number.MAX_SAFE_INTEGER,
          null,
          true,
          "1",
          "abc",
          [],
          {},
          [1],
          { id: 1 },
        ),
        nastyText,
      ),
    },
  );
}

/** The form's version field: the current one (so the save can succeed), or anything. */
const versionChoice = fc.oneof(
  { weight: 3, arbitrary: fc.constant("CURRENT") },
  { weight: 1, arbitrary: fc.constantFrom("1", "0", "-1", "2", "1000000001", "") },
  { weight: 1, arbitrary: nastyText },
);

// ---- What a person must get back ----

type FormSpec = {
  door: ServerActionDoor;
  /** The page the form is on, given the records of the run. */
  page: (p: Pools) => string;
  /** Field error keys this form shows beside a field. */
  shown: RegExp;
  /** Where a success redirects; null for a form that stores nothing (the fetch forms). */
  success: RegExp | null;
  /** The form's own expectation of every answer: a problem, or null. */
  check?: (response: ActionResponse, sent: FormEntries) => string | null;
  /** Submissions in all, RUNS_PER_FORM unless the form says fewer. */
  runs?: number;
};

const door = (name: string) => SERVER_ACTIONS.find((a) => a.exportName === name)!;
const ENTRY_FIELDS =
  /^(eventId|leaderId|leader\.(name|office|polity|countryCode)|status|asOf|note|stepNote|representativeId|confirmDates|citations|citations\.\d+\.(sourceId|quote))$/;

const DEVELOPER_WORDS = /\b(prisma|sqlite|TypeError|undefined|stack|at \w+ \()/i;
/** What a JavaScript error says, which no editor's data explains away (see withoutEchoes). */
const ERROR_PHRASES =
  /Cannot read propert|Cannot set propert|is not a function|is not defined|is not iterable|Unexpected token|Maximum call stack|\(reading '/;

/**
 * The message without what it quotes of the editor's own data: a leader named "undefined" (an
 * earlier generated save) is named in "… cannot be deleted", and one whose office is
 * "undefined" in "There is already … (undefined, …)"; neither is a leak.
 */
function withoutEchoes(message: string, sent: FormEntries): string {
  if (!DEVELOPER_WORDS.test(message)) return message;
  const db = openDatabase(server.dbFile, { readonly: true });
  let stored: string[];
  try {
    stored = db
      .prepare(
        `SELECT name AS v FROM Leader UNION SELECT office FROM Leader UNION SELECT polity FROM Leader
         UNION SELECT name FROM Event UNION SELECT title FROM Source`,
      )
      .all()
      .map((r) => String((r as { v: unknown }).v));
  } finally {
    db.close();
  }
  const echoes = [...stored, ...sent.flatMap(([, v]) => (typeof v === "string" ? [v] : []))]
    .filter((v) => DEVELOPER_WORDS.test(v))
    .sort((a, b) => b.length - a.length);
  return echoes.reduce((m, echo) => m.split(echo).join(""), message);
}

function problemWith(response: ActionResponse, spec: FormSpec, sent: FormEntries): string | null {
  if (response.status >= 500 || response.thrown)
    return `HTTP ${response.status}${response.thrown ? " (the action threw)" : ""}`;
  if (response.redirect) {
    return spec.success?.test(response.redirect)
      ? null
      : `unexpected redirect to ${response.redirect}`;
  }
  const state = response.state as
    { message?: unknown; errors?: Record<string, unknown> } | undefined;
  if (!state || typeof state !== "object") return `no form state (HTTP ${response.status})`;
  if (typeof state.message !== "string" || state.message.trim().length < 10)
    return `no message a person can read: ${JSON.stringify(state).slice(0, 200)}`;
  if (ERROR_PHRASES.test(state.message) || DEVELOPER_WORDS.test(withoutEchoes(state.message, sent)))
    return `a message for developers, not editors: ${state.message}`;
  const errors = Object.entries(state.errors ?? {});
  for (const [key, messages] of errors) {
    if (!spec.shown.test(key))
      return `an error for "${key}", which the form does not show: ${JSON.stringify(messages)}`;
    if (
      !Array.isArray(messages) ||
      messages.length === 0 ||
      messages.some((m) => typeof m !== "string" || !m.trim())
    )
      return `an empty error for "${key}"`;
  }
  if (/see below/.test(state.message) && errors.length === 0)
    return `"${state.message}" but nothing below`;
  return spec.check?.(response, sent) ?? null;
}

async function checkForm(
  name: string,
  spec: FormSpec,
  /** The submissions of one run, on its records. */
  inputs: (p: Pools) => fc.Arbitrary<{ bound?: unknown; fields: FormEntries; version?: string }>,
  table?: "Attendance" | "Leader" | "Source" | "Event" | "StatusStep",
  examples: { fields: FormEntries }[] = [],
) {
  const counts = { runs: 0, saved: 0, refused: 0, failures: 0, slowestMs: 0 };
  const started = performance.now();
  const property = (p: Pools) =>
    fc.asyncProperty(inputs(p), async ({ bound, fields, version }) => {
      // A form bound to two ids (entry, step) is versioned by the last.
      const args = isPair(bound) ? bound.pair : bound === undefined ? [] : [bound];
      const row = table ? current(table, args.at(-1)) : undefined;
      const entries: FormEntries = fields.map(([k, v]) =>
        k === "text" && typeof v === "string" && v.startsWith("KEEP")
          ? [k, `${row?.text ?? ""}${v.slice(4)}`]
          : [k, v],
      );
      if (version !== undefined)
        entries.push(["version", version === "CURRENT" ? String(row?.version) : version]);
      const response = await callAction(server, spec.door, {
        page: spec.page(p),
        bound: args,
        fields: entries,
        cookie,
        origin: server.origin,
      });
      counts.runs++;
      counts.slowestMs = Math.max(counts.slowestMs, response.ms);
      const problem = problemWith(response, spec, entries);

      if (problem) counts.failures++;
      else if (response.redirect) counts.saved++;
      else counts.refused++;
      if (problem) throw new Error(problem);
    });
  const runs = spec.runs ?? RUNS_PER_FORM;
  const share = Math.ceil(runs / CONCURRENCY);
  const results = await Promise.all(
    Array.from({ length: CONCURRENCY }, (_, i) =>
      fc.check(property(pools(i)), {
        numRuns: share,
        seed: SEED + i,
        examples: examples.map((e) => [e] as [typeof e]),
      }),
    ),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  figures.push(
    `${name}: ${counts.runs} requests in ${seconds} s (slowest ${Math.round(counts.slowestMs)} ms): ` +
      `${counts.saved} saved, ${counts.refused} refused with a message, ${counts.failures} failures`,
  );
  for (const result of results) {
    expect(
      result.failed,
      result.failed ? `${report(result)}\n  Run again with: ${RERUN}` : "",
    ).toBe(false);
  }
  expect(counts.runs).toBeGreaterThanOrEqual(runs);
  // Else the generators never reach the path that stores anything, and prove little.
  if (spec.success)
    expect(counts.saved, "some generated submissions are valid and saved").toBeGreaterThan(0);
  expect(invariantViolations(server.dbFile), `Run again with: ${RERUN}`).toEqual([]);
}

/** A failure, shrunk, with long values abbreviated ("語"×499000) so the report stays readable. */
function report<T>(result: fc.RunDetails<[T]>) {
  const short = (v: unknown): unknown => {
    if (typeof v === "string" && v.length > 80) {
      const c = [...v][0];
      return v === c!.repeat(v.length / c!.length)
        ? `${JSON.stringify(c)}×${v.length / c!.length}`
        : `${cutText(v, 60)}…(${v.length} UTF-16 units)`;
    }
    if (v instanceof Blob) return "[Blob]";
    if (Array.isArray(v)) return v.map(short);
    if (v && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, short(x)]));
    return v;
  };
  const error =
    result.errorInstance instanceof Error
      ? result.errorInstance.message
      : String(result.errorInstance);
  return `${error}\n  after ${result.numRuns} runs (seed ${result.seed}, path ${result.counterexamplePath}); shrunk input:\n  ${JSON.stringify(short(result.counterexample?.[0]))}`;
}

// ---- The forms ----

// First: the later forms delete the runs' sample events and leaders, which a suggestion is
// accepted into and for; after them, a whole-file run saved 0 or 1 of 500.
test("suggestion accept and dismiss: generated inputs never crash and never store anything invalid", async () => {
  const shown =
    /^(eventId|leaderId|leader\.(name|office|polity|countryCode)|status|asOf|note|stepNote|representativeId|confirmDates|citations|citations\.0\.(sourceId|quote))$/;
  await checkForm(
    "suggestion accept",
    {
      door: door("acceptSuggestionAction"),
      page: (p) => `/admin/sources/${p.sources[0]!.id}/suggestions?event=${p.events[0]}`,
      shown,
      success: /^\/admin\/sources\/\d+\/suggestions\?event=\d+&saved=accepted&entry=\d+$/,
    },
    (p) =>
      fc.constantFrom(...p.sources).chain((source) =>
        fc.record({
          bound: fc.oneof(
            {
              weight: 3,
              arbitrary: fc
                .constantFrom(...p.events)
                .map((event): BoundPair => ({ pair: [source.id, event] })),
            },
            { weight: 1, arbitrary: boundSourceEvent(p) },
          ),
          fields: forms(suggestionParts(p, source)),
        }),
      ),
  );
  await checkForm(
    "suggestion dismiss",
    {
      door: door("dismissSuggestionAction"),
      page: (p) => `/admin/sources/${p.sources[0]!.id}/suggestions?event=${p.events[0]}`,
      shown,
      success: /^\/admin\/sources\/\d+\/suggestions\?event=\d+&saved=dismissed$/,
    },
    (p) =>
      fc.record({
        bound: boundSourceEvent(p),
        fields: forms([
          suggestionParts(p)[0]!,
          field("leaderName", fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 })),
          field("claim", fc.constantFrom("confirmed", "attended", "did_not_attend")),
          suggestionParts(p)[10]!,
        ]),
      }),
  );
});

test("entry create: generated inputs never crash and never store anything invalid", async () => {
  await checkForm(
    "entry create",
    {
      door: door("createAttendanceAction"),
      page: () => "/admin/entries/new",
      shown: ENTRY_FIELDS,
      success: /^\/admin\/entries\/\d+\?saved=created$/,
    },
    (p) => forms(entryParts(p)).map((fields) => ({ fields })),
  );
});

test("entry update: generated inputs never crash and never store anything invalid", async () => {
  await checkForm(
    "entry update",
    {
      door: door("updateAttendanceAction"),
      page: (p) => `/admin/entries/${p.entries[0]}`,
      shown: ENTRY_FIELDS,
      success: /^\/admin\/entries\/\d+\?saved=updated$/,
    },
    (p) =>
      fc.record({
        bound: boundId(p.entries),
        fields: forms(entryParts(p)),
        version: versionChoice,
      }),
    "Attendance",
  );
});

test("step add: generated inputs never crash and never store anything invalid", async () => {
  await checkForm(
    "step add",
    {
      door: door("addStepAction"),
      page: (p) => `/admin/entries/${p.entries[0]}`,
      shown: ENTRY_FIELDS,
      success: /^\/admin\/entries\/\d+\?saved=step-added#step-\d+$/,
    },
    (p) => fc.record({ bound: boundId(p.entries), fields: forms(stepParts(p)) }),
  );
});

test("step update: generated inputs never crash and never store anything invalid", async () => {
  await checkForm(
    "step update",
    {
      door: door("updateStepAction"),
      page: (p) => `/admin/entries/${p.entries[0]}`,
      shown: ENTRY_FIELDS,
      success: /^\/admin\/entries\/\d+\?saved=step-updated#step-\d+$/,
    },
    (p) => fc.record({ bound: boundStep(p), fields: forms(stepParts(p)), version: versionChoice }),
    "StatusStep",
  );
});

test("step remove: generated inputs never crash and never store anything invalid", async () => {
  await checkForm(
    "step remove",
    {
      door: door("removeStepAction"),
      page: (p) => `/admin/entries/${p.entries[0]}`,
      shown: /^$/,
      success: /^\/admin\/entries\/\d+\?saved=step-removed$/,
    },
    (p) => fc.record({ bound: boundStep(p), fields: forms([]), version: versionChoice }),
    "StatusStep",
  );
});

test("entry delete: generated inputs never crash and never store anything invalid", async () => {
  await checkForm(
    "entry delete",
    {
      door: door("deleteAttendanceAction"),
      page: (p) => `/admin/entries/${p.entries[0]}/delete`,
      shown: /^confirm$/,
      success: /^\/admin\?deleted=1$/,
    },
    (p) =>
      fc.record({
        bound: boundId(p.entries),
        fields: forms([
          field("confirm", fc.constant("yes"), fc.constantFrom("no", "YES", "on", "")),
        ]),
        version: versionChoice,
      }),
    "Attendance",
  );
});

test("leader update: generated inputs never crash and never store anything invalid", async () => {
  await checkForm(
    "leader update",
    {
      door: door("updateLeaderAction"),
      page: (p) => `/admin/leaders/${p.leaders[0]}`,
      shown: LEADER_FIELDS,
      success: /^\/admin\/leaders\/\d+\?saved=1$/,
    },
    (p) =>
      fc.record({
        bound: boundId(p.leaders),
        fields: forms(leaderParts()),
        version: versionChoice,
      }),
    "Leader",
  );
});

test("leader delete: generated inputs never crash and never store anything invalid", async () => {
  await checkForm(
    "leader delete",
    {
      door: door("deleteLeaderAction"),
      page: (p) => `/admin/leaders/${p.leaders[0]}`,
      shown: /^$/,
      success: /^\/admin\/leaders\?deleted=1$/,
    },
    (p) => fc.record({ bound: boundId(p.leaders), fields: forms([]), version: versionChoice }),
    "Leader",
  );
});

test("leader create: generated inputs never crash and never store anything invalid", async () => {
  await checkForm(
    "leader create",
    {
      door: door("createLeaderAction"),
      page: () => "/admin/leaders/new",
      shown: LEADER_FIELDS,
      success: /^\/admin\/leaders\/\d+\?saved=1$/,
    },
    () =>
      forms([...leaderParts(), field("confirmDuplicate", fc.constantFrom("yes", "", "no"))]).map(
        (fields) => ({ fields }),
      ),
  );
});

test("leader merge: generated inputs never crash and never store anything invalid", async () => {
  // Leaders of each run with no entry anywhere: by now the pool's leaders have entries on the
  // run's event (two leaders with an entry for the same event are refused) or were deleted by
  // the leader forms' runs; these can be merged, and merged into.
  const unlisted = new Map<number, number[]>();
  const db = createPrismaClient(`file:${server.dbFile}`);
  try {
    for (let run = 0; run < CONCURRENCY; run++) {
      const ids = [];
      for (let i = 0; i < 8; i++) {
        const leader = await createLeader(db, {
          name: `Unlisted ${run}.${i}`,
          office: "King",
          polity: "Syldavia",
        });
        ids.push(leader.id);
      }
      unlisted.set(run, ids);
    }
  } finally {
    await db.$disconnect();
  }
  await checkForm(
    "leader merge",
    {
      door: door("mergeLeadersAction"),
      page: (p) => `/admin/leaders/${p.leaders[0]}`,
      shown: /^(otherId|confirm)$/,
      success: /^\/admin\/leaders\/\d+\?saved=merged$/,
    },
    (p) =>
      fc.record({
        bound: boundId([...p.leaders, ...unlisted.get(p.run)!]),
        fields: forms([
          field(
            "otherId",
            fc.constantFrom(...[...p.leaders, ...unlisted.get(p.run)!].map(String)),
            nastyId,
          ),
          field("confirm", fc.constant("yes"), fc.constantFrom("no", "YES", "on", "")),
        ]),
        version: versionChoice,
      }),
    "Leader",
  );
});

test("event create: generated inputs never crash and never store anything invalid", async () => {
  await checkForm(
    "event create",
    {
      door: door("createEventAction"),
      page: () => "/admin/events/new",
      shown: /^(name|date|endDate|place|occasion|slug)$/,
      success: /^\/admin\/events\/\d+\?saved=created$/,
    },
    () => forms(eventParts()).map((fields) => ({ fields })),
  );
});

test("event update: generated inputs never crash and never store anything invalid", async () => {
  await checkForm(
    "event update",
    {
      door: door("updateEventAction"),
      page: (p) => `/admin/events/${p.events[0]}`,
      shown: /^(name|date|endDate|place|occasion|slug)$/,
      success: /^\/admin\/events\/\d+\?saved=updated$/,
    },
    (p) =>
      fc.record({ bound: boundId(p.events), fields: forms(eventParts()), version: versionChoice }),
    "Event",
  );
});

test("event delete and pin: generated inputs never crash and never store anything invalid", async () => {
  await checkForm(
    "event pin",
    {
      door: door("pinEventAction"),
      page: (p) => `/admin/events/${p.events[0]}`,
      shown: /^pinned$/,
      success: /^\/admin\/events\/\d+\?saved=(pinned|unpinned)$/,
    },
    (p) =>
      fc.record({
        bound: boundId(p.events),
        fields: forms([
          field("pinned", fc.constantFrom("yes", "no"), fc.constantFrom("", "YES", "1")),
        ]),
        version: versionChoice,
      }),
    "Event",
  );
  await checkForm(
    "event delete",
    {
      door: door("deleteEventAction"),
      page: (p) => `/admin/events/${p.events[0]}`,
      shown: /^confirm$/,
      success: /^\/admin\/events\?deleted=1$/,
    },
    (p) =>
      fc.record({
        bound: boundId(p.events),
        fields: forms([
          field("confirm", fc.constant("yes"), fc.constantFrom("no", "YES", "on", "")),
        ]),
        version: versionChoice,
      }),
    "Event",
  );
});

/**
 * The fields of a suggestion's accept form: the claim as the editor may have edited it. With
 * `cited`, the quote is mostly that source's words: the source the form is bound to, so that
 * some generated claims are valid and saved.
 */
function suggestionParts(p: Pools, cited?: Pools["sources"][number]): Part[] {
  const claims = fc.constantFrom(
    "confirmed",
    "reported",
    "declined",
    "attended",
    "partly_attended",
    "did_not_attend",
  );
  return [
    field(
      "key",
      fc
        .tuple(fc.constantFrom(...p.leaders), claims)
        .map(([id, c]) => `leader-${id}:${c}:0badc0de`),
    ),
    field("leaderMode", fc.constantFrom("existing", "new")),
    field("leaderId", fc.constantFrom(...p.leaders.map(String)), nastyId),
    field("leader.name", fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 })),
    field("leader.office", fc.constantFrom("President", "")),
    field("leader.polity", fc.constantFrom("Ruritania", "")),
    field("leader.countryCode", fc.constantFrom("", "MN", "xx")),
    field("confirmDuplicate", fc.constantFrom("", "yes")),
    field("status", claims),
    field("asOf", dates),
    field(
      "quote",
      fc
        .tuple(
          cited
            ? fc.oneof(
                { weight: 3, arbitrary: fc.constant(cited) },
                { weight: 1, arbitrary: fc.constantFrom(...p.sources) },
              )
            : fc.constantFrom(...p.sources),
          fc.nat(),
          fc.integer({ min: 15, max: 90 }),
        )
        .map(([s, at, length]) => s.text.slice(at % s.text.length, (at % s.text.length) + length)),
    ),
    field("start", fc.oneof(fc.constant(""), fc.nat({ max: 5000 }).map(String)), nastyId),
    field("note", fc.oneof(fc.constant(""), fc.string({ maxLength: 80 }))),
    field("representativeId", fc.constantFrom("", ...p.leaders.map(String)), nastyId),
    field("confirmDates", fc.constantFrom("", "yes")),
  ];
}

/** A suggestion form's two bound ids: the source's and the event's, mostly real, sometimes not. */
const boundSourceEvent = (p: Pools) =>
  fc
    .tuple(boundId(p.sources.map((s) => s.id)), boundId(p.events))
    .map(([a, b]): BoundPair => ({ pair: [a, b] }));

test("source create: generated inputs never crash and never store anything invalid", async () => {
  await checkForm(
    "source create",
    {
      door: door("createSourceAction"),
      page: () => "/admin/sources/new",
      shown: /^(title|publisher|url|publishedOn|dateNote|text)$/,
      success: /^\/admin\/sources\/\d+\?saved=created$/,
    },
    () => forms(sourceParts()).map((fields) => ({ fields })),
  );
});

test("source update: generated inputs never crash and never store anything invalid", async () => {
  await checkForm(
    "source update",
    {
      door: door("updateSourceAction"),
      page: (p) => `/admin/sources/${p.sources[0]!.id}`,
      shown: /^(title|publisher|url|publishedOn|dateNote|text)$/,
      // A new text goes to the report of what became of the citations.
      success: /^\/admin\/sources\/\d+\?saved=(updated|text&version=\d+)$/,
    },
    (p) =>
      fc.record({
        bound: boundId(p.sources.map((s) => s.id)),
        fields: forms(sourceParts({ update: true })),
        version: versionChoice,
      }),
    "Source",
  );
});

test("source fetch and fetch again: generated addresses are refused at once and nothing is stored", async () => {
  await checkFetch(
    "source fetch",
    {
      door: door("createSourceAction"),
      page: () => "/admin/sources/new",
      shown: /^fetchUrl$/,
    },
    () => fetchForm().map((fields) => ({ fields })),
  );
  await checkFetch(
    "source fetch again",
    {
      door: door("updateSourceAction"),
      page: (p) => `/admin/sources/${p.sources[0]!.id}`,
      shown: /^fetchUrl$/,
    },
    (p) =>
      fc.record({
        bound: boundId(p.sources.map((s) => s.id)),
        fields: fetchForm(),
        version: versionChoice,
      }),
    "Source",
  );
});

// After the source forms: a deleted source is one the update runs could no longer save.
test("source delete: generated inputs never crash and never store anything invalid", async () => {
  // A source no entry cites yet for each run (the entry forms above may have cited the others).
  const uncited: number[] = [];
  for (let i = 0; i < CONCURRENCY; i++)
    uncited.push((await createSample(server.dbFile, `spare${i}`)).uncitedSourceId);
  await checkForm(
    "source delete",
    {
      door: door("deleteSourceAction"),
      page: (p) => `/admin/sources/${p.sources[0]!.id}`,
      shown: /^$/,
      success: /^\/admin\/sources\?deleted=1$/,
    },
    (p) =>
      fc.record({
        bound: boundId([uncited[p.run]!, ...p.sources.map((s) => s.id)]),
        fields: forms([]),
        version: versionChoice,
      }),
    "Source",
  );
});

test("sign-in: generated inputs never crash", async () => {
  const { emails, password } = editors();
  await checkForm(
    "sign-in",
    {
      door: door("signInAction"),
      page: () => "/sign-in",
      shown: /^(email|password)$/,
      success: /^\/(?!\/)[^\\]*$/,
    },
    () =>
      forms([
        field("email", fc.oneof(fc.constantFrom(...emails), fc.emailAddress())),
        // Rarely the right one: each attempt costs a password hash, until the throttle stops them.
        field(
          "password",
          fc.oneof(
            { weight: 1, arbitrary: fc.constant(password) },
            { weight: 20, arbitrary: fc.string({ maxLength: 300 }) },
          ),
        ),
        field(
          "next",
          fc.oneof(
            fc.constantFrom(
              "/admin",
              "//evil.example",
              "https://evil.example",
              "/\\evil.example",
              "/\t/evil.example",
              "javascript:alert(1)",
            ),
            fc.string().map((p) => `/${p}`),
          ),
        ),
      ]).map((fields) => ({ fields })),
    undefined,
    // First, as the throttle will soon refuse everyone: the right password, an odd return path.
    [
      {
        fields: [
          ["email", emails[1]!],
          ["password", password],
          ["next", "/admin/é?x=1#y"],
        ],
      },
    ],
  );
});
