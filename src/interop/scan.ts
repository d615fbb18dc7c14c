/**
 * The first reading of a set of result files: which file is what (from its
 * first record), every document's metadata (and its text while the corpus
 * is within the limits), and every result record in typed columns, checked
 * field by field. A malformed line is reported with its number and
 * skipped. Nothing here depends on the texts, so a corpus far larger than
 * the browser holds can be scanned and a selection made from it.
 */
import type { DocDate } from '../corpus/types.ts';
import { utf8Length } from '../text/utf8.ts';
import { fnv1a } from '../text/vocabulary.ts';
import { Columns } from './columns.ts';
import { prefixedMeta, readDocumentRecord } from './documents.ts';
import { ImportCancelled, readJsonLines, readText, type ReadOptions, type Source } from './lines.ts';
import { readClusterRecord, readPairRecord, readTextPairRecord, recordKind, type RecordKind } from './records.ts';

export type FileKind = 'documents' | 'texts' | RecordKind;

export interface Problem {
  file: string;
  /** 1-based; null for a problem with the whole file. */
  line: number | null;
  message: string;
}

/** Problems kept word for word; beyond this they are only counted. */
export const MAX_PROBLEMS = 200;

export interface Limits {
  documents: number;
  /** UTF-8 bytes of the texts. */
  bytes: number;
}

export interface ScanProgress {
  stage: string;
  /** 0..1 over all the files' bytes. */
  fraction: number;
}

export interface ScanOptions {
  /** Texts are kept while the corpus stays within these; beyond them only metadata. */
  limits?: Limits;
  onProgress?: (p: ScanProgress) => void;
  cancelled?: () => boolean;
}

/** Where a passage's words are checked against the text: a hash of what the record says stands there. */
export const NO_TEXT = 0;
export const HAS_TEXT = 1;

export const CLUSTER_COLUMNS = ['file', 'line', 'cluster', 'doc', 'begin', 'end', 'hash', 'textLength', 'hasText', 'boiler', 'src'] as const;
export const PAIR_COLUMNS = ['file', 'line', 'docA', 'docB', 'beginA', 'endA', 'beginB', 'endB', 'hashA', 'hashB', 'hasText'] as const;

/** A record whose offsets are to be checked against its text, kept whole for the diagnosis when they do not match. */
export interface Sample {
  kind: RecordKind;
  file: string;
  line: number;
  doc: number;
  begin: number;
  end: number;
  text: string;
}

/** Records kept whole per kind, for diagnosing offsets that do not match. */
const SAMPLES = 32;

export class Scan {
  readonly files: { name: string; kind: FileKind | null; records: number }[] = [];
  // Documents, in the order read.
  readonly ids: string[] = [];
  readonly sourceIds: string[] = [];
  readonly series: (string | null)[] = [];
  readonly dates: (DocDate | null)[] = [];
  /** Why a document's date was not read as written, for its provenance. */
  readonly dateNotes: (string | null)[] = [];
  readonly titles: (string | null)[] = [];
  readonly authors: (string | null)[] = [];
  readonly languages: (string | null)[] = [];
  /** Index into `files` of the file each document came from. */
  readonly docFile: number[] = [];
  readonly lengths: number[] = [];
  readonly bytes: number[] = [];
  /** Null once the corpus outgrew the limits (re-read for the selection). */
  texts: (string | null)[] | null = [];
  readonly bySourceId = new Map<string, number>();
  /** TextPAIR names documents by its own id; its records also give the file name. */
  readonly byFileName = new Map<string, number>();
  totalBytes = 0;

  readonly clusters = new Columns(CLUSTER_COLUMNS);
  readonly clusterKeys: string[] = [];
  readonly clusterIndex = new Map<string, number>();
  /** passim's pboiler per cluster (NaN when absent). */
  readonly pboiler: number[] = [];
  /** passim's `src` of cluster records: [record, uid, begin, end], four numbers per source. */
  readonly sources: number[] = [];
  /** passim's uid (xxhash64 of the id; a JSON number, so only 53 bits survive) → document. */
  readonly uidDoc = new Map<number, number>();
  readonly pairs = new Columns(PAIR_COLUMNS);
  readonly textpair = new Columns(PAIR_COLUMNS);
  readonly samples: Sample[] = [];
  readonly problems: Problem[] = [];
  problemCount = 0;

