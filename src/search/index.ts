/** Search, concordance and their pure helpers (no DOM): the worker and the UI import from here. */
export { SearchEngine, MAX_RESULT_DOCS, MAX_KWIC_LINES } from './engine.ts';
export { parseQuery, parseTerm, MAX_QUERY_CHARS, MAX_QUERY_WORDS } from './query.ts';
export { findMatches, findOccurrences, mergeRanges } from './match.ts';
export { makeSnippet, segmentsOf, paragraphsOf, collapseWhitespace, type Segment } from './snippets.ts';
export { kwicLine, sortKwic, DEFAULT_KWIC_WIDTH, type KwicSortKey } from './kwic.ts';
export { csvCell, csvFile, toCsv, kwicCsv } from './csv.ts';
export type * from './types.ts';
