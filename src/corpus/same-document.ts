/**
 * When a brought document is one the corpus already holds: the same
 * cleaned text (spaces, tabs and line breaks counted as one space) from
 * the same outlet on the same date. The cleaned text, not the file's bytes:
 * a page saved twice (other ads, another timestamp in its furniture) or a
 * text saved in another encoding is the same document, and it is the
 * cleaned text that the analysis counts twice. The outlet and the date
 * too: one wire story printed by two outlets, or by one outlet on two days,
 * is the reuse Refrain exists to show, not a copy. What it misses: a copy
 * whose metadata was read differently (another sidecar, or a Refrain whose
 * cleaner or date reading changed between the imports).
 *
 * The import keys the corpus it joins on the main thread, so a key reads
 * only the ends of a text (the outlet, the date, the first and last 200
 * non-space characters) and documents sharing one are compared whole, in
 * place: for 2,000 documents of 49 MB, a median 39 ms against 413 ms for a
 * hash of every character (12 alternating rounds, load 8 on 2 cores).
 */
import type { CorpusDocument } from './types.ts';

/** What counts as a space: the whitespace of `\s`, plus the C0 controls (`isSpace` and `SPACES` agree). */
const SPACES = /[\u0000-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
const isSpace = (c: number) => c <= 0x20 || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

const outletOf = (d: CorpusDocument) => (d.meta.outlet ?? '').trim().toLowerCase();
const dateOf = (d: CorpusDocument) => d.meta.date?.value ?? '';

export function sameDocument(a: CorpusDocument, b: CorpusDocument): boolean {
  return outletOf(a) === outletOf(b) && dateOf(a) === dateOf(b) && sameWords(a.text, b.text);
}

/** Past the spaces from `i` on. */
function skip(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** The same characters, a run of spaces anywhere matching a run of any length, and none at either end mattering; read in place. */
function sameWords(a: string, b: string): boolean {
  let i = skip(a, 0);
  let j = skip(b, 0);
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (isSpace(x) || isSpace(y)) {
      if (!isSpace(x) || !isSpace(y)) return false;
      i = skip(a, i);
      j = skip(b, j);
    } else if (x !== y) return false;
    else i++, j++;
  }
  return skip(a, i) === a.length && skip(b, j) === b.length;
}

/** Non-space characters read from each end of a text for its key: enough to set apart all but near-copies, few enough that keying a whole corpus costs no time. */
const EDGE = 200;

/**
 * The outlet, the date and the first and last EDGE non-space characters: the
 * same for the same document (only documents sharing it are compared whole),
 * read without a pass over the whole text.
 */
function keyOf(d: CorpusDocument): string {
  const text = d.text;
  let start = 0;
  for (let n = 0; start < text.length && n < EDGE; start++) if (!isSpace(text.charCodeAt(start))) n++;
  let end = text.length;
  for (let n = 0; end > 0 && n < EDGE; end--) if (!isSpace(text.charCodeAt(end - 1))) n++;
  const bare = (s: string) => s.replace(SPACES, '');
  return `${outletOf(d)}\u0000${dateOf(d)}\u0000${bare(text.slice(0, start))}\u0000${bare(text.slice(Math.max(end, 0)))}`;
}

/** Documents seen so far (the corpus's, then an import's), to find the one a new document repeats. */
export class SeenDocuments {
  readonly #byKey = new Map<string, CorpusDocument[]>();

  constructor(docs: Iterable<CorpusDocument> = []) {
    for (const d of docs) this.add(d);
  }

  add(doc: CorpusDocument): void {
    const key = keyOf(doc);
    const list = this.#byKey.get(key);
    if (list) list.push(doc);
    else this.#byKey.set(key, [doc]);
  }

  /** The document seen that `doc` repeats, or null. */
  find(doc: CorpusDocument): CorpusDocument | null {
    return this.#byKey.get(keyOf(doc))?.find((seen) => sameDocument(seen, doc)) ?? null;
  }
}
