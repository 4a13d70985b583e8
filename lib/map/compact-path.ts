import type { GeoContext } from "d3-geo";

type Point = [x: number, y: number];

/** A d3-geo path context that keeps the projected rings, to be written by `compactPath`. */
export class RingRecorder implements GeoContext {
  readonly rings: Point[][] = [];

  moveTo(x: number, y: number) {
    this.rings.push([[x, y]]);
  }
  lineTo(x: number, y: number) {
    this.rings.at(-1)?.push([x, y]);
  }
  closePath() {}
  beginPath() {}
  arc() {
    // Only called for Point geometries, which the map does not draw.
  }
}

export type CompactPathOptions = {
  /** Decimal places kept (0: whole units). */
  digits?: number;
  /** Rings smaller than this many square units after rounding are left out. */
  minArea?: number;
};

/**
 * Writes rings as a short SVG path: points snapped to a grid of 10^-digits, the first point of
 * each ring relative to the previous ring's, the rest relative to the point before, repeated
 * points and rings that collapse to a line dropped. Positions are rounded before the steps are
 * taken, so rounding errors do not add up along a ring. Every ring is closed.
 */
export function compactPath(rings: readonly Point[][], options: CompactPathOptions = {}): string {
  const scale = 10 ** (options.digits ?? 0);
  const minArea = (options.minArea ?? 0) * scale * scale;
  let out = "";
  let cursor: Point = [0, 0];
  for (const ring of rings) {
    const points = snap(ring, scale);
    if (points.length < 3 || Math.abs(shoelace(points)) / 2 <= minArea) continue;
    const [first, ...rest] = points as [Point, ...Point[]];
    out += (out ? "m" : "M") + numbers([first[0] - cursor[0], first[1] - cursor[1]], scale);
    const steps: number[] = [];
    let previous = first;
    for (const point of rest) {
      steps.push(point[0] - previous[0], point[1] - previous[1]);
      previous = point;
    }
    out += "l" + numbers(steps, scale) + "z";
    cursor = first;
  }
  return out;
}

/** Points on the integer grid (in units of 1/scale), without repeats or a closing duplicate. */
function snap(ring: readonly Point[], scale: number): Point[] {
  const points: Point[] = [];
  for (const [x, y] of ring) {
    const p: Point = [Math.round(x * scale), Math.round(y * scale)];
    const last = points.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
  }
  const [first] = points;
  const last = points.at(-1);
  if (points.length > 1 && first![0] === last![0] && first![1] === last![1]) points.pop();
  return points;
}

/** Twice the signed area of a polygon. */
function shoelace(points: readonly Point[]): number {
  let sum = 0;
  points.forEach(([x, y], i) => {
    const [nx, ny] = points[(i + 1) % points.length]!;
    sum += x * ny - nx * y;
  });
  return sum;
}

/** "12 -3 .5": a minus sign or nothing separates numbers; "0." is written ".". */
function numbers(values: readonly number[], scale: number): string {
  let out = "";
  for (const value of values) {
    const text = String(value / scale).replace(/^(-?)0\./, "$1.");
    out += out && !text.startsWith("-") ? " " + text : text;
  }
  return out;
}
