/**
 * Country names and demonyms as English news text writes them, for finding a leader by title
 * and country ("Venezuelan President", "China's leader", "Tajikistan's Emomali Rahmon").
 * Data, not code: a country missing here is added as one line. Each row: the ISO 3166-1 code,
 * then the names and demonyms it is written with (the first name is the one a new leader gets).
 */
const ROWS: [code: string, names: string[], demonyms: string[]][] = [
  ["AF", ["Afghanistan"], ["Afghan"]],
  ["AM", ["Armenia"], ["Armenian"]],
  ["AO", ["Angola"], ["Angolan"]],
  ["AZ", ["Azerbaijan"], ["Azerbaijani", "Azeri"]],
  ["BA", ["Bosnia and Herzegovina", "Bosnia", "Republika Srpska"], ["Bosnian Serb", "Bosnian"]],
  ["BF", ["Burkina Faso"], ["Burkinabe"]],
  ["BO", ["Bolivia"], ["Bolivian"]],
  ["BR", ["Brazil"], ["Brazilian"]],
  ["BY", ["Belarus"], ["Belarusian", "Belarussian"]],
  ["CF", ["Central African Republic"], ["Central African"]],
  ["CG", ["Republic of the Congo", "Congo-Brazzaville", "Congo"], ["Congolese"]],
  ["CN", ["China"], ["Chinese"]],
  ["CU", ["Cuba"], ["Cuban"]],
  ["DE", ["Germany"], ["German"]],
  ["EG", ["Egypt"], ["Egyptian"]],
  ["ER", ["Eritrea"], ["Eritrean"]],
  ["ET", ["Ethiopia"], ["Ethiopian"]],
  ["FR", ["France"], ["French"]],
  ["GB", ["United Kingdom", "Britain"], ["British"]],
  ["GE", ["Georgia"], ["Georgian"]],
  ["GN", ["Guinea"], ["Guinean"]],
  ["GQ", ["Equatorial Guinea"], ["Equatorial Guinean"]],
  ["GW", ["Guinea-Bissau"], ["Bissau-Guinean"]],
  ["HU", ["Hungary"], ["Hungarian"]],
  ["ID", ["Indonesia"], ["Indonesian"]],
  ["IN", ["India"], ["Indian"]],
  ["IR", ["Iran"], ["Iranian"]],
  ["IQ", ["Iraq"], ["Iraqi"]],
  ["JP", ["Japan"], ["Japanese"]],
  ["KG", ["Kyrgyzstan"], ["Kyrgyz"]],
  ["KP", ["North Korea"], ["North Korean"]],
  ["KZ", ["Kazakhstan"], ["Kazakh"]],
  ["LA", ["Laos"], ["Laotian", "Lao"]],
  ["MD", ["Moldova"], ["Moldovan"]],
  ["ML", ["Mali"], ["Malian"]],
  ["MM", ["Myanmar"], ["Myanmar"]],
  ["MN", ["Mongolia"], ["Mongolian"]],
  ["MY", ["Malaysia"], ["Malaysian"]],
  ["NE", ["Niger"], ["Nigerien"]],
  ["NI", ["Nicaragua"], ["Nicaraguan"]],
  ["PK", ["Pakistan"], ["Pakistani"]],
  ["PS", ["Palestine", "Palestinian Authority"], ["Palestinian"]],
  ["RS", ["Serbia"], ["Serbian"]],
  ["RU", ["Russia"], ["Russian"]],
  ["SK", ["Slovakia"], ["Slovak"]],
  ["SR", ["Suriname"], ["Surinamese"]],
  ["SY", ["Syria"], ["Syrian"]],
  ["TH", ["Thailand"], ["Thai"]],
  ["TJ", ["Tajikistan"], ["Tajik"]],
  ["TM", ["Turkmenistan"], ["Turkmen"]],
  ["TR", ["Turkey", "Türkiye"], ["Turkish"]],
  ["UA", ["Ukraine"], ["Ukrainian"]],
  ["US", ["United States", "the United States"], ["American", "U.S.", "US"]],
  ["UZ", ["Uzbekistan"], ["Uzbek"]],
  ["VE", ["Venezuela"], ["Venezuelan"]],
  ["VN", ["Vietnam", "Viet Nam"], ["Vietnamese"]],
  ["ZA", ["South Africa"], ["South African"]],
  ["ZW", ["Zimbabwe"], ["Zimbabwean"]],
];

export type CountryWord = { code: string; word: string; kind: "name" | "demonym" };

/** Every name and demonym, longest first (so "South African" wins over "African"). */
export const COUNTRY_WORDS: CountryWord[] = ROWS.flatMap(([code, names, demonyms]) => [
  ...names.map((word) => ({ code, word, kind: "name" as const })),
  ...demonyms.map((word) => ({ code, word, kind: "demonym" as const })),
]).sort((a, b) => b.word.length - a.word.length);

const NAME_OF = new Map(ROWS.map(([code, names]) => [code, names[0]!]));

/** The country's usual English name, for a proposed leader's "Country or entity". */
export function countryName(code: string): string {
  return NAME_OF.get(code) ?? code;
}

/** The code of a country named in free text ("Moscow, Russia" → RU), or null. */
export function countryIn(text: string): string | null {
  for (const w of COUNTRY_WORDS) {
    if (w.kind === "name" && new RegExp(`\\b${escapeRegExp(w.word)}\\b`).test(text)) return w.code;
  }
  return null;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
