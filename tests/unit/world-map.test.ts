import { geoContains } from "d3-geo";
import fc from "fast-check";
import { feature } from "topojson-client";
import { describe, expect, it } from "vitest";
import type { AttendanceStatus } from "@/lib/attendance/status";
import { worldAtlas } from "@/lib/map/atlas";
import { compactPath } from "@/lib/map/compact-path";
import { KNOWN_ALPHA2_CODES, numericCountryCode } from "@/lib/map/country-codes";
import { MARKER_CODES, markerLocation, SUBNATIONAL_ENTITIES } from "@/lib/map/places";
import { buildWorldMap, landSvg, summarizeMap, type MapEntry } from "@/lib/map/world-map";
import { loadSeedData } from "@/prisma/seed";

const countries = feature(worldAtlas, worldAtlas.objects.countries).features;
const atlasIds = new Set(countries.flatMap((c) => (c.id === undefined ? [] : [String(c.id)])));

let nextId = 1;
function entry(
  countryCode: string | null,
  status: AttendanceStatus = "confirmed",
  polity = countryCode ?? "Somewhere",
): MapEntry {
  const id = nextId++;
  return { id, status, leader: { name: `Leader ${id}`, polity, countryCode } };
}

const seedEntries: MapEntry[] = loadSeedData().entries.map((e, i) => ({
  id: i + 1,
  status: e.status,
  leader: e.leader,
}));
const byName = (map: ReturnType<typeof buildWorldMap>, name: string) =>
  map.links.find((l) => l.entry.leader.name === name)!;