  problem(file: string, line: number | null, message: string): void {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ file, line, message });
  }

  get documentCount(): number {
    return this.ids.length;
  }

  /** The kinds of result read, for the "computed by" mark. */
  get resultKinds(): RecordKind[] {
    const kinds: RecordKind[] = [];
    if (this.clusters.length) kinds.push('cluster');
    if (this.pairs.length) kinds.push('pair');
    if (this.textpair.length) kinds.push('textpair');
    return kinds;
  }
}

const PLAIN_TEXT = /\.(txt|text)$/i;
/** Spark's bookkeeping beside the part files (`_SUCCESS`, `.part-….crc`). */
export const IGNORED_FILE = /(^|\/)[._][^/]*$/;

/**
 * Whether a file in a dropped or given folder is one to read: not Spark's
 * bookkeeping, and not inside passim's `tmp/` or a Parquet folder (its
 * intermediate data, not results).
 */
export function isResultFile(path: string): boolean {
  return !IGNORED_FILE.test(path) && !path.endsWith('.crc') && !/(^|\/)(tmp|[^/]+\.parquet)\//.test(path);
}

/** Lines looked at to tell what a file holds before giving up on it. */
const CLASSIFY_LINES = 100;

/** What a file holds, from its first JSON record: its kind, or why it is none. (Malformed lines are reported when the file is read.) */
export async function classify(source: Source): Promise<{ kind: FileKind } | { problem: string }> {
  if (PLAIN_TEXT.test(source.name)) return { kind: 'texts' };
  let firstError: string | null = null;
  for await (const item of readJsonLines(source.open())) {
    if ('error' in item) {
      firstError ??= `line ${item.line}: ${item.error}`;
      if (item.line >= CLASSIFY_LINES) break;
      continue;
    }
    const kind = recordKind(item.value);
    if (kind) return { kind };
    if ('text' in item.value && 'id' in item.value) return { kind: 'documents' };
    return { problem: `line ${item.line}: a record with fields ${Object.keys(item.value).slice(0, 8).join(', ')}, which is neither a document (id, text) nor a passim or TextPAIR result` };
  }
  if (firstError) return { problem: `holds no JSON record (${firstError}); expected JSON Lines: passim's input or output, or TextPAIR's alignments.jsonl` };
  return { problem: 'is empty' };
}

function fileStem(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base.replace(/\.[^.]+$/, '');
}

/**
 * Reads every file once. Documents first (results name them), then results.
 * Throws ImportCancelled when `cancelled()` turns true.
 */
export async function scanFiles(sources: Source[], options: ScanOptions = {}): Promise<Scan> {
  const scan = new Scan();
  const total = sources.reduce((n, s) => n + (s.size ?? 0), 0) || 1;
  let done = 0;
  const kinds: (FileKind | null)[] = [];
  for (const source of sources) {
    if (options.cancelled?.()) throw new ImportCancelled();
    const found = await classify(source);
    if ('problem' in found) scan.problem(source.name, null, found.problem);
    kinds.push('kind' in found ? found.kind : null);
  }
  const order = sources.map((_, i) => i).sort((a, b) => rank(kinds[a]!) - rank(kinds[b]!) || a - b);
  const taken = new Set<string>();
  for (const i of order) {
    const source = sources[i]!;
    const kind = kinds[i]!;
    const entry = { name: source.name, kind, records: 0 };
    scan.files.push(entry);
    if (kind === null) continue;
    const fileIndex = scan.files.length - 1;
    const read: ReadOptions = {
      cancelled: options.cancelled,
      onProgress: (p) => options.onProgress?.({ stage: `Reading ${source.name}`, fraction: Math.min(1, (done + p.bytes) / total) }),
    };
    if (kind === 'texts') {
      const text = await readText(source.open(), read);
      addDocument(scan, { id: fileStem(source.name), text }, source.name, scan.files.length - 1, 1, taken, options.limits);
      entry.records = 1;
    } else {
      for await (const item of readJsonLines(source.open(), read)) {
        if ('error' in item) {
          scan.problem(source.name, item.line, item.error);
          continue;
        }
        if (addRecord(scan, kind, item.value, source.name, fileIndex, item.line, taken, options.limits)) entry.records++;
      }
    }
    done += source.size ?? 0;
  }
  return scan;
}

