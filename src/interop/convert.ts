/**
 * The second reading: the selected documents' texts, every record's offsets
 * checked against them and mapped to UTF-16, and the result turned into
 * Refrain's analysis. passim's clusters become families (members from the
 * records, linked by passim's inferred sources, else to the earliest
 * member); pairs (passim's `--pairwise`, TextPAIR's alignments) become
 * passages; without clusters, Refrain's own grouping makes the families.
 * Either the whole import is returned or an error is thrown: nothing is
 * half-built.
 */
import { countWords } from '../corpus/word-count.ts';
import type { CorpusDocument, DocMeta } from '../corpus/types.ts';
import { cmp, rankFamilies } from '../reuse/families.ts';
import { familiesFromSpans } from '../reuse/span-families.ts';
import { DEFAULT_REUSE_OPTIONS } from '../reuse/options.ts';
import type { Family, Passage, ReuseInput, ReuseResult, Span } from '../reuse/types.ts';
import { fnv1a } from '../text/vocabulary.ts';
import { readDocumentRecord } from './documents.ts';
import { ImportCancelled, readJsonLines, readText, type Source } from './lines.ts';
import { TextOffsets } from './offsets.ts';
import { PassageAligner, type SpanWords } from './passage.ts';
import type { RecordKind } from './records.ts';
import { HAS_TEXT, alignedText, wordsOf, type Problem, type Scan } from './scan.ts';
import { clusterSizes } from './selection.ts';

export type Tool = 'passim' | 'textpair';

/** Where an analysis came from, shown wherever it is read. */
export interface ComputedBy {
  tool: Tool;
  /** The kinds of result it was built from. */
  results: RecordKind[];
  /** The command line or settings the user gave, as given. */
  parameters: string | null;
  /** How the offsets were read: 'code points' (passim 2), 'UTF-16 units' (passim 1), 'UTF-8 bytes' (TextPAIR). */
  offsets: string;
  /** Families passim marked as boilerplate (most of their links within one series), by family id. */
  boilerplate: string[];
}

export interface ImportReport {
  problems: Problem[];
  problemCount: number;
  /** Records checked against the texts, and those without a passage text to check. */
  checked: number;
  unchecked: number;
  /** Clusters that became no family, and why (counts). */
  clustersDropped: { oneDocument: number; outsideSelection: number };
}

export interface ImportedAnalysis {
  /** Sorted by id, as Refrain's corpora are. */
  documents: CorpusDocument[];
  result: ReuseResult;
  computedBy: ComputedBy;
  report: ImportReport;
}

/** Raised when the records' offsets do not fit the texts; the message says what was found. */
export class OffsetMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OffsetMismatch';
  }
}

/**
 * A cluster is boilerplate when more than this share of its links join
 * passages of one series (passim's `pboiler`; without it, the share of
 * members passim marked `boiler`).
 */
const BOILERPLATE_SHARE = 0.5;
/** More than this share of checked records off the text: the file, not a record, is wrong. */
const REFUSE_SHARE = 0.2;
/** Records handled between two pauses (the worker reads its messages, Cancel among them). */
const PAUSE_EVERY = 2000;

export interface BuildOptions {
  /** The command line or settings the tool ran with, to show beside the mark. */
  parameters?: string | null;
  onProgress?: (p: { stage: string; fraction: number }) => void;
  cancelled?: () => boolean;
}

interface Doc {
  scanIndex: number;
  meta: DocMeta;
  text: string;
  offsets: TextOffsets;
}

