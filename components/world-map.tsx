import { claimLabel } from "@/lib/attendance/status";
import { worldAtlas } from "@/lib/map/atlas";
import {
  buildWorldMap,
  LAND_ID,
  MARKER_RADIUS,
  shadeClaim,
  type MapEntry,
  type Shade,
} from "@/lib/map/world-map";

export type WorldMapProps = {
  entries: MapEntry[];
  /** The event has started: shade by outcome where a source reports one. */
  afterEvent?: boolean;
  /** Where its links open: `_top` in an embed, so they leave the host page's iframe. */
  linkTarget?: "_top";
};

/** Fill of each status or outcome: a colour and a texture, so the map reads in greyscale too. */
const patternId = (shade: Shade) => `map-${shade}`;
const fillOf = (shade: Shade) => `url(#${patternId(shade)})`;

/**
 * Where the leaders come from: each country shaded by its leader's own status (after the
 * event, outcome), markers for entities without a shape of their own, and a diamond where the
 * leader was represented by someone else. Every shape and marker is a link to its entry with
 * the leader, status, representative and note in its title. Rendered on the server; no client
 * JavaScript. Its links' and markers' looks are the `world-map` rules of app/globals.css.
 */
export function WorldMap({ entries, afterEvent = false, linkTarget }: WorldMapProps) {
  const map = buildWorldMap(worldAtlas, entries, { afterEvent });
  return (
    <div className="space-y-2">
      <svg
        viewBox={`0 0 ${map.width} ${map.height}`}
        role="group"
        aria-label={map.label}
        className="world-map h-auto w-full max-w-3xl"
      >
        <Patterns />
        {/* Served by app/map/land.svg: the same for every event, so cached. */}
        <use
          href={`/map/land.svg#${LAND_ID}`}
          className="fill-slate-200 dark:fill-slate-700"
          aria-hidden="true"
        />
        <g className="stroke-white stroke-[0.75] dark:stroke-slate-950">
          <g aria-hidden="true">
            {map.sharedShapes.map((shape) => (
              <path key={shape.key} d={shape.d} fill={fillOf(shape.shade)} />
            ))}
          </g>
          {map.links.map(({ entry, shade, title, shape, marker }) => (
            <a key={entry.id} href={`/attendance/${entry.id}`} target={linkTarget}>
              <title>{title}</title>
              {shape && <path d={shape} fill={fillOf(shade)} />}
              {marker && <Marker shade={shade} {...marker} />}
            </a>
          ))}
        </g>
        <g aria-hidden="true">
          {map.represented.map(({ entryId, x, y }) => (
            <RepresentedMark key={entryId} x={x} y={y} />
          ))}
        </g>
      </svg>
      <MapLegend shades={map.shades} represented={map.represented.length > 0} />
      {map.unplaced.length > 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Not on the map (no country, or one the map lacks):{" "}
          {map.unplaced.map((e) => e.leader.name).join(", ")}.
        </p>
      )}
    </div>
  );
}

function Patterns() {
  return (
    <defs>
      <pattern id={patternId("confirmed")} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="fill-emerald-700 dark:fill-emerald-400" />
      </pattern>
      <pattern
        id={patternId("reported")}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" className="fill-amber-300" />
        <rect width="3" height="6" className="fill-amber-800 dark:fill-amber-600" />
      </pattern>
      <pattern id={patternId("declined")} width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" className="fill-white dark:fill-slate-950" />
        <circle cx="2.5" cy="2.5" r="1.2" className="fill-slate-700 dark:fill-slate-300" />
      </pattern>
      <pattern id={patternId("attended")} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="fill-emerald-950 dark:fill-emerald-200" />
      </pattern>
      <pattern
        id={patternId("partly_attended")}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(-45)"
      >
        <rect width="6" height="6" className="fill-teal-200" />
        <rect width="2" height="6" className="fill-teal-800 dark:fill-teal-500" />
      </pattern>
      <pattern id={patternId("did_not_attend")} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="fill-rose-100 dark:fill-rose-950" />
        <path d="M0 6L6 0" className="stroke-rose-800 dark:stroke-rose-300" strokeWidth="1.2" />
      </pattern>
    </defs>
  );
}

/**
 * A circle, a dashed circle or a square, as in the status icons; filled with the status. Its
 * outline is the `world-map` rules' of app/globals.css: markers are many on a map.
 */
function Marker({ shade, x, y }: { shade: Shade; x: number; y: number }) {
  const r = MARKER_RADIUS;
  return shade === "declined" || shade === "did_not_attend" ? (
    <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={fillOf(shade)} />
  ) : (
    <circle
      cx={x}
      cy={y}
      r={r}
      fill={fillOf(shade)}
      strokeDasharray={shade === "reported" ? "3 2" : undefined}
    />
  );
}

/** A small diamond: the leader was represented by someone else. */
function RepresentedMark({ x, y }: { x: number; y: number }) {
  const r = 5;
  return (
    <path
      d={`M${x} ${y - r}L${x + r} ${y}L${x} ${y + r}L${x - r} ${y}Z`}
      className="fill-white stroke-slate-900 stroke-[1.5] dark:fill-slate-950 dark:stroke-slate-100"
    />
  );
}

const ALWAYS: readonly Shade[] = ["confirmed", "reported", "declined"];

function MapLegend({ shades, represented }: { shades: Shade[]; represented: boolean }) {
  // The three statuses always; an outcome once the map draws it.
  const shown = [...ALWAYS, ...shades.filter((s) => !ALWAYS.includes(s))];
  return (
    <ul
      aria-label="Map legend"
      className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700 dark:text-slate-300"
    >
      {shown.map((shade) => (
        <li key={shade} className="flex items-center gap-1.5">
          <svg width="20" height="14" aria-hidden="true" className="shrink-0">
            <rect
              x=".5"
              y=".5"
              width="19"
              height="13"
              fill={fillOf(shade)}
              className="stroke-slate-500"
            />
          </svg>
          {claimLabel(shadeClaim(shade))}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <svg width="14" height="14" aria-hidden="true" className="shrink-0">
          <circle
            cx="7"
            cy="7"
            r="5.5"
            className="fill-slate-400 stroke-slate-900 stroke-[1.5] dark:stroke-slate-100"
          />
        </svg>
        Marker: a region, or a country too small to see
      </li>
      {represented && (
        <li className="flex items-center gap-1.5">
          <svg width="14" height="14" aria-hidden="true" className="shrink-0">
            <path
              d="M7 1.5L12.5 7L7 12.5L1.5 7Z"
              className="fill-white stroke-slate-900 stroke-[1.5] dark:fill-slate-950 dark:stroke-slate-100"
            />
          </svg>
          Diamond: represented by someone else (the shading is the leader&apos;s own status)
        </li>
      )}
    </ul>
  );
}