/** Reads a path written by compactPath back into absolute rings. */
function decode(d: string): [number, number][][] {
  const rings: [number, number][][] = [];
  let cursor: [number, number] = [0, 0];
  for (const [, command, args] of d.matchAll(/([Mmlz])([^Mmlz]*)/g)) {
    const values = (args!.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
    if (command === "M" || command === "m") {
      cursor = [cursor[0] + values[0]!, cursor[1] + values[1]!];
      rings.push([cursor]);
    } else if (command === "l") {
      let [x, y] = rings.at(-1)![0]!;
      for (let i = 0; i < values.length; i += 2) {
        x += values[i]!;
        y += values[i + 1]!;
        rings.at(-1)!.push([x, y]);
      }
    }
  }
  return rings;
}

describe("country codes", () => {
  it("maps alpha-2 codes to the atlas's numeric ids, in any case", () => {
    expect(numericCountryCode("VE")).toBe("862");
    expect(numericCountryCode("ba")).toBe("070");
    expect(numericCountryCode("PS")).toBe("275");
    expect(numericCountryCode("XX")).toBeNull();
  });

  it("covers all 249 assigned codes, each with its own numeric code", () => {
    expect(KNOWN_ALPHA2_CODES).toHaveLength(249);
    const numerics = KNOWN_ALPHA2_CODES.map(numericCountryCode);
    expect(new Set(numerics).size).toBe(249);
    for (const id of atlasIds) expect(numerics).toContain(id);
  });

  it("gives every code either a shape in the atlas or a marker location, never both", () => {
    for (const code of KNOWN_ALPHA2_CODES) {
      const hasShape = atlasIds.has(numericCountryCode(code)!);
      expect({ code, placed: hasShape !== (markerLocation(code) !== null) }).toEqual({
        code,
        placed: true,
      });
    }
    expect(MARKER_CODES.every((code) => KNOWN_ALPHA2_CODES.includes(code))).toBe(true);
  });

  it("places each sub-national entity inside its country", () => {
    for (const entity of SUBNATIONAL_ENTITIES) {
      const country = countries.find((c) => c.id === numericCountryCode(entity.countryCode));
      expect(country && geoContains(country, [...entity.at])).toBe(true);
    }
  });
});

describe("buildWorldMap", () => {
  const seedMap = buildWorldMap(worldAtlas, seedEntries);

  it("sums up the seed: nine leaders from nine countries", () => {
    expect(seedMap.label).toBe("9 leaders from 9 countries: 8 confirmed, 1 reported");
    expect(seedMap.links).toHaveLength(9);
    expect(seedMap.unplaced).toEqual([]);
  });

  it("draws finite paths and markers inside the map", () => {
    for (const link of seedMap.links) {
      if (link.shape) {
        expect(link.shape).toMatch(/^M[-\d. lmz]+z$/);
        for (const ring of decode(link.shape)) {
          for (const [x, y] of ring) {
            expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(seedMap.width);
            expect(y).toBeGreaterThanOrEqual(0);
            expect(y).toBeLessThanOrEqual(seedMap.height);
          }
        }
      }
      if (link.marker) {
        expect(link.marker.x).toBeGreaterThan(0);
        expect(link.marker.x).toBeLessThan(seedMap.width);
        expect(link.marker.y).toBeGreaterThan(0);
        expect(link.marker.y).toBeLessThan(seedMap.height);
      }
    }
  });

  it("shades Venezuela for Maduro, with his status in the title", () => {
    const maduro = byName(seedMap, "Nicolas Maduro");
    expect(maduro.shape).toBeTruthy();
    expect(maduro.marker).toBeNull();
    expect(maduro.title).toBe("Nicolas Maduro, Venezuela: Confirmed");
  });

  it("gives Republika Srpska a marker, not the whole of Bosnia", () => {
    const dodik = byName(seedMap, "Milorad Dodik");
    expect(dodik.shape).toBeNull();
    expect(dodik.marker).not.toBeNull();
    expect(seedMap.sharedShapes).toEqual([]);
    // Markers come after all shapes, so they are drawn on top.
    expect(seedMap.links.at(-1)).toBe(dodik);
  });

  it("adds a marker to a shape too small to see (Palestine at 1:110m)", () => {
    const abbas = byName(seedMap, "Mahmoud Abbas");
    expect(abbas.shape).toBeTruthy();
    expect(abbas.marker).not.toBeNull();
  });

  it("puts a country without a shape (Malta) on a marker", () => {
    const map = buildWorldMap(worldAtlas, [entry("MT")]);
    expect(map.links[0]!.shape).toBeNull();
    expect(map.links[0]!.marker).not.toBeNull();
  });

  it("shades a country two leaders share once, with a marker for each", () => {
    const map = buildWorldMap(worldAtlas, [entry("BR", "reported"), entry("BR", "declined")]);
    expect(map.sharedShapes).toEqual([expect.objectContaining({ key: "076", shade: "reported" })]);
    expect(map.links.map((l) => l.shape)).toEqual([null, null]);
    const [a, b] = map.links.map((l) => l.marker!);
    expect(a!.x).not.toBe(b!.x);
    expect(map.label).toBe("2 leaders from 1 country: 1 reported, 1 declined");
  });

  it("leaves out entries it cannot place, and says so", () => {
    const map = buildWorldMap(worldAtlas, [entry(null), entry("ZZ"), entry("VE")]);
    expect(map.unplaced).toHaveLength(2);
    expect(map.links).toHaveLength(1);
    expect(map.label).toBe("3 leaders from 2 countries: 3 confirmed; 2 not on the map");
  });

  it("writes the land once as a standalone SVG in the same coordinates", () => {
    const svg = landSvg(worldAtlas);
    expect(svg).toMatch(
      new RegExp(
        `^<svg [^>]*viewBox="0 0 ${seedMap.width} ${seedMap.height}"><path id="land" d="M`,
      ),
    );
    // Whole units keep it small enough to send and cache once.
    expect(svg.length).toBeLessThan(25_000);
  });
});

describe("summarizeMap", () => {
  it("uses the singular for one", () => {
    expect(summarizeMap([entry("SK", "declined")])).toBe("1 leader from 1 country: 1 declined");
  });
  it("says when there is nobody yet", () => {
    expect(summarizeMap([])).toBe("No leaders yet");
  });
});

describe("compactPath", () => {
  it("keeps every point within half a unit of where it was, however long the ring", () => {
    const point = fc.tuple(
      fc.double({ min: 0, max: 960, noNaN: true }),
      fc.double({ min: 0, max: 500, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(point, { minLength: 3, maxLength: 300 }), { maxLength: 5 }),
        (rings) => {
          const decoded = decode(compactPath(rings, { digits: 1 })).flat();
          const snapped = new Set(
            rings.flat().map(([x, y]) => `${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`),
          );
          for (const [x, y] of decoded) {
            expect(snapped.has(`${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`)).toBe(true);
          }
        },
      ),
    );
  });

  it("drops repeated points, rings that collapse, and rings below the minimum area", () => {
    expect(
      compactPath([
        [
          [0, 0],
          [0.2, 0.1],
          [10, 0],
          [10, 10],
          [0, 0],
        ],
        [
          [5, 5],
          [5.1, 5.1],
          [5.2, 5.3],
        ],
      ]),
    ).toBe("M0 0l10 0 0 10z");
    const small = [
      [0, 0],
      [2, 0],
      [2, 2],
    ] as [number, number][];
    expect(compactPath([small], { minArea: 3 })).toBe("");
    expect(compactPath([small], { minArea: 1 })).toBe("M0 0l2 0 0 2z");
  });

  it("writes later rings relative to the previous ring's start, and decimals without 0", () => {
    const d = compactPath(
      [
        [
          [10, 10],
          [10.5, 10],
          [10.5, 9.5],
        ],
        [
          [20, 20],
          [21, 20],
          [21, 21],
        ],
      ],
      { digits: 1 },
    );
    expect(d).toBe("M10 10l.5 0 0-.5zm10 10l1 0 0 1z");
    expect(decode(d)).toEqual([
      [
        [10, 10],
        [10.5, 10],
        [10.5, 9.5],
      ],
      [
        [20, 20],
        [21, 20],
        [21, 21],
      ],
    ]);
  });
});