/** Imports what `scan` read from `sources`, keeping the documents with `keep[index]` set (all when null). */
export async function buildImport(sources: Source[], scan: Scan, keep: Uint8Array | null, options: BuildOptions = {}): Promise<ImportedAnalysis> {
  const kinds = scan.resultKinds;
  if (kinds.length === 0) throw new Error(scan.documentCount ? 'no passim or TextPAIR result records were read (only documents)' : 'no documents and no results were read');
  if (kinds.includes('textpair') && kinds.length > 1) throw new Error('TextPAIR alignments and passim results cannot be imported together: import them one at a time');
  const tool: Tool = kinds[0] === 'textpair' ? 'textpair' : 'passim';
  if (options.cancelled?.()) throw new ImportCancelled();
  const kept = (d: number) => keep === null || keep[d] === 1;
  const texts = await selectedTexts(sources, scan, kept, options);

  // Documents in id order; `at[scanIndex]` is the position, -1 when left out.
  const order: number[] = [];
  for (let d = 0; d < scan.documentCount; d++) if (kept(d)) order.push(d);
  order.sort((x, y) => cmp(scan.ids[x]!, scan.ids[y]!));
  const at = new Int32Array(scan.documentCount).fill(-1);
  const docs: Doc[] = order.map((d, i) => {
    at[d] = i;
    const text = texts.get(d)!;
    return { scanIndex: d, meta: metaOf(scan, d), text, offsets: new TextOffsets(text) };
  });
  if (docs.length === 0) throw new Error('the selection keeps no documents');

  const report: ImportReport = { problems: [], problemCount: 0, checked: 0, unchecked: 0, clustersDropped: { oneDocument: 0, outsideSelection: 0 } };
  const problem = (file: number, line: number, message: string) => {
    report.problemCount++;
    if (report.problems.length < 200) report.problems.push({ file: scan.files[file]!.name, line, message });
  };
  let handled = 0;
  // One tick per cluster (clusterFamilies) and per pair.
  const total = scan.clusterKeys.length + scan.pairs.length + scan.textpair.length;
  const tick = async () => {
    if (++handled % PAUSE_EVERY !== 0) return;
    if (options.cancelled?.()) throw new ImportCancelled();
    options.onProgress?.({ stage: 'Checking offsets and aligning passages', fraction: Math.min(1, handled / total) });
    await new Promise((r) => setTimeout(r, 0));
  };

  const unit = { codePoints: 0, utf16: 0 };
  const spans = (kind: RecordKind) => verifyAll(scan, kind, docs, at, report, unit, problem);
  const clusterSpans = spans('cluster').map((s) => s[0] ?? null);
  const pairSpans = [...spans('pair'), ...spans('textpair')] as LocalSpan[][];

  const inputs: ReuseInput[] = docs.map((d) => ({ id: d.meta.id, text: d.text, date: d.meta.date, outlet: d.meta.outlet }));
  const aligner = new PassageAligner();
  const { passages, families, boilerplate } = scan.clusters.length
    ? await clusterFamilies(scan, clusterSpans, docs, at, inputs, aligner, report, tick)
    : { passages: [] as Passage[], families: [] as Family[], boilerplate: [] as string[] };
  const seen = new Set(passages.map(passageKey));
  const pairStart = passages.length;
  for (const [a, b] of pairSpans) {
    await tick();
    const p = aligner.between(wordsAt(aligner, docs, a!), wordsAt(aligner, docs, b!));
    const key = passageKey(p);
    if (seen.has(key)) continue;
    seen.add(key);
    passages.push(p);
  }
  if (scan.clusters.length) linkPairs(families, passages, pairStart);
  else for (const f of familiesFromSpans(passages, inputs, DEFAULT_REUSE_OPTIONS)) families.push(f);
  // In the engine's order: boilerplate last, framing first, then by spread.
  families.sort(rankFamilies);
  options.onProgress?.({ stage: 'Checking offsets and aligning passages', fraction: 1 });

  return {
    documents: docs.map((d) => ({ meta: d.meta, original: d.text, text: d.text, edits: [], wordCount: countWords(d.text) })),
    result: { passages, families },
    computedBy: {
      tool,
      results: kinds,
      parameters: options.parameters?.trim() || null,
      offsets: tool === 'textpair' ? 'UTF-8 bytes' : unit.utf16 > unit.codePoints ? 'UTF-16 units (passim 1)' : 'code points',
      boilerplate,
    },
    report,
  };
}

function wordsAt(aligner: PassageAligner, docs: Doc[], s: LocalSpan): SpanWords {
  const doc = docs[s.doc]!;
  return aligner.words(doc.text, { doc: doc.meta.id, start: s.start, end: s.end });
}

function passageKey(p: Passage): string {
  return `${p.a.doc}\u0000${p.a.start}\u0000${p.a.end}\u0000${p.b.doc}\u0000${p.b.start}\u0000${p.b.end}`;
}

function metaOf(scan: Scan, d: number): DocMeta {
  const file = scan.files[scan.docFile[d]!]!.name;
  const sourceId = scan.sourceIds[d]!;
  return {
    id: scan.ids[d]!,
    title: scan.titles[d] ?? null,
    outlet: scan.series[d] ?? null,
    author: scan.authors[d] ?? null,
    date: scan.dates[d] ?? null,
    language: scan.languages[d] ?? 'en',
    provenance: `Read from ${file}${sourceId !== scan.ids[d] ? ` (id there: ${JSON.stringify(sourceId)})` : ''}, as the text passim or TextPAIR analysed.`,
    source: file,
  };
}

