import { geoArea, geoNaturalEarth1, geoPath, type GeoProjection } from "d3-geo";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { feature, merge } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import {
  claimLabel,
  representedBy,
  type AttendanceOutcome,
  type AttendanceStatus,
} from "@/lib/attendance/status";
import { countUnderReview, type CitationStandingFields } from "@/lib/quotes/citation-standing";
import { compactPath, RingRecorder } from "./compact-path";
import { numericCountryCode } from "./country-codes";
import { markerLocation, subnationalEntity } from "./places";
import { countOf } from "../text/plural";

/** world-atlas's countries-*.json: countries keyed by ISO 3166-1 numeric code, and the land. */
export type CountriesTopology = Topology<{
  countries: GeometryCollection<{ name: string }>;
  land: GeometryCollection;
}>;

/** What the map needs of an attendance entry. */
export type MapEntry = {
  id: number;
  status: AttendanceStatus;
  /** Read once the event has started (see `afterEvent`). */
  outcome?: AttendanceOutcome | null;
  /** Who represented the leader: the country is still shaded by the leader's own status. */
  representative?: { name: string; office: string } | null;
  /** The step's public note, in the tooltip. */
  stepNote?: string;
  leader: { name: string; polity: string; countryCode: string | null };
  /** The current citations, when known: those under review are counted in the title. */
  citations?: readonly CitationStandingFields[];
};

/**
 * What a shape or marker is filled with: the leader's own status, or, once the event has
 * started, their outcome where a source reports one. Strongest first: a shared country takes
 * the first its leaders have.
 */
export const SHADES = [
  "attended",
  "partly_attended",
  "confirmed",
  "reported",
  "did_not_attend",
  "declined",
] as const;
export type Shade = (typeof SHADES)[number];

export const shadeOf = (entry: MapEntry, afterEvent: boolean): Shade =>
  (afterEvent && entry.outcome) || entry.status;

type XY = { x: number; y: number };

/** One entry on the map: its country's shape, a marker, or both; drawn as one link. */
export type MapLink = {
  entry: MapEntry;
  shade: Shade;
  /** "Nicolas Maduro, Venezuela: Confirmed" */
  title: string;
  /** The country's outline, when the entry is the only one there. */
  shape: string | null;
  /** A marker, for entities without a shape of their own and shapes too small to see. */
  marker: XY | null;
};

export type WorldMapModel = {
  width: number;
  height: number;
  /** Countries that several entries share: shaded by the strongest status, each entry a marker. */
  sharedShapes: { key: string; d: string; shade: Shade }[];
  /** Where a country or entity was represented by someone else: a small diamond on it. */
  represented: (XY & { entryId: number })[];
  /** The fills drawn, in SHADES order, for the legend. */
  shades: Shade[];
  /** Shapes first, then markers, so markers are drawn on top; each group in the entries' order. */
  links: MapLink[];
  /** Entries with no country code, or one the map cannot place. */
  unplaced: MapEntry[];
  /** "9 leaders from 9 countries: 8 confirmed, 1 reported" */
  label: string;
};

export const MAP_WIDTH = 960;
export const MARKER_RADIUS = 7;
const PADDING = 12;
/** A shape whose largest part spans fewer units than this also gets a marker. */
const MIN_SHAPE_SIZE = 8;
const ANTARCTICA = "010";
/** Whole units are enough at the map's largest size (about 1000 CSS pixels wide). */
const DIGITS = 0;

type CountryShape = { d: string; anchor: XY; size: number };
type Basemap = {
  height: number;
  projection: GeoProjection;
  land: string;
  countries: Map<string, CountryShape>;
};

const basemaps = new WeakMap<CountriesTopology, Basemap>();

