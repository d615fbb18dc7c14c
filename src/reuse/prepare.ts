/**
 * Documents as typed arrays of tokens: offsets, interned stems, content
 * flags and the gap before each token. Built once per detection.
 */
import { scanTokens, type TokenKind } from '../text/scan.ts';
import { Vocabulary } from '../text/vocabulary.ts';
import { IntBuffer } from './buffers.ts';

export interface PreparedDoc {
  index: number;
  id: string;
  text: string;
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** Stem id per token: the unit of matching. */
  stem: Int32Array;
  /** 1 for content words. */
  content: Uint8Array;
  /** GAP_* bits of the gap before each token. */
  gap: Uint8Array;
  /** 1 for content words inside a stock phrase (set by seeding). */
  banal: Uint8Array;
  /** Token index of the k-th content word. */
  contentTok: Int32Array;
}

export function prepareDocs(texts: readonly { id: string; text: string }[], vocab: Vocabulary): PreparedDoc[] {
  const starts = new IntBuffer(4096);
  const ends = new IntBuffer(4096);
  const stems = new IntBuffer(4096);
  const gaps = new IntBuffer(4096);
  const contentTok = new IntBuffer(4096);
  const stemOf = vocab.stemOf;
  const isContent = vocab.content;
  let text = '';
  const sink = {
    push(start: number, end: number, kind: TokenKind, gap: number) {
      const type = vocab.typeOf(text.slice(start, end), kind);
      if (isContent[type]) contentTok.push(starts.length);
      starts.push(start);
      ends.push(end);
      stems.push(stemOf[type]!);
      gaps.push(gap);
    },
  };
  return texts.map((doc, index) => {
    text = doc.text;
    starts.clear();
    ends.clear();
    stems.clear();
    gaps.clear();
    contentTok.clear();
    scanTokens(text, sink);
    const count = starts.length;
    const content = new Uint8Array(count);
    const ct = contentTok.toArray();
    for (let k = 0; k < ct.length; k++) content[ct[k]!] = 1;
    return {
      index,
      id: doc.id,
      text,
      count,
      start: starts.toArray(),
      end: ends.toArray(),
      stem: stems.toArray(),
      content,
      banal: new Uint8Array(count),
      gap: Uint8Array.from(gaps.data.subarray(0, count)),
      contentTok: ct,
    };
  });
}
