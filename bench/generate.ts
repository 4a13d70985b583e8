/**
 * The scale database: events, leaders, attendance entries, sources and citations written
 * straight into SQLite with better-sqlite3 in large transactions (the app's own code is far too
 * slow for half a million rows). Migrations are applied first with the project's own script, so
 * the schema is exactly the app's; the app then reads the file through its normal code.
 *
 * Every citation is anchored with lib/quotes/anchor.ts, so `text.slice(start, end) === quote`
 * and prefix/suffix hold as they do for citations an editor saves. The dates agree as an
 * editor's would, so the app's date guards (lib/attendance/date-guards.ts) question none of them:
 * a step cites only sources published by its as-of date, and a plan is dated on or before its
 * event's last day. Deterministic: the same scale gives the same database.
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import { anchorQuote, type TextAnchor } from "../lib/quotes/anchor";
import { leaderSearchKey } from "../lib/text/search-key";
import { deployMigrations } from "../scripts/migrate.mjs";

export type Scale = {
  events: number;
  leaders: number;
  entriesPerEvent: number;
  sources: number;
};

export const FULL_SCALE: Scale = {
  events: 10_000,
  leaders: 3_000,
  entriesPerEvent: 50,
  sources: 2_000,
};
export const QUICK_SCALE: Scale = {
  events: 1_000,
  leaders: 300,
  entriesPerEvent: 50,
  sources: 200,
};

/** Sentences per source: with ~135 characters each, about 4 KB of text. */
const SENTENCES_PER_SOURCE = 30;

const DAY_MS = 86_400_000;
/** Event e (from 0) is a one-day event on FIRST_EVENT + e × EVENT_EVERY_DAYS days. */
const FIRST_EVENT = Date.UTC(1990, 0, 1);
const EVENT_EVERY_DAYS = 3;
/** A step is dated 0 to AS_OF_WITHIN_DAYS - 1 days before its event. */
const AS_OF_WITHIN_DAYS = 30;

