/**
 * The records of passim's and TextPAIR's results, one JSON object per line,
 * checked field by field. Field names as the tools write them (see
 * README.md in this folder for where each was verified):
 *
 * - passim clusters (`out.json/part-*`): the input record's fields
 *   (`id`, `series`, `date`, …) with `text` cut to the reused passage, plus
 *   `cluster`, `size`, `begin`, `end`, `uid`, and in passim 2 `src` (the
 *   passages inferred as its source: `[{uid, begin, end}]`), `boiler`
 *   (linked to its cluster from the same series) and `pboiler`.
 * - passim pairs (`--pairwise`, `align.json/part-*`): passim 2 writes
 *   `uid`, `uid2`, `begin`, `end`, `begin2`, `end2`, the aligned strings
 *   `s1`, `s2` (gaps as "-", the texts' own hyphens as U+2010) and
 *   `matches`, with each input field twice (`id`, `id2`, `series`,
 *   `series2`, …); passim 1 (Scala) wrote `id1`, `begin1`, `end1`, `uid1`…
 * - TextPAIR (`alignments.jsonl`): `source_doc_id`, `source_start_byte`,
 *   `source_end_byte`, `source_passage` (tags stripped, spaces collapsed),
 *   the same for `target_`, and each document's metadata prefixed
 *   `source_`/`target_` (`source_filename`, `source_title`, `source_year`, …).
 */

export type RecordKind = 'cluster' | 'pair' | 'textpair';

/** Which result a record belongs to, from its fields; null when it is none of them. */
export function recordKind(v: Record<string, unknown>): RecordKind | null {
  if ('source_doc_id' in v || 'source_start_byte' in v) return 'textpair';
  if (('begin2' in v && ('uid2' in v || 'id2' in v)) || ('begin1' in v && 'id1' in v)) return 'pair';
  if ('cluster' in v && 'begin' in v) return 'cluster';
  return null;
}

export interface SourceSpan {
  uid: number;
  begin: number;
  end: number;
}

export interface ClusterRecord {
  cluster: string;
  /** The document's id as the input gave it. */
  doc: string;
  begin: number;
  end: number;
  /** The reused passage, to check the offsets against the text. */
  text: string | null;
  uid: number | null;
  boiler: boolean;
  pboiler: number | null;
  src: SourceSpan[];
}

export interface PairRecord {
  docA: string;
  docB: string;
  beginA: number;
  endA: number;
  beginB: number;
  endB: number;
  /** Aligned strings (gaps as "-"), to check the offsets. */
  s1: string | null;
  s2: string | null;
}

export interface TextPairRecord {
  docA: string;
  docB: string;
  fileA: string | null;
  fileB: string | null;
  /** UTF-8 byte offsets into each file, end exclusive. */
  startA: number;
  endA: number;
  startB: number;
  endB: number;
  passageA: string | null;
  passageB: string | null;
}

class FieldError extends Error {}

function offset(v: Record<string, unknown>, field: string): number {
  const x = v[field];
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) {
    throw new FieldError(`"${field}" must be a whole number ≥ 0, got ${x === undefined ? 'nothing' : JSON.stringify(x)?.slice(0, 30)}`);
  }
  return x;
}

function docId(v: Record<string, unknown>, field: string): string {
  const x = v[field];
  if ((typeof x !== 'string' || x === '') && typeof x !== 'number') throw new FieldError(`"${field}" must name a document, got ${x === undefined ? 'nothing' : JSON.stringify(x)?.slice(0, 30)}`);
  return String(x);
}

function span(v: Record<string, unknown>, begin: string, end: string): [number, number] {
  const b = offset(v, begin);
  const e = offset(v, end);
  if (e < b) throw new FieldError(`"${end}" (${e}) is before "${begin}" (${b})`);
  if (e === b) throw new FieldError(`the passage is empty ("${begin}" = "${end}" = ${b})`);
  return [b, e];
}

const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);
const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

function sources(x: unknown): SourceSpan[] {
  const list = Array.isArray(x) ? x : x && typeof x === 'object' ? [x] : [];
  const out: SourceSpan[] = [];
  for (const s of list) {
    if (!s || typeof s !== 'object') continue;
    const { uid, begin, end } = s as Record<string, unknown>;
    if (typeof uid === 'number' && typeof begin === 'number' && typeof end === 'number') out.push({ uid, begin, end });
  }
  return out;
}

/** Runs `read`, turning a field error into its message. */
function checked<T>(read: () => T): T | string {
  try {
    return read();
  } catch (e) {
    if (e instanceof FieldError) return e.message;
    throw e;
  }
}

export function readClusterRecord(v: Record<string, unknown>): ClusterRecord | string {
  return checked(() => {
    const c = v['cluster'];
    if (typeof c !== 'number' && (typeof c !== 'string' || c === '')) throw new FieldError(`"cluster" must be a number or a name, got ${JSON.stringify(c)?.slice(0, 30)}`);
    const [begin, end] = span(v, 'begin', 'end');
    return {
      cluster: String(c),
      doc: docId(v, 'id'),
      begin,
      end,
      text: str(v['text']),
      uid: num(v['uid']),
      boiler: v['boiler'] === true,
      pboiler: num(v['pboiler']),
      src: sources(v['src']),
    };
  });
}

export function readPairRecord(v: Record<string, unknown>): PairRecord | string {
  return checked(() => {
    // passim 1 (Scala) suffixed both sides: id1/id2, begin1/begin2 …
    const one = 'id1' in v ? '1' : '';
    const [beginA, endA] = span(v, `begin${one}`, `end${one}`);
    const [beginB, endB] = span(v, 'begin2', 'end2');
    return { docA: docId(v, `id${one}`), docB: docId(v, 'id2'), beginA, endA, beginB, endB, s1: str(v['s1']), s2: str(v['s2']) };
  });
}

export function readTextPairRecord(v: Record<string, unknown>): TextPairRecord | string {
  return checked(() => {
    const [startA, endA] = span(v, 'source_start_byte', 'source_end_byte');
    const [startB, endB] = span(v, 'target_start_byte', 'target_end_byte');
    return {
      docA: docId(v, 'source_doc_id'),
      docB: docId(v, 'target_doc_id'),
      fileA: str(v['source_filename']),
      fileB: str(v['target_filename']),
      startA,
      endA,
      startB,
      endB,
      passageA: str(v['source_passage']),
      passageB: str(v['target_passage']),
    };
  });
}