function rank(kind: FileKind | null): number {
  return kind === 'documents' || kind === 'texts' ? 0 : 1;
}

function addDocument(scan: Scan, record: Record<string, unknown>, file: string, fileIndex: number, line: number, taken: Set<string>, limits: Limits | undefined): boolean {
  const doc = readDocumentRecord(record, taken);
  if (typeof doc === 'string') {
    scan.problem(file, line, doc);
    return false;
  }
  if (scan.bySourceId.has(doc.sourceId)) {
    scan.problem(file, line, `document ${JSON.stringify(doc.sourceId)} appears twice; the first is kept`);
    return false;
  }
  taken.add(doc.id);
  const index = scan.ids.length;
  scan.ids.push(doc.id);
  scan.sourceIds.push(doc.sourceId);
  scan.series.push(doc.series);
  scan.dates.push(doc.date);
  scan.dateNotes.push(doc.dateNote);
  scan.titles.push(doc.title);
  scan.authors.push(doc.author);
  scan.languages.push(doc.language);
  scan.docFile.push(fileIndex);
  scan.lengths.push(doc.text.length);
  const bytes = utf8Length(doc.text);
  scan.bytes.push(bytes);
  scan.totalBytes += bytes;
  scan.bySourceId.set(doc.sourceId, index);
  const stem = fileStem(file);
  if (!scan.byFileName.has(stem) && file.endsWith('.txt')) scan.byFileName.set(stem, index);
  if (scan.texts) {
    if (limits && (scan.ids.length > limits.documents || scan.totalBytes > limits.bytes)) scan.texts = null;
    else scan.texts.push(doc.text);
  }
  return true;
}

function docOf(scan: Scan, id: string, file: string | null): number | undefined {
  const found = scan.bySourceId.get(id);
  if (found !== undefined || file === null) return found;
  // TextPAIR's doc ids are its own; the file it read names the document.
  const stem = fileStem(file);
  return scan.bySourceId.get(stem) ?? scan.byFileName.get(stem);
}