/** The projection, land and country outlines, computed once per atlas. */
function basemap(topology: CountriesTopology): Basemap {
  const cached = basemaps.get(topology);
  if (cached) return cached;

  const geometries = topology.objects.countries.geometries.filter((g) => g.id !== ANTARCTICA);
  const land = merge(topology, geometries as Parameters<typeof merge>[1]);
  const projection = geoNaturalEarth1().fitWidth(MAP_WIDTH - 2 * PADDING, land);
  const [tx, ty] = projection.translate();
  projection.translate([tx + PADDING, ty + PADDING]);
  const path = geoPath(projection);
  const height = Math.ceil(path.bounds(land)[1][1] + PADDING);

  const draw = (object: Parameters<typeof path>[0], minArea = 0) => {
    const recorder = new RingRecorder();
    geoPath(projection, recorder)(object);
    return compactPath(recorder.rings, { digits: DIGITS, minArea });
  };

  const countries = new Map<string, CountryShape>();
  for (const country of feature(topology, topology.objects.countries).features) {
    if (country.id === undefined || country.id === ANTARCTICA) continue;
    const largest = largestPolygon(country as Feature<Polygon | MultiPolygon>);
    const [[x0, y0], [x1, y1]] = path.bounds(largest);
    const [x, y] = path.centroid(largest);
    countries.set(String(country.id), {
      d: draw(country),
      anchor: { x, y },
      size: Math.max(x1 - x0, y1 - y0),
    });
  }

  const result = { height, projection, land: draw(land, 1), countries };
  basemaps.set(topology, result);
  return result;
}

function largestPolygon(country: Feature<Polygon | MultiPolygon>): Polygon {
  const { geometry } = country;
  if (geometry.type === "Polygon") return geometry;
  const polygons = geometry.coordinates.map((coordinates) => ({
    type: "Polygon" as const,
    coordinates,
  }));
  return polygons.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
}

type Place =
  { kind: "shape"; key: string; shape: CountryShape } | { kind: "point"; key: string; at: XY };

