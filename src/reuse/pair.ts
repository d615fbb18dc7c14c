/**
 * The document pair a candidate belongs to, as the single-seed test, the
 * alignment and the passage cuts read it: the corpus-wide token columns and
 * each document's token offset and count in them (no document object is
 * touched per candidate). One instance per detection, set per candidate.
 */
import type { CorpusColumns, PreparedDoc } from './prepare.ts';

/** Per document, where its tokens and content words lie in the corpus-wide columns. */
export interface DocColumns {
  tokOffset: Int32Array;
  tokCount: Int32Array;
  contentOffset: Int32Array;
  contentCount: Int32Array;
}

export function docColumnsOf(prepared: readonly PreparedDoc[]): DocColumns {
  const n = prepared.length;
  const docs = { tokOffset: new Int32Array(n), tokCount: new Int32Array(n), contentOffset: new Int32Array(n), contentCount: new Int32Array(n) };
  for (const d of prepared) {
    docs.tokOffset[d.index] = d.offset;
    docs.tokCount[d.index] = d.count;
    docs.contentOffset[d.index] = d.contentOffset;
    docs.contentCount[d.index] = d.contentTok.length;
  }
  return docs;
}

export class DocPair {
  docA = 0;
  /** Index of A's first token in the corpus-wide columns. */
  offsetA = 0;
  /** A's tokens. */
  countA = 0;
  docB = 0;
  offsetB = 0;
  countB = 0;
  /** One document with itself (an internal repeat): b must lie after a. */
  same = false;

  constructor(readonly corpus: CorpusColumns) {}

  set(docs: DocColumns, da: number, db: number): void {
    this.docA = da;
    this.offsetA = docs.tokOffset[da]!;
    this.countA = docs.tokCount[da]!;
    this.docB = db;
    this.offsetB = docs.tokOffset[db]!;
    this.countB = docs.tokCount[db]!;
    this.same = da === db;
  }
}
