/**
 * Times claim suggestions (lib/suggest) for a 20,000-character source: server CPU per run
 * (process.cpuUsage, user + system), against the corpus's leaders plus as many invented ones
 * as the scale database has, so the leader lookup is as large as a real site's.
 *
 *   npx tsx bench/suggestions.ts [--runs <n>] [--leaders <n>]
 *
 * Also run by bench/run.ts. Pure CPU in this process: no server, no database.
 */
import { fileURLToPath } from "node:url";
import { suggestClaims, type KnownLeader } from "../lib/suggest/suggest";
import { EVENT, LEADERS, REPORTS } from "../tests/unit/suggest-corpus/reports";

export const SOURCE_CHARACTERS = 20_000;

export type SuggestionsResult = {
  characters: number;
  leaders: number;
  runs: number;
  suggestions: number;
  cpuMsMedian: number;
  cpuMsP95: number;
  cpuMsMax: number;
};

/** The corpus's reports one after another, cut at a paragraph to 20,000 characters. */
function sourceText(): string {
  let text = "";
  for (let i = 0; text.length < SOURCE_CHARACTERS; i++) {
    text += `${REPORTS[i % REPORTS.length]!.text}\n\n`;
  }
  return text.slice(0, SOURCE_CHARACTERS);
}

function inventedLeaders(count: number): KnownLeader[] {
  const first = [
    "Amara",
    "Boris",
    "Chen",
    "Dalia",
    "Emil",
    "Farid",
    "Goran",
    "Hana",
    "Ivo",
    "Jana",
  ];
  const last = [
    "Okafor",
    "Petrov",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Quispe",
    "Rahimi",
    "Sato",
    "Tanaka",
    "Umarov",
  ];
  return Array.from({ length: count }, (_, i) => ({
    id: 10_000 + i,
    name: `${first[i % 10]} ${last[Math.floor(i / 10) % 10]}${i}`,
    aliases: [],
    office: "President",
    polity: `Testland ${i}`,
    countryCode: null,
  }));
}

export function timeSuggestions({ runs = 30, leaders = 2_000 } = {}): SuggestionsResult {
  const text = sourceText();
  const input = {
    text,
    publishedOn: "2025-05-09",
    event: EVENT,
    leaders: [...LEADERS, ...inventedLeaders(leaders)],
  };
  // A first run compiles the rules and warms the JIT, as a server's first request would.
  const count = suggestClaims(input).length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    suggestClaims(input);
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    characters: text.length,
    leaders: input.leaders.length,
    runs,
    suggestions: count,
    cpuMsMedian: round(at(0.5)),
    cpuMsP95: round(at(0.95)),
    cpuMsMax: round(times.at(-1)!),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  console.log(
    JSON.stringify(timeSuggestions({ runs: arg("--runs"), leaders: arg("--leaders") }), null, 2),
  );
}
