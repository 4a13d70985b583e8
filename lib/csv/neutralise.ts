/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection): `=`, `+`,
 * `-`, `@`, tab and carriage return, plus line feed, which csv-stringify's `escape_formulas`
 * leaves out, and the full-width forms of the first four, which Apple Numbers folds into them.
 */
export const FORMULA_TRIGGERS = new Set([
  "=",
  "+",
  "-",
  "@",
  "\t",
  "\r",
  "\n",
  "＝",
  "＋",
  "－",
  "＠",
]);

/**
 * A cell that cannot run as a formula: one that starts with a trigger character gets a leading
 * `'`, which spreadsheets show as text. Everything else is returned unchanged, so the result
 * is the value itself unless it had to be neutralised. Applying it twice changes nothing more.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_TRIGGERS.has(value.charAt(0)) ? `'${value}` : value;
}
