/**
 * The CLI's import path: `analyze -- --passim PATH... [--json]` (or
 * `--textpair`) reads passim's input and results (or TextPAIR's texts and
 * alignments) instead of running Refrain's engine, and prints the same
 * report or JSON. Selection options narrow what is imported.
 */
import { corpusHash } from '../../corpus/corpus-hash.ts';
import type { Corpus } from '../../corpus/types.ts';
import { applySelection, buildImport, scanFiles, type ComputedBy, type Selection } from '../../interop/index.ts';
import type { ReuseResult } from '../../reuse/types.ts';
import { sourcesFromPaths } from '../result-files.ts';

export interface ImportArgs {
  tool: 'passim' | 'textpair';
  paths: string[];
  parameters: string | null;
  selection: Selection;
}

export const IMPORT_USAGE =
  'analyze -- --passim CORPUS.jsonl RESULTS... [--json]   (or --textpair TEXTS... alignments.jsonl); narrow with --series A,B --from YYYY[-MM[-DD]] --to … --touching ID,ID --min-size N; --parameters "the command you ran"';

/** Takes the import options out of `argv` (mutating it); null when there is no --passim or --textpair. */
export function takeImportArgs(argv: string[]): ImportArgs | null {
  const at = argv.findIndex((a) => a === '--passim' || a === '--textpair');
  if (at < 0) return null;
  const args: ImportArgs = { tool: argv[at] === '--passim' ? 'passim' : 'textpair', paths: [], parameters: null, selection: {} };
  const rest = argv.splice(at);
  rest.shift();
  const value = (flag: string) => {
    const v = rest.shift();
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
  while (rest.length) {
    const a = rest.shift()!;
    if (a === '--parameters') args.parameters = value(a);
    else if (a === '--series') args.selection.series = list(value(a));
    else if (a === '--from') args.selection.from = value(a);
    else if (a === '--to') args.selection.to = value(a);
    else if (a === '--touching') args.selection.touching = list(value(a));
    else if (a === '--min-size') args.selection.minSize = Number(value(a));
    else if (a.startsWith('-')) argv.push(a);
    else args.paths.push(a);
  }
  if (args.paths.length === 0) throw new Error(`${args.tool === 'passim' ? '--passim' : '--textpair'} needs the documents and the result files`);
  return args;
}

export interface ImportedCorpus {
  corpus: Corpus;
  result: ReuseResult;
  computedBy: ComputedBy;
  /** One line per problem, for stderr. */
  warnings: string[];
}

export async function importFromPaths(args: ImportArgs): Promise<ImportedCorpus> {
  const sources = await sourcesFromPaths(args.paths);
  const scan = await scanFiles(sources);
  const warnings = scan.problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  if (scan.problemCount > scan.problems.length) warnings.push(`… and ${scan.problemCount - scan.problems.length} more problems`);
  const selecting = Object.values(args.selection).some((v) => v != null);
  let keep: Uint8Array | null = null;
  if (selecting) {
    const sel = applySelection(scan, args.selection);
    if (sel.unknownIds.length) warnings.push(`--touching: no document ${sel.unknownIds.map((i) => JSON.stringify(i)).join(', ')}`);
    warnings.push(
      `selection: ${sel.documents} of ${scan.documentCount} documents kept; left out ${sel.left.documents} documents, ${sel.left.clusters} clusters${sel.left.clustersCut ? ` (${sel.left.clustersCut} more lost members)` : ''}, ${sel.left.pairs} pairs`,
    );
    keep = sel.keep;
  }
  const imported = await buildImport(sources, scan, keep, { parameters: args.parameters });
  if (imported.computedBy.tool !== args.tool) {
    throw new Error(`--${args.tool} was given, but the files hold ${imported.computedBy.tool === 'passim' ? 'passim' : 'TextPAIR'} results`);
  }
  for (const p of imported.report.problems) warnings.push(`${p.file}:${p.line}: ${p.message}`);
  const { oneDocument, outsideSelection } = imported.report.clustersDropped;
  if (oneDocument) warnings.push(`${oneDocument} clusters lie in one document only and make no family`);
  if (outsideSelection) warnings.push(`${outsideSelection} clusters have fewer than two documents in the selection and make no family`);
  const documents = imported.documents;
  return { corpus: { id: corpusHash(documents), name: 'Imported', documents }, result: imported.result, computedBy: imported.computedBy, warnings };
}

/** "computed by passim (clusters, pairs; offsets in code points): passim corpus.jsonl out" */
export function describeComputedBy(c: ComputedBy): string {
  const tool = c.tool === 'passim' ? 'passim' : 'TextPAIR';
  const kinds = c.results.map((k) => ({ cluster: 'clusters', pair: 'pairwise alignments', textpair: 'alignments' })[k]).join(', ');
  return `computed by ${tool} (${kinds}; offsets in ${c.offsets})${c.parameters ? `: ${c.parameters}` : ''}`;
}
