import { COUNTRY_WORDS } from "@/lib/suggest/countries";
import { searchKey } from "@/lib/text/search-key";
import { ISO_3166_ALPHA2 } from "./iso-3166";

/** A country's name as a key: case, accents, spacing and a leading "the" do not matter. */
const nameKey = (name: string) => searchKey(name).replace(/^the /, "");

/**
 * Each country's English names by key: the names news text writes (lib/suggest/countries.ts)
 * first, then the name ICU gives each ISO 3166-1 code ("Czechia", "Côte d’Ivoire"), with and
 * without what it adds in brackets ("Myanmar (Burma)"). A name two codes share names neither.
 */
const CODE_OF_NAME: ReadonlyMap<string, string> = (() => {
  const codes = new Map<string, Set<string>>();
  const add = (name: string, code: string) => {
    const key = nameKey(name);
    if (key) codes.set(key, (codes.get(key) ?? new Set()).add(code));
  };
  for (const word of COUNTRY_WORDS) if (word.kind === "name") add(word.word, word.code);
  const curated = new Set(codes.keys());
  const regions = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  for (const code of ISO_3166_ALPHA2) {
    const name = regions.of(code);
    if (!name) continue;
    for (const variant of new Set([name, name.replace(/\s*\(.*\)$/, "")])) {
      if (!curated.has(nameKey(variant))) add(variant, code);
    }
  }
  return new Map(
    [...codes].flatMap(([key, found]) => (found.size === 1 ? [[key, [...found][0]!]] : [])),
  );
})();

/**
 * The ISO 3166-1 alpha-2 code of a country named in English ("France", "Viet Nam", "the United
 * States"), or null for a name that is not one country's (an entity such as the United
 * Nations, a region, a misspelling).
 */
export function countryCodeOfName(name: string): string | null {
  return CODE_OF_NAME.get(nameKey(name)) ?? null;
}
