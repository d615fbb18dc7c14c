/** The terms the Trends "Add" field gives: what was typed, split on commas as the link's `terms=` is, each once. */

/** A comma, full-width (Chinese, Japanese) or Arabic: what separates the terms of a list typed in any of them. */
const COMMA = /[,\uFF0C\u060C]/;

/** `current` with each comma-separated term of `typed` that is not blank and not there yet, in order. */
export function addTerms(current: readonly string[], typed: string): string[] {
  const terms = [...current];
  for (const part of typed.split(COMMA)) {
    const t = part.trim().replace(/\s+/g, ' ');
    if (t && !terms.includes(t)) terms.push(t);
  }
  return terms;
}