function addRecord(scan: Scan, kind: FileKind, v: Record<string, unknown>, file: string, fileIndex: number, line: number, taken: Set<string>, limits: Limits | undefined): boolean {
  if (kind === 'documents' || kind === 'texts') return addDocument(scan, v, file, fileIndex, line, taken, limits);
  const other = recordKind(v);
  // A record of another kind is refused as such; one of no kind is read as the file's, for a precise message.
  if (other !== null && other !== kind) {
    scan.problem(file, line, `not a ${describeKind(kind)} record like the file's first`);
    return false;
  }
  const unknown = (id: string) => {
    scan.problem(file, line, `document ${JSON.stringify(id)} is not in the documents read`);
    return false;
  };
  if (kind === 'cluster') {
    const r = readClusterRecord(v);
    if (typeof r === 'string') return scan.problem(file, line, r), false;
    const doc = docOf(scan, r.doc, null);
    if (doc === undefined) return unknown(r.doc);
    if (r.end > scan.lengths[doc]!) return scan.problem(file, line, `the passage ends at ${r.end}, past the end of ${JSON.stringify(r.doc)}`), false;
    let cluster = scan.clusterIndex.get(r.cluster);
    if (cluster === undefined) {
      cluster = scan.clusterKeys.length;
      scan.clusterIndex.set(r.cluster, cluster);
      scan.clusterKeys.push(r.cluster);
      scan.pboiler.push(r.pboiler ?? NaN);
    }
    if (r.uid !== null) scan.uidDoc.set(r.uid, doc);
    const at = scan.clusters.push({
      file: fileIndex,
      line,
      cluster,
      doc,
      begin: r.begin,
      end: r.end,
      hash: r.text === null ? 0 : fnv1a(r.text) | 0,
      textLength: r.text?.length ?? 0,
      hasText: r.text === null ? NO_TEXT : HAS_TEXT,
      boiler: r.boiler ? 1 : 0,
      src: r.src.length,
    });
    const s = r.src[0];
    if (s) scan.sources.push(at, s.uid, s.begin, s.end);
    if (r.text !== null) sample(scan, { kind, file, line, doc, begin: r.begin, end: r.end, text: r.text });
    return true;
  }
  const r = kind === 'pair' ? readPairRecord(v) : readTextPairRecord(v);
  if (typeof r === 'string') return scan.problem(file, line, r), false;
  const [docA, docB] = 'fileA' in r ? [docOf(scan, r.docA, r.fileA), docOf(scan, r.docB, r.fileB)] : [docOf(scan, r.docA, null), docOf(scan, r.docB, null)];
  if (docA === undefined) return unknown(r.docA);
  if (docB === undefined) return unknown(r.docB);
  if (kind === 'textpair') {
    // TextPAIR's records carry each document's metadata; plain text files carry none.
    fillMeta(scan, docA, prefixedMeta(v, 'source_'));
    fillMeta(scan, docB, prefixedMeta(v, 'target_'));
  }
  const [a0, a1, b0, b1] = 'fileA' in r ? [r.startA, r.endA, r.startB, r.endB] : [r.beginA, r.endA, r.beginB, r.endB];
  const [ta, tb] = 'fileA' in r ? [r.passageA, r.passageB] : [r.s1, r.s2];
  const norm = kind === 'pair' ? alignedText : wordsOf;
  const hasText = ta !== null && tb !== null;
  (kind === 'pair' ? scan.pairs : scan.textpair).push({
    file: fileIndex,
    line,
    docA,
    docB,
    beginA: a0,
    endA: a1,
    beginB: b0,
    endB: b1,
    hashA: hasText ? fnv1a(norm(ta)) | 0 : 0,
    hashB: hasText ? fnv1a(norm(tb)) | 0 : 0,
    hasText: hasText ? HAS_TEXT : NO_TEXT,
  });
  if (hasText) sample(scan, { kind, file, line, doc: docA, begin: a0, end: a1, text: ta });
  return true;
}

/** Sets what a document's own record left unsaid. */
function fillMeta(scan: Scan, doc: number, meta: ReturnType<typeof prefixedMeta>): void {
  scan.titles[doc] ??= meta.title;
  scan.authors[doc] ??= meta.author;
  if (!scan.dates[doc] && meta.date) {
    scan.dates[doc] = meta.date;
    scan.dateNotes[doc] = meta.dateNote;
  }
}

function sample(scan: Scan, s: Sample): void {
  let n = 0;
  for (const x of scan.samples) if (x.kind === s.kind) n++;
  if (n < SAMPLES) scan.samples.push(s);
}

export function describeKind(kind: FileKind): string {
  return { documents: 'document', texts: 'text', cluster: 'passim cluster', pair: 'passim pairwise', textpair: 'TextPAIR alignment' }[kind];
}

/**
 * passim's aligned strings without their gaps: "-" marks a gap, and passim
 * writes the texts' own hyphens as U+2010 before aligning, so both go (the
 * text at the offsets is compared the same way).
 */
export function alignedText(s: string): string {
  return s.replace(/[-\u2010]/g, '');
}

/**
 * TextPAIR's passages have tags stripped, entities decoded and spaces
 * collapsed: compare their words, lower-cased.
 */
export function wordsOf(s: string): string {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.join(' ') ?? '';
}
