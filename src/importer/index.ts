/** Bringing your own texts: pure logic shared by the worker and the import panel. */
export * from './limits.ts';
export { htmlMeta, type HtmlMeta } from '../corpus/html/index.ts';
export { inferFields, META_FIELDS, type MetaField, type MetaFields } from './infer.ts';
export { importItem, isImportable, type ImportItem, type ImportFile, type PreparedFile, type ImportOutcome } from './read.ts';
export { runImport, planImport, cleanHere, BATCH_FILES, BATCH_BYTES, type PickedFile, type Refusal, type ImportedDoc, type Progress as ImportProgress, type Summary as ImportSummary } from './run.ts';
export { exportCorpus, exportFileName, parseCorpusFile, CORPUS_FORMAT, CORPUS_FORMAT_VERSION } from './corpus-file.ts';
export { applyDraft, checkDraft, describeDraftDate, draftFromFields, draftFromMeta, EMPTY_DRAFT, type MetaDraft } from './meta-form.ts';
export { pastedFile } from './paste.ts';
