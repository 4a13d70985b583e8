/**
 * Where to put a marker for the places the 110m world atlas has no usable shape for.
 * Longitude and latitude in degrees.
 */
export type LonLat = readonly [lon: number, lat: number];

/**
 * Countries and territories with an ISO 3166-1 code but no shape in world-atlas's
 * countries-110m.json: the centre of their largest island in countries-50m.json, rounded to a
 * tenth of a degree; for the 14 that the 50m atlas lacks too (marked *), their capital or main
 * island.
 */
const MARKER_ROWS = `
AD 1.6 42.5|AG -61.8 17.1|AI -63.1 18.2|AS -170.7 -14.3|AW -70 12.5|AX 19.9 60.2|BB -59.6 13.2
BH 50.5 26|BL -62.8 17.9|BM -64.8 32.3|BQ -68.3 12.2*|BV 3.4 -54.4*|CC 96.9 -12.2*|CK -159.8 -21.2
CV -23.6 15.1|CW -69 12.2|CX 105.6 -10.5*|DM -61.4 15.4|FM 158.2 6.9|FO -6.9 62.2|GD -61.7 12.1
GF -52.3 4.9*|GG -2.6 49.5|GI -5.4 36.1*|GP -61.6 16.2*|GS -36.7 -54.4|GU 144.8 13.4|HK 114.1 22.4
HM 73.5 -53.1|IM -4.5 54.2|IO 72.4 -7.3|JE -2.1 49.2|KI -157.4 1.9|KM 43.3 -11.7|KN -62.7 17.3
KY -81.3 19.3|LC -61 13.9|LI 9.5 47.1|MC 7.4 43.8|MF -63.1 18.1|MH 171.2 7.1|MO 113.5 22.2
MP 145.7 15.2|MQ -61 14.6*|MS -62.2 16.7|MT 14.4 35.9|MU 57.6 -20.3|MV 73.5 4.2|NF 167.9 -29.1
NR 166.9 -0.5|NU -169.9 -19|PF -149.4 -17.7|PM -56.3 46.9|PN -128.3 -24.4|PW 134.6 7.5
RE 55.5 -20.9*|SC 55.5 -4.7|SG 103.8 1.4|SH -5.7 -16|SJ 15.6 78.2*|SM 12.5 43.9|ST 6.6 0.2
SX -63.1 18.1|TC -71.7 21.8|TK -171.8 -9.2*|TO -175.2 -21.2|TV 179.2 -8.5*|UM 166.6 19.3*
VA 12.4 41.9|VC -61.2 13.3|VG -64.6 18.4|VI -64.8 17.7|WF -178.1 -14.3|WS -172.4 -13.6
YT 45.2 -12.8*`;

const MARKER_LOCATIONS: ReadonlyMap<string, LonLat> = new Map(
  MARKER_ROWS.trim()
    .split(/[|\n]/)
    .map((row) => {
      const [code, lon, lat] = row.replace("*", "").trim().split(" ");
      return [code!, [Number(lon), Number(lat)] as const];
    }),
);

/** The marker location of a country without a 110m shape ("MT" → Malta), if it has one. */
export function markerLocation(alpha2: string): LonLat | null {
  return MARKER_LOCATIONS.get(alpha2.toUpperCase()) ?? null;
}

/** Every code with a marker location, for tests. */
export const MARKER_CODES: readonly string[] = [...MARKER_LOCATIONS.keys()];

/**
 * Entities inside a country whose leaders attend in their own right. A leader carries only the
 * country's code; the entity is recognised by its name in the leader's polity
 * ("Republika Srpska (Bosnia and Herzegovina)"). Each is drawn as a marker at `at` (its seat of
 * government) instead of shading the whole country.
 */
export const SUBNATIONAL_ENTITIES: readonly { name: string; countryCode: string; at: LonLat }[] = [
  { name: "Republika Srpska", countryCode: "BA", at: [17.2, 44.8] },
];

/** The sub-national entity a leader's polity names, if any. */
export function subnationalEntity(countryCode: string, polity: string) {
  const text = polity.toLowerCase();
  return (
    SUBNATIONAL_ENTITIES.find(
      (e) => e.countryCode === countryCode.toUpperCase() && text.includes(e.name.toLowerCase()),
    ) ?? null
  );
}
