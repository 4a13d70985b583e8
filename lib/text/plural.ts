/**
 * "1 leader", "2 leaders", "1,024 entries": a count with its noun in the right number. One
 * function, so no message ever says "1 leaders". `many` defaults to `one` + "s".
 */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}