/** Where an entry goes: its sub-national entity, its country's shape, or its country's marker. */
function placeOf(entry: MapEntry, map: Basemap): Place | null {
  const code = entry.leader.countryCode?.toUpperCase();
  if (!code) return null;
  const project = (lonLat: readonly [number, number]): XY | null => {
    const xy = map.projection([lonLat[0], lonLat[1]]);
    return xy ? { x: xy[0], y: xy[1] } : null;
  };
  const entity = subnationalEntity(code, entry.leader.polity);
  if (entity) {
    const at = project(entity.at);
    return at && { kind: "point", key: `${code}:${entity.name}`, at };
  }
  const numeric = numericCountryCode(code);
  const shape = numeric ? map.countries.get(numeric) : undefined;
  if (shape) return { kind: "shape", key: numeric!, shape };
  const location = markerLocation(code);
  const at = location && project(location);
  return at ? { kind: "point", key: code, at } : null;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Markers of one place side by side, centred on it. */
function spread(at: XY, count: number, index: number): XY {
  const step = 2 * MARKER_RADIUS + 3;
  return { x: round(at.x + (index - (count - 1) / 2) * step), y: round(at.y) };
}

/**
 * "Nicolas Maduro, Venezuela: Confirmed"; "Narendra Modi, India: Declined, represented by
 * Defence Minister Rajnath Singh"; with the step's note in brackets, then how many of the
 * current citations are under review.
 */
export function mapTitle(entry: MapEntry, afterEvent = false): string {
  const claim = claimLabel(afterEvent ? entry : { status: entry.status });
  const represented = entry.representative ? `, ${representedBy(entry.representative)}` : "";
  const note = entry.stepNote ? ` (${entry.stepNote})` : "";
  const title = `${entry.leader.name}, ${entry.leader.polity}: ${claim}${represented}${note}`;
  const marked = countUnderReview(entry.citations ?? []);
  return marked === 0 ? title : `${title} (${countOf(marked, "citation")} under review)`;
}

/**
 * Lays the entries out on a Natural Earth map of the atlas. Pure: the same atlas and entries
 * give the same model.
 */
export function buildWorldMap(
  topology: CountriesTopology,
  entries: MapEntry[],
  { afterEvent = false }: { afterEvent?: boolean } = {},
): WorldMapModel {
  const map = basemap(topology);
  const represented: WorldMapModel["represented"] = [];
  const groups = new Map<string, { place: Place; entries: MapEntry[] }>();
  const unplaced: MapEntry[] = [];
  for (const entry of entries) {
    const place = placeOf(entry, map);
    if (!place) {
      unplaced.push(entry);
      continue;
    }
    const group = groups.get(place.key) ?? { place, entries: [] };
    group.entries.push(entry);
    groups.set(place.key, group);
  }

  const shapeLinks: MapLink[] = [];
  const markerLinks: MapLink[] = [];
  const sharedShapes: WorldMapModel["sharedShapes"] = [];
  for (const { place, entries: here } of groups.values()) {
    const link = (entry: MapEntry, shape: string | null, marker: XY | null): MapLink => ({
      entry,
      shade: shadeOf(entry, afterEvent),
      title: mapTitle(entry, afterEvent),
      shape,
      marker,
    });
    // The diamond sits just above and right of where the country's marker would be.
    const markRepresented = (entry: MapEntry, at: XY) => {
      if (entry.representative) {
        represented.push({
          entryId: entry.id,
          x: round(at.x + MARKER_RADIUS),
          y: round(at.y - MARKER_RADIUS),
        });
      }
    };
    if (place.kind === "shape" && here.length === 1) {
      const { shape } = place;
      const marker = shape.size < MIN_SHAPE_SIZE ? spread(shape.anchor, 1, 0) : null;
      shapeLinks.push(link(here[0]!, shape.d, marker));
      markRepresented(here[0]!, marker ?? shape.anchor);
      continue;
    }
    const at = place.kind === "shape" ? place.shape.anchor : place.at;
    if (place.kind === "shape") {
      const shade = SHADES.find((s) => here.some((e) => shadeOf(e, afterEvent) === s))!;
      sharedShapes.push({ key: place.key, d: place.shape.d, shade });
    }
    here.forEach((entry, i) => {
      const marker = spread(at, here.length, i);
      markerLinks.push(link(entry, null, marker));
      markRepresented(entry, marker);
    });
  }

  const order = new Map(entries.map((entry, i) => [entry, i]));
  const byInput = (a: MapLink, b: MapLink) => order.get(a.entry)! - order.get(b.entry)!;

  return {
    width: MAP_WIDTH,
    height: map.height,
    sharedShapes,
    represented,
    shades: SHADES.filter((s) => entries.some((e) => shadeOf(e, afterEvent) === s)),
    links: [...shapeLinks.sort(byInput), ...markerLinks.sort(byInput)],
    unplaced,
    label: summarizeMap(entries, unplaced.length, afterEvent),
  };
}

/** The id of the land's path in `landSvg`. */
export const LAND_ID = "land";

/**
 * All land but Antarctica as a standalone SVG document, in the map's coordinates. The map
 * refers to it rather than repeating it: it is the same for every event, so it is fetched once
 * and cached, while the page carries only the shapes that change. The path has no fill of its
 * own, so it takes the fill of the element that uses it.
 */
export function landSvg(topology: CountriesTopology): string {
  const map = basemap(topology);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${map.height}"><path id="${LAND_ID}" d="${map.land}"/></svg>`;
}

/**
 * "9 leaders from 9 countries: 8 confirmed, 1 reported". Countries are the distinct country
 * codes: a leader of a sub-national entity (Republika Srpska) counts for the country it is in
 * (Bosnia and Herzegovina). Statuses nobody has are left out; entries the map cannot show are
 * counted at the end.
 */
export function summarizeMap(
  entries: readonly MapEntry[],
  unplaced = 0,
  afterEvent = false,
): string {
  if (entries.length === 0) return "No leaders yet";
  const codes = new Set(entries.flatMap((e) => e.leader.countryCode?.toUpperCase() ?? []));
  const order = afterEvent
    ? SHADES
    : (["confirmed", "reported", "declined"] as const satisfies readonly Shade[]);
  const statuses = order
    .map((shade) => ({
      shade,
      count: entries.filter((e) => shadeOf(e, afterEvent) === shade).length,
    }))
    .filter(({ count }) => count > 0)
    .map(({ shade, count }) => `${count} ${claimLabel(shadeClaim(shade)).toLowerCase()}`);
  const represented = entries.filter((e) => e.representative).length;
  const leaders = countOf(entries.length, "leader");
  const from = codes.size > 0 ? ` from ${countOf(codes.size, "country", "countries")}` : "";
  const sent = represented > 0 ? `; ${represented} represented by someone else` : "";
  const missing = unplaced > 0 ? `; ${unplaced} not on the map` : "";
  return `${leaders}${from}: ${statuses.join(", ")}${sent}${missing}`;
}

/** A shade as a claim, for its words. */
export const shadeClaim = (shade: Shade) =>
  shade === "confirmed" || shade === "reported" || shade === "declined"
    ? { status: shade }
    : { status: "confirmed", outcome: shade };
