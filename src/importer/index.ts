/** Bringing your own texts: pure logic shared by the worker and the import panel. */
export * from './limits.ts';
export { htmlMeta, type HtmlMeta } from '../corpus/html/index.ts';
export { inferFields, META_FIELDS, type MetaField, type MetaFields } from './infer.ts';
// Types only from read.ts: reading files runs in the worker (src/worker/handlers.ts), not in the page.
export type { ImportItem, ImportFile, PreparedFile, ImportOutcome, ReadAs } from './read.ts';
export { isImportable, SNIFF_BYTES } from './file-kinds.ts';
export { ENCODING_CHOICES, encodingLabel, encodingShortName } from '../corpus/encodings.ts';
export { runImport, rereadFile, describeDates, planImport, BATCH_FILES, BATCH_BYTES, type PickedFile, type Refusal, type ImportedDoc, type Repeated, type Progress as ImportProgress, type Summary as ImportSummary, type FileRead } from './run.ts';
export { exportCorpus, exportFileName, parseCorpusFile, CORPUS_FORMAT, CORPUS_FORMAT_VERSION } from './corpus-file.ts';
export { applyDraft, checkDraft, describeDraftDate, draftFromFields, draftFromMeta, EMPTY_DRAFT, type MetaDraft } from './meta-form.ts';
export { pastedFile } from './paste.ts';