/** The texts of the kept documents: from the scan when it kept them, else read again. */
async function selectedTexts(sources: Source[], scan: Scan, kept: (d: number) => boolean, options: BuildOptions): Promise<Map<number, string>> {
  const texts = new Map<number, string>();
  if (scan.texts) {
    scan.texts.forEach((t, d) => t !== null && kept(d) && texts.set(d, t));
    return texts;
  }
  const taken = new Set<string>();
  for (let f = 0; f < scan.files.length; f++) {
    const { name, kind } = scan.files[f]!;
    if (kind !== 'documents' && kind !== 'texts') continue;
    const source = sources.find((s) => s.name === name)!;
    const read = { cancelled: options.cancelled, onProgress: () => options.onProgress?.({ stage: `Reading the selected texts from ${name}`, fraction: 0 }) };
    if (kind === 'texts') {
      const d = scan.bySourceId.get(name.slice(name.lastIndexOf('/') + 1).replace(/\.[^.]+$/, ''));
      if (d !== undefined && kept(d)) texts.set(d, await readText(source.open(), read));
      continue;
    }
    for await (const item of readJsonLines(source.open(), read)) {
      if ('error' in item) continue;
      const doc = readDocumentRecord(item.value, taken);
      if (typeof doc === 'string') continue;
      const d = scan.bySourceId.get(doc.sourceId);
      if (d !== undefined && kept(d) && !texts.has(d)) texts.set(d, doc.text);
    }
  }
  return texts;
}

/** A record's spans in UTF-16, by position in `docs` (not yet ids). */
interface LocalSpan {
  doc: number;
  start: number;
  end: number;
}

/**
 * Every record of `kind` with both documents kept, its offsets checked
 * against the text the record quotes and mapped to UTF-16. A record that
 * does not fit is reported and skipped; when many do not, the whole file
 * is refused (OffsetMismatch), with what the mismatch looks like.
 */
function verifyAll(
  scan: Scan,
  kind: RecordKind,
  docs: Doc[],
  at: Int32Array,
  report: ImportReport,
  unit: { codePoints: number; utf16: number },
  problem: (file: number, line: number, message: string) => void,
): (LocalSpan | null)[][] {
  // Clusters: one entry per record ([] when left out or off the text); pairs: one per kept record.
  const out: (LocalSpan | null)[][] = [];
  const bad: number[] = [];
  let checked = 0;
  if (kind === 'cluster') {
    const t = scan.clusters;
    const [file, line, doc, begin, end, hash, len, has] = (['file', 'line', 'doc', 'begin', 'end', 'hash', 'textLength', 'hasText'] as const).map((c) => t.col(c));
    for (let r = 0; r < t.length; r++) {
      const d = at[doc![r]!]!;
      if (d < 0) {
        out.push([]);
        continue;
      }
      const span = locate(docs[d]!, begin![r]!, end![r]!, 'passim', has![r] === HAS_TEXT ? (s) => s.length === len![r] && (fnv1a(s) | 0) === hash![r] : null, unit);
      if (has![r] === HAS_TEXT) checked++;
      else report.unchecked++;
      if (!span) {
        bad.push(r);
        problem(file![r]!, line![r]!, `the passage at ${begin![r]}–${end![r]} does not match the text of ${JSON.stringify(docs[d]!.meta.id)}`);
        out.push([]);
        continue;
      }
      out.push([{ doc: d, ...span }]);
    }
  } else {
    const t = kind === 'pair' ? scan.pairs : scan.textpair;
    const [file, line, docA, docB, beginA, endA, beginB, endB, hashA, hashB, has] = (['file', 'line', 'docA', 'docB', 'beginA', 'endA', 'beginB', 'endB', 'hashA', 'hashB', 'hasText'] as const).map((c) => t.col(c));
    const norm = kind === 'pair' ? alignedText : wordsOf;
    const tool = kind === 'pair' ? 'passim' : 'textpair';
    for (let r = 0; r < t.length; r++) {
      const a = at[docA![r]!]!;
      const b = at[docB![r]!]!;
      if (a < 0 || b < 0) continue;
      const withText = has![r] === HAS_TEXT;
      const check = (h: number) => (withText ? (s: string) => (fnv1a(norm(s)) | 0) === h : null);
      const sa = locate(docs[a]!, beginA![r]!, endA![r]!, tool, check(hashA![r]!), unit);
      const sb = locate(docs[b]!, beginB![r]!, endB![r]!, tool, check(hashB![r]!), unit);
      if (withText) checked++;
      else report.unchecked++;
      if (!sa || !sb) {
        bad.push(r);
        const [which, d, x, y] = !sa ? ['first', a, beginA![r]!, endA![r]!] : ['second', b, beginB![r]!, endB![r]!];
        problem(file![r]!, line![r]!, `the ${which} passage, at ${x}–${y}, does not match the text of ${JSON.stringify(docs[d as number]!.meta.id)}`);
        continue;
      }
      out.push([{ doc: a, ...sa }, { doc: b, ...sb }]);
    }
  }
  report.checked += checked;
  if (bad.length > 0 && bad.length >= REFUSE_SHARE * Math.max(1, checked)) throw new OffsetMismatch(diagnose(scan, kind, docs, at, bad.length, checked));
  return out;
}

