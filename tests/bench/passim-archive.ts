/**
 * A deterministic archive as passim would leave it: passim's input (one
 * JSON document per line) and its cluster output (one record per reused
 * passage: `cluster`, `size`, `begin`, `end` in code points, `uid`, the
 * input's fields, `text` cut to the passage), split into Spark-style part
 * files. Each cluster's passage stands in 2–6 documents, each copy with a
 * word or two changed; documents are their passages between filler
 * sentences. Used by the interop bench (Node and browser) and the e2e test.
 * Pure: no I/O.
 */

export interface ArchiveOptions {
  documents: number;
  /** Cluster records (passages) to write, about. */
  records: number;
  seed?: number;
  /** Records per part file. */
  partRecords?: number;
}

export interface Archive {
  /** passim's input, JSON Lines. */
  corpus: string;
  /** out.json/part-* files, JSON Lines. */
  parts: string[];
  records: number;
  clusters: number;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vor', 'ne', 'dal', 'chi', 'po', 'qua', 'ber', 'sin', 'ta', 'mo', 'gra', 'lé', 'dor', 'fi'];
const OUTLETS = ['The Morning Ledger', 'Evening Courier', 'Daily Herald', 'Weekly Tribune', 'Coastal Gazette', 'Mountain Post'];

export function makeArchive(options: ArchiveOptions): Archive {
  const random = rng(options.seed ?? 16);
  const pick = <T>(a: readonly T[]) => a[Math.floor(random() * a.length)]!;
  const vocabulary = Array.from({ length: 4000 }, () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join(''));
  const words = (n: number) => Array.from({ length: n }, () => pick(vocabulary));
  // Clusters: a base passage and the documents it stands in.
  const slots: { cluster: number; words: string[] }[][] = Array.from({ length: options.documents }, () => []);
  let records = 0;
  let clusters = 0;
  while (records < options.records) {
    const base = words(18 + Math.floor(random() * 25));
    const copies = 2 + Math.floor(random() * 5);
    const docs = new Set<number>();
    while (docs.size < Math.min(copies, options.documents)) docs.add(Math.floor(random() * options.documents));
    for (const d of docs) {
      const variant = base.map((w) => (random() < 0.08 ? pick(vocabulary) : w));
      slots[d]!.push({ cluster: clusters, words: variant });
      records++;
    }
    clusters++;
  }
  const corpusLines: string[] = [];
  const recordLines: string[] = [];
  const sizeOf = new Map<number, number>();
  for (const list of slots) for (const s of list) sizeOf.set(s.cluster, (sizeOf.get(s.cluster) ?? 0) + 1);
  slots.forEach((list, d) => {
    const id = `doc-${String(d).padStart(6, '0')}`;
    const series = OUTLETS[d % OUTLETS.length]!;
    const date = `${2000 + (d % 20)}-${String(1 + (d % 12)).padStart(2, '0')}-${String(1 + (d % 28)).padStart(2, '0')}`;
    const title = `Report ${d}`;
    let text = `${words(12).join(' ')}.`;
    const uid = d * 7919 + 1;
    for (const s of list) {
      text += ` ${words(6 + Math.floor(random() * 10)).join(' ')}. `;
      const passage = `${s.words.join(' ')}.`;
      // Every character is in the Basic Multilingual Plane: code points = UTF-16 units.
      const begin = text.length;
      text += passage;
      recordLines.push(JSON.stringify({ cluster: s.cluster, size: sizeOf.get(s.cluster), begin, end: text.length, uid, id, series, date, title, text: passage }));
    }
    corpusLines.push(JSON.stringify({ id, series, date, title, text }));
  });
  const per = options.partRecords ?? 20_000;
  const parts: string[] = [];
  for (let i = 0; i < recordLines.length; i += per) parts.push(`${recordLines.slice(i, i + per).join('\n')}\n`);
  return { corpus: `${corpusLines.join('\n')}\n`, parts, records: recordLines.length, clusters };
}
