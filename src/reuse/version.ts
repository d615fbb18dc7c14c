/**
 * The version of the engine's output. Every cached analysis is stored with
 * it (src/state/corpora.ts), so a result made by another engine is never
 * read. Bump it whenever `detectReuse`'s output changes on purpose:
 * tests/reuse/golden.test.ts fails then and says so.
 */
export const ANALYSIS_ENGINE_VERSION = 24;
