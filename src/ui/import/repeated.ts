/** The import summary's sentence about files whose document the corpus already held (importer/run.ts `repeated`). */
import type { Repeated } from '../../importer/index.ts';
import { plural } from '../../text/plural.ts';

/** Files named before "and N more". */
export const NAMED_REPEATS = 5;

/** "2 documents already in this corpus, not added again: a.txt, b.txt."; null when there are none. */
export function repeatedMessage(repeated: readonly Repeated[]): string | null {
  if (repeated.length === 0) return null;
  const named = repeated.slice(0, NAMED_REPEATS).map((r) => r.file);
  const rest = repeated.length - named.length;
  return `${plural(repeated.length, 'document')} already in this corpus, not added again: ${named.join(', ')}${rest > 0 ? ` and ${rest.toLocaleString('en')} more` : ''}.`;
}
