/** Counts in words: "1 outlet", "2 outlets", "1,024 documents", "1 repeat inside a document". */

/** The noun agreeing with `n`: `one` for exactly 1, else `many` (default: `one` + "s"). */
export function noun(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** `n` with thousands separators, then the noun agreeing with it. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${noun(n, one, many)}`;
}