/**
 * UTF-16 offsets of a record's passage, or null when the text there is not
 * the passage the record quotes. passim 2 counts code points; passim 1
 * counted UTF-16 units (the two differ only in texts with astral
 * characters); TextPAIR counts UTF-8 bytes.
 */
function locate(
  doc: Doc,
  begin: number,
  end: number,
  tool: Tool,
  fits: ((s: string) => boolean) | null,
  unit: { codePoints: number; utf16: number },
): { start: number; end: number } | null {
  const { offsets, text } = doc;
  if (tool === 'textpair') {
    const start = offsets.fromUtf8(begin, 'down');
    const stop = offsets.fromUtf8(end, 'up');
    if (start < 0 || stop < 0 || stop <= start) return null;
    return !fits || fits(text.slice(start, stop)) ? { start, end: stop } : null;
  }
  const start = offsets.fromCodePoint(begin);
  const stop = offsets.fromCodePoint(end);
  if (start >= 0 && stop > start && (!fits || fits(text.slice(start, stop)))) {
    if (offsets.hasAstral && fits) unit.codePoints++;
    return { start, end: stop };
  }
  if (fits && offsets.hasAstral && end <= text.length && fits(text.slice(begin, end))) {
    unit.utf16++;
    return { start: begin, end };
  }
  return null;
}

/** Why the offsets do not fit, from the records kept whole. */
function diagnose(scan: Scan, kind: RecordKind, docs: Doc[], at: Int32Array, bad: number, checked: number): string {
  const what = kind === 'textpair' ? 'TextPAIR alignments' : kind === 'pair' ? 'passim pairwise alignments' : 'passim cluster records';
  const head = `${bad.toLocaleString('en')} of ${checked.toLocaleString('en')} ${what} do not match the texts at their offsets`;
  let elsewhere = 0;
  let shorter = 0;
  let tried = 0;
  for (const s of scan.samples) {
    if (s.kind !== kind || at[s.doc]! < 0) continue;
    const text = docs[at[s.doc]!]!.text;
    const probe = kind === 'pair' ? alignedText(s.text).slice(0, 40) : kind === 'textpair' ? '' : s.text.slice(0, 40);
    tried++;
    if (probe && text.indexOf(probe) >= 0 && text.indexOf(probe) !== s.begin) elsewhere++;
    if (s.end - s.begin < (kind === 'pair' ? alignedText(s.text).length : s.text.length) / 2) shorter++;
  }
  if (kind !== 'textpair' && tried > 0 && elsewhere >= tried / 2 && shorter >= tried / 2) {
    return `${head}: the passages stand in the texts, but elsewhere, and their offsets span far fewer positions than they have characters. These offsets count words (tokens), as passim did before May 2017; Refrain reads only character offsets. Run a current passim (2.x) on the same input.`;
  }
  if (kind === 'textpair') {
    return `${head}. TextPAIR's byte offsets index the files it read: give Refrain exactly those files (plain UTF-8 text, not cleaned or re-encoded), or a JSON Lines file whose "text" is each file's content.`;
  }
  return `${head}. These are not the texts passim read: import the same JSON Lines file that was passim's input (its "text" fields unchanged).`;
}