/** mulberry32: a small seeded generator, so two runs build the same database. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  "Ana",
  "Bruno",
  "Chen",
  "Dmitri",
  "Élodie",
  "Farid",
  "Grete",
  "Hiroshi",
  "Inês",
  "João",
  "Kwame",
  "Lucía",
  "Mehmet",
  "Nadia",
  "Oskar",
  "Priya",
  "Quentin",
  "Rania",
  "Søren",
  "Tomás",
  "Ursula",
  "Viktor",
  "Wanjiru",
  "Xavier",
  "Yusuf",
  "Zofia",
  "Amara",
  "Björn",
  "Carmen",
  "Dũng",
];
const LAST = [
  "Abara",
  "Bergström",
  "Castillo",
  "Dimitrov",
  "Eze",
  "Fontaine",
  "García",
  "Haddad",
  "Ivanović",
  "Jensen",
  "Kowalski",
  "Lindqvist",
  "Mendes",
  "Nakamura",
  "Okafor",
  "Petrov",
  "Quispe",
  "Rossi",
  "Sánchez",
  "Tanaka",
  "Umarov",
  "Vasquez",
  "Weber",
  "Xu",
  "Yilmaz",
  "Zhou",
  "Almeida",
  "Brandt",
  "Çelik",
  "Đorđević",
  "Esposito",
  "Fischer",
  "Gómez",
  "Horváth",
];
const OFFICES = [
  "President",
  "Prime Minister",
  "King",
  "Chancellor",
  "Emir",
  "Vice President",
  "Foreign Minister",
  "Queen",
];
const POLITIES: [string, string][] = [
  ["Argentina", "AR"],
  ["Brazil", "BR"],
  ["Canada", "CA"],
  ["Denmark", "DK"],
  ["Egypt", "EG"],
  ["France", "FR"],
  ["Ghana", "GH"],
  ["Hungary", "HU"],
  ["India", "IN"],
  ["Japan", "JP"],
  ["Kenya", "KE"],
  ["Laos", "LA"],
  ["Mexico", "MX"],
  ["Norway", "NO"],
  ["Oman", "OM"],
  ["Peru", "PE"],
  ["Qatar", "QA"],
  ["Romania", "RO"],
  ["Senegal", "SN"],
  ["Thailand", "TH"],
  ["Uruguay", "UY"],
  ["Viet Nam", "VN"],
  ["Zambia", "ZM"],
  ["Côte d’Ivoire", "CI"],
  ["Türkiye", "TR"],
];
const PLACES = [
  "Geneva",
  "Nairobi",
  "Jakarta",
  "Lima",
  "Oslo",
  "Hanoi",
  "Dakar",
  "Vienna",
  "Santiago",
  "Doha",
  "Tbilisi",
  "Accra",
];
const KINDS = [
  "Summit",
  "Conference",
  "Inauguration",
  "Forum",
  "Parade",
  "Jubilee",
  "Ministerial",
  "Coronation",
];
const PUBLISHERS = [
  "Example Wire",
  "The Harbour Times",
  "Daily Ledger",
  "Capital Courier",
  "Meridian News",
];
const WILL = [
  "will attend the meeting in person",
  "is expected to travel for the talks",
  "confirmed plans to join the other delegations",
  "has declined the invitation, citing prior commitments",
  "is reported to be weighing the trip",
  "will lead the delegation at the opening session",
];
const SAID = [
  "officials said on Monday",
  "a spokesperson told reporters",
  "the foreign ministry said in a statement",
  "according to diplomats briefed on the plans",
  "aides confirmed late on Friday",
];

const INITIALS = "ABCDEFGHJKLMNPRSTVWZ";

/** Distinct names for the first 20,400 leaders: first name, a middle initial past 1,020, last name. */
function leaderName(i: number) {
  const combos = FIRST.length * LAST.length;
  const middle = i >= combos ? ` ${INITIALS[Math.floor(i / combos) % INITIALS.length]}.` : "";
  return `${FIRST[i % FIRST.length]}${middle} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
}

/** The dates the adapter writes: ISO 8601 with an explicit UTC offset. */
const sqlDate = (d: Date) => d.toISOString().replace("Z", "+00:00");

export type ScaleSummary = {
  events: number;
  leaders: number;
  entries: number;
  sources: number;
  citations: number;
  /** An event in the middle of the table: the page the benchmark loads. */
  sampleEventSlug: string;
  /** One leader's full name: the admin search the benchmark loads (a selective search). */
  sampleSearch: string;
  seconds: number;
};

export async function generateScaleDatabase(file: string, scale: Scale): Promise<ScaleSummary> {
  const started = performance.now();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  await deployMigrations(file);

  const db = new Database(file);
  // Generation only: no journal, no fsync. The app opens it with its own PRAGMAs (WAL, FULL).
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  const rand = random(20261127);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const now = sqlDate(new Date("2026-11-01T00:00:00Z"));

  // Leaders: names are combinations, so some repeat across polities, as real ones do.
  const leaders: { name: string; office: string; polity: string }[] = [];
  const insertLeader = db.prepare(
    `INSERT INTO "Leader" (id, name, searchText, office, polity, countryCode, createdAt, updatedAt, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  db.transaction(() => {
    for (let i = 0; i < scale.leaders; i++) {
      const [polity, code] = POLITIES[i % POLITIES.length]!;
      const leader = {
        name: leaderName(i),
        office: pick(OFFICES),
        polity,
      };
      leaders.push(leader);
      insertLeader.run(
        i + 1,
        leader.name,
        leaderSearchKey(leader),
        leader.office,
        polity,
        code,
        now,
        now,
      );
    }
  })();

  // Sources: each sentence names one leader; source s names leaders s*30 .. s*30+29 (mod the
  // number of leaders), so every leader is named in the same number of sources and a sentence
  // is unique within its source.
  //
  // Publication follows source ids along the events' timeline, so a step can cite what was out
  // by its date: the first `leadIn` sources, which name every leader once, come out before the
  // earliest step; the rest one every `gapDays` (give or take) across the events' span. A
  // leader's mentions are thus in publication order.
  const mentions: { sourceId: number; anchor: TextAnchor }[][] = leaders.map(() => []);
  const leadIn = Math.min(scale.sources, Math.ceil(scale.leaders / SENTENCES_PER_SOURCE));
  const gapDays = Math.max(
    1,
    Math.floor((scale.events * EVENT_EVERY_DAYS) / Math.max(1, scale.sources - leadIn)),
  );
  const earliestStep = FIRST_EVENT - (AS_OF_WITHIN_DAYS - 1) * DAY_MS;
  /** By source id: the publication day, as a UTC midnight in ms. */
  const publishedAt: number[] = [];
  const insertSource = db.prepare(
    `INSERT INTO "Source" (id, title, publisher, url, publishedOn, dateNote, text, addedAt, updatedAt, version)
     VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, 1)`,
  );
  db.transaction(() => {
    for (let s = 0; s < scale.sources; s++) {
      const sentences: { leader: number; text: string }[] = [];
      for (let j = 0; j < SENTENCES_PER_SOURCE; j++) {
        const leader = (s * SENTENCES_PER_SOURCE + j) % scale.leaders;
        const l = leaders[leader]!;
        sentences.push({
          leader,
          text: `${l.office} ${l.name} of ${l.polity} ${pick(WILL)}, ${pick(SAID)} (item ${j + 1}).`,
        });
      }
      const text = sentences.map((x) => x.text).join(" ");
      for (const sentence of sentences) {
        const result = anchorQuote(text, sentence.text);
        if (!result.ok)
          throw new Error(`Generated quote not anchored in source ${s + 1}: ${sentence.text}`);
        mentions[sentence.leader]!.push({ sourceId: s + 1, anchor: result.anchor });
      }
      const publishedOn = new Date(
        earliestStep + ((s - leadIn) * gapDays + Math.floor(rand() * gapDays)) * DAY_MS,
      );
      publishedAt[s + 1] = publishedOn.getTime();
      insertSource.run(
        s + 1,
        `Leaders' travel plans, report ${s + 1}`,
        pick(PUBLISHERS),
        `https://news.example.org/bench/${s + 1}`,
        sqlDate(publishedOn),
        text,
        now,
        now,
      );
    }
  })();

  // Events and their entries: each event names `entriesPerEvent` distinct leaders; each entry
  // cites one or two sentences that name its leader, the latest published by its step's date.
  const insertEvent = db.prepare(
    `INSERT INTO "Event" (id, slug, name, place, date, endDate, occasion, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Each entry has one step (same id as the entry), its current step, as lib/data/story.ts
  // would derive it.
  const insertEntry = db.prepare(
    `INSERT INTO "Attendance" (id, eventId, leaderId, status, asOf, currentStepId, note, createdAt, updatedAt, version)
     VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, 1)`,
  );
  const insertStep = db.prepare(
    `INSERT INTO "StatusStep" (id, attendanceId, status, asOf, recordedAt, recordedBy, updatedAt)
     VALUES (?, ?, ?, ?, ?, 'Benchmark', ?)`,
  );
  const insertCitation = db.prepare(
    `INSERT INTO "Citation" (stepId, sourceId, quote, start, "end", prefix, suffix, position, createdAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let entryId = 0;
  let citations = 0;
  const EVENTS_PER_TRANSACTION = 1_000;
  for (let first = 0; first < scale.events; first += EVENTS_PER_TRANSACTION) {
    db.transaction(() => {
      // An entry and its current step refer to each other: checked at commit.
      db.pragma("defer_foreign_keys = ON");
      for (let e = first; e < Math.min(first + EVENTS_PER_TRANSACTION, scale.events); e++) {
        const eventId = e + 1;
        const date = new Date(FIRST_EVENT + e * EVENT_EVERY_DAYS * DAY_MS);
        const place = PLACES[e % PLACES.length]!;
        const kind = KINDS[Math.floor(e / PLACES.length) % KINDS.length]!;
        insertEvent.run(
          eventId,
          `bench-event-${String(eventId).padStart(5, "0")}`,
          `${place} ${kind} ${date.getUTCFullYear()} (${eventId})`,
          place,
          sqlDate(date),
          sqlDate(date),
          `A generated ${kind.toLowerCase()} for the benchmark`,
          now,
        );
        const chosen = new Set<number>();
        while (chosen.size < scale.entriesPerEvent) chosen.add(Math.floor(rand() * scale.leaders));
        for (const leader of chosen) {
          entryId++;
          const r = rand();
          const status = r < 0.6 ? "confirmed" : r < 0.9 ? "reported" : "declined";
          const asOf = new Date(date.getTime() - Math.floor(rand() * AS_OF_WITHIN_DAYS) * DAY_MS);
          insertEntry.run(entryId, eventId, leader + 1, status, sqlDate(asOf), entryId, now, now);
          insertStep.run(entryId, entryId, status, sqlDate(asOf), now, now);
          // The leader's mentions out by the step's date: at least the lead-in's, if any name them.
          const own = mentions[leader]!;
          let out = 0;
          while (out < own.length && publishedAt[own[out]!.sourceId]! <= asOf.getTime()) out++;
          const count = rand() < 0.5 ? 1 : 2;
          for (let position = 0; position < Math.min(count, out); position++) {
            const { sourceId, anchor } = own[out - 1 - position]!;
            insertCitation.run(
              entryId,
              sourceId,
              anchor.quote,
              anchor.start,
              anchor.end,
              anchor.prefix,
              anchor.suffix,
              position,
              now,
            );
            citations++;
          }
        }
      }
    })();
  }
  db.pragma("optimize");
  db.close();

  const sample = leaders[Math.floor(scale.leaders / 2)]!;
  return {
    events: scale.events,
    leaders: scale.leaders,
    entries: entryId,
    sources: scale.sources,
    citations,
    sampleEventSlug: `bench-event-${String(Math.floor(scale.events / 2)).padStart(5, "0")}`,
    sampleSearch: sample.name,
    seconds: (performance.now() - started) / 1000,
  };
}
