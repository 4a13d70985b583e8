import { flagSvg } from "@/lib/flags/flag-svg";

const symbolId = (code: string) => `flag-${code.toUpperCase()}`;

export type FlagSymbolsProps = { codes: readonly (string | null)[] };

/**
 * Each flag's drawing once per page, as SVG symbols that `Flag` refers to: a list shows a
 * country's flag on each of its leaders' rows, and a symbol's id must be unique in the page.
 * Render it once on every page that renders a `Flag`.
 */
export function FlagSymbols({ codes }: FlagSymbolsProps) {
  const unique = [...new Set(codes.flatMap((code) => (code ? [code.toUpperCase()] : [])))];
  const symbols = unique.flatMap((code) => {
    const flag = flagSvg(code);
    return flag ? [{ code, ...flag }] : [];
  });
  if (symbols.length === 0) return null;
  return (
    <svg aria-hidden="true" width="0" height="0" className="absolute">
      {symbols.map(({ code, viewBox, body }) => (
        // The markup comes from the country-flag-icons package, not from users.
        <symbol
          key={code}
          id={symbolId(code)}
          viewBox={viewBox}
          dangerouslySetInnerHTML={{ __html: body }}
        />
      ))}
    </svg>
  );
}

export type FlagProps = { code: string | null; className?: string };

/**
 * A country's flag, decorative: the country is always named in words nearby. Its size is the
 * `flag` class's (app/globals.css), which `className` may override: a list has one on each row.
 */
export function Flag({ code, className = "" }: FlagProps) {
  if (!code || !flagSvg(code)) return null;
  return (
    <svg aria-hidden="true" className={className ? `flag ${className}` : "flag"}>
      <use href={`#${symbolId(code)}`} />
    </svg>
  );
}
