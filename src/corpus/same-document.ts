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
 */
import type { CorpusDocument } from './types.ts';

/** What counts as one space: the whitespace of `\s`, plus the C0 controls. */
const SPACES = /[\u0000-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
const isSpace = (c: number) => c <= 0x20 || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

const outletOf = (d: CorpusDocument) => (d.meta.outlet ?? '').trim().toLowerCase();
const dateOf = (d: CorpusDocument) => d.meta.date?.value ?? '';
const words = (text: string) => text.replace(SPACES, ' ').trim();

export function sameDocument(a: CorpusDocument, b: CorpusDocument): boolean {
  return outletOf(a) === outletOf(b) && dateOf(a) === dateOf(b) && words(a.text) === words(b.text);
}

/** FNV-1a of the outlet, the date and the text with its spaces as `words` leaves them, without building that string. */
function fingerprint(d: CorpusDocument): number {
  let h = 0x811c9dc5;
  const feed = (c: number) => (h = Math.imul(h ^ c, 16777619));
  for (const s of [outletOf(d), dateOf(d)]) {
    for (let i = 0; i < s.length; i++) feed(s.charCodeAt(i));
    feed(0);
  }
  const text = d.text;
  let gap = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) gap = started;
    else {
      if (gap) feed(0x20);
      feed(c);
      gap = false;
      started = true;
    }
  }
  return h >>> 0;
}

/** Documents seen so far (the corpus's, then an import's), to find the one a new document repeats. */
export class SeenDocuments {
  readonly #byPrint = new Map<number, CorpusDocument[]>();

  constructor(docs: Iterable<CorpusDocument> = []) {
    for (const d of docs) this.add(d);
  }

  add(doc: CorpusDocument): void {
    const print = fingerprint(doc);
    const list = this.#byPrint.get(print);
    if (list) list.push(doc);
    else this.#byPrint.set(print, [doc]);
  }

  /** The document seen that `doc` repeats, or null. */
  find(doc: CorpusDocument): CorpusDocument | null {
    return this.#byPrint.get(fingerprint(doc))?.find((seen) => sameDocument(seen, doc)) ?? null;
  }
}
