import * as flags from "country-flag-icons/string/3x2";

export type FlagSvg = { viewBox: string; body: string };

const SVG = /^<svg\b[^>]*\bviewBox="([^"]+)"[^>]*>([\s\S]*)<\/svg>$/;

/**
 * The 3:2 flag of an ISO 3166-1 alpha-2 code (any case) as the viewBox and inner markup of its
 * SVG, from country-flag-icons; null when the package has no flag for the code.
 */
export function flagSvg(code: string): FlagSvg | null {
  const upper = code.toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper)) return null;
  const svg = (flags as Record<string, string | undefined>)[upper];
  const match = svg?.match(SVG);
  return match ? { viewBox: match[1]!, body: match[2]! } : null;
}