/** One family per passim cluster, its members linked by passim's sources or to its earliest member. */
async function clusterFamilies(
  scan: Scan,
  spans: (LocalSpan | null)[],
  docs: Doc[],
  at: Int32Array,
  inputs: ReuseInput[],
  aligner: PassageAligner,
  report: ImportReport,
  tick: () => Promise<void>,
): Promise<{ passages: Passage[]; families: Family[]; boilerplate: string[] }> {
  const t = scan.clusters;
  const clusterCol = t.col('cluster');
  const boilerCol = t.col('boiler');
  // Records that fit their text, by cluster, in record order.
  const byCluster = new Map<number, number[]>();
  for (let r = 0; r < t.length; r++) {
    if (!spans[r]) continue;
    const c = clusterCol[r]!;
    let list = byCluster.get(c);
    if (!list) byCluster.set(c, (list = []));
    list.push(r);
  }
  const sizes = clusterSizes(scan);
  // passim's src: record → [uid, begin, end] of its inferred source.
  const srcOf = new Map<number, [number, number, number]>();
  for (let i = 0; i < scan.sources.length; i += 4) srcOf.set(scan.sources[i]!, [scan.sources[i + 1]!, scan.sources[i + 2]!, scan.sources[i + 3]!]);

  const passages: Passage[] = [];
  const families: Family[] = [];
  const boilerplate: string[] = [];
  const dateKey = (d: number) => docs[d]!.meta.date?.value ?? '\uffff';
  for (const [cluster, records] of byCluster) {
    await tick();
    // Members in document order; overlapping passages in one document joined.
    const items = records.map((r) => ({ ...spans[r]!, record: r }));
    items.sort((x, y) => cmp(dateKey(x.doc), dateKey(y.doc)) || x.doc - y.doc || x.start - y.start);
    const members: { doc: number; start: number; end: number; records: number[] }[] = [];
    for (const it of items) {
      const last = members[members.length - 1];
      if (last && last.doc === it.doc && it.start < last.end) {
        last.end = Math.max(last.end, it.end);
        last.records.push(it.record);
      } else members.push({ doc: it.doc, start: it.start, end: it.end, records: [it.record] });
    }
    const documents = new Set(members.map((m) => m.doc)).size;
    if (documents < 2) {
      if (sizes[cluster]! >= 2) report.clustersDropped.outsideSelection++;
      else report.clustersDropped.oneDocument++;
      continue;
    }
    const words = members.map((m) => wordsAt(aligner, docs, m));
    // Each member linked to its passim source when that is another member
    // of the cluster; whatever is still apart, to the earliest member.
    const parent = members.map((_, i) => i);
    const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
    const local: Passage[] = [];
    const link = (x: number, y: number) => {
      parent[find(x)] = find(y);
      local.push(aligner.between(words[x]!, words[y]!));
    };
    members.forEach((m, i) => {
      const src = srcOf.get(m.records[0]!);
      const scanDoc = src ? scan.uidDoc.get(src[0]) : undefined;
      if (!src || scanDoc === undefined || at[scanDoc]! < 0) return;
      const d = at[scanDoc]!;
      const start = docs[d]!.offsets.fromCodePoint(src[1]);
      const end = docs[d]!.offsets.fromCodePoint(src[2]);
      const target = members.findIndex((o) => o.doc === d && o.start < end && start < o.end);
      if (target >= 0 && find(target) !== find(i)) link(i, target);
    });
    for (let i = 1; i < members.length; i++) if (find(i) !== find(0)) link(i, 0);
    const docIds = [...new Set(members.map((m) => m.doc))].sort((x, y) => x - y);
    const found = familiesFromSpans(local, docIds.map((d) => inputs[d]!), DEFAULT_REUSE_OPTIONS);
    const base = passages.length;
    for (const p of local) passages.push(p);
    const pboiler = scan.pboiler[cluster]!;
    const boilerShare = members.filter((m) => m.records.some((r) => boilerCol[r] === 1)).length / members.length;
    for (const f of found) {
      f.passages = f.passages.map((p) => p + base);
      families.push(f);
      if ((Number.isNaN(pboiler) ? boilerShare : pboiler) > BOILERPLATE_SHARE) {
        boilerplate.push(f.id);
        f.boilerplate = true;
      }
    }
  }
  return { passages, families, boilerplate };
}

/** Pair passages join the family whose members both their spans overlap. */
function linkPairs(families: Family[], passages: Passage[], from: number): void {
  const byDoc = new Map<string, { f: number; start: number; end: number }[]>();
  families.forEach((f, i) => {
    for (const m of f.members) {
      let list = byDoc.get(m.doc);
      if (!list) byDoc.set(m.doc, (list = []));
      list.push({ f: i, start: m.start, end: m.end });
    }
  });
  const familiesAt = (s: Span) => new Set((byDoc.get(s.doc) ?? []).filter((m) => m.start < s.end && s.start < m.end).map((m) => m.f));
  for (let p = from; p < passages.length; p++) {
    const a = familiesAt(passages[p]!.a);
    for (const f of familiesAt(passages[p]!.b)) if (a.has(f)) families[f]!.passages.push(p);
  }
}
