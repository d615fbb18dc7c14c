/**
 * The second reading: the selected documents' texts (read again when the
 * scan did not keep them), every record's offsets checked against them and
 * mapped to UTF-16 (verify.ts), and the result turned into Refrain's
 * analysis. passim's clusters become families (cluster-families.ts); pairs
 * (passim's `--pairwise`, TextPAIR's alignments) become passages, joining
 * the families they fall in; without clusters, Refrain's own grouping makes
 * the families. Either the whole import is returned or an error is thrown:
 * nothing is half-built.
 */
import { countWords } from '../corpus/word-count.ts';
import type { CorpusDocument, DocMeta } from '../corpus/types.ts';
import { cmp, rankFamilies } from '../reuse/families.ts';
import { familiesFromSpans } from '../reuse/span-families.ts';
import { DEFAULT_REUSE_OPTIONS } from '../reuse/options.ts';
import type { Family, Passage, ReuseInput, ReuseResult } from '../reuse/types.ts';
import { clusterFamilies, linkPairs, wordsAt } from './cluster-families.ts';
import { readDocumentRecord } from './documents.ts';
import { ImportCancelled, readJsonLines, readText, type Source } from './lines.ts';
import { TextOffsets } from './offsets.ts';
import { PassageAligner } from './passage.ts';
import type { RecordKind } from './records.ts';
import type { Problem, Scan } from './scan.ts';
import { verifyAll, type Doc, type Tool, type VerifyContext } from './verify.ts';

export { OffsetMismatch, type Tool } from './verify.ts';

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

/** Records handled between two pauses (the worker reads its messages, Cancel among them). */
const PAUSE_EVERY = 2000;

export interface BuildOptions {
  /** The command line or settings the tool ran with, to show beside the mark. */
  parameters?: string | null;
  onProgress?: (p: { stage: string; fraction: number }) => void;
  cancelled?: () => boolean;
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
  const verify: VerifyContext = { scan, docs, at, report, unit, problem };
  const clusterSpans = verifyAll(verify, 'cluster').map((s) => s[0] ?? null);
  const pairSpans = [...verifyAll(verify, 'pair'), ...verifyAll(verify, 'textpair')];

  const inputs: ReuseInput[] = docs.map((d) => ({ id: d.meta.id, text: d.text, date: d.meta.date, outlet: d.meta.outlet }));
  const aligner = new PassageAligner();
  const { passages, families, boilerplate } = scan.clusters.length
    ? await clusterFamilies({ scan, docs, at, inputs, aligner, dropped: report.clustersDropped, tick }, clusterSpans)
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
    provenance: `Read from ${file}${sourceId !== scan.ids[d] ? ` (id there: ${JSON.stringify(sourceId)})` : ''}, as the text passim or TextPAIR analysed.${scan.dateNotes[d] ? ` ${scan.dateNotes[d]}` : ''}`,
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
