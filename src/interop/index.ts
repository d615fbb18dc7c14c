/**
 * Interoperability with passim and TextPAIR: export a corpus as passim's
 * input, and import their results as Refrain's analysis. Pure TypeScript
 * (no DOM, no Node APIs): the CLI and the worker feed it streams. See
 * README.md in this folder.
 */
export { passimDocumentLine, passimDocumentLines, safeId, type ExportableDoc } from './documents.ts';
export { ImportCancelled, readJsonLines, readLines, streamChunks, type Chunks, type Source } from './lines.ts';
export { TextOffsets } from './offsets.ts';
export { scanFiles, IGNORED_FILE, isResultFile, type Scan, type Limits, type Problem, type FileKind } from './scan.ts';
export { applySelection, summarize, checkSelection, type Selection, type SelectionOutcome, type CorpusSummary } from './selection.ts';
export { buildImport, OffsetMismatch, type ImportedAnalysis, type ComputedBy, type ImportReport, type Tool } from './convert.ts';
