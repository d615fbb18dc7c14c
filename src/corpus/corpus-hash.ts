/**
 * The corpus's identity: a hash of what the reader sees. Its own module (not
 * assemble.ts) so the page can hash a corpus without bundling what reads
 * files.
 */
import type { CorpusDocument } from './types.ts';

/** A short, stable hash of what the reader sees: keys stored reading state. */
export function corpusHash(documents: CorpusDocument[]): string {
  // cyrb53: fast, well-distributed, no crypto API needed (works in Node and workers alike).
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  };
  for (const doc of documents) {
    feed(doc.meta.id);
    feed('\u0000');
    feed(doc.text);
    feed('\u0001');
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
