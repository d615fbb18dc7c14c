/**
 * The metadata form's model: a draft of plain strings (what the inputs hold),
 * made from a document or from inferred fields, checked field by field with
 * the same rules as front matter, and applied to a document without touching
 * its id or text; its provenance changes only to say a date was set by hand.
 */
import { readDate, withoutDateNote } from '../corpus/dates.ts';
import { buildMeta, CorpusError, formatDocDate, withNote } from '../corpus/metadata.ts';
import type { CorpusDocument, DocDate, DocMeta } from '../corpus/types.ts';
import { META_FIELDS, type MetaField, type MetaFields } from './infer.ts';

export type MetaDraft = Record<MetaField, string>;

export const EMPTY_DRAFT: MetaDraft = { title: '', outlet: '', author: '', date: '', language: 'en' };

export function draftFromMeta(meta: DocMeta): MetaDraft {
  return {
    title: meta.title ?? '',
    outlet: meta.outlet ?? '',
    author: meta.author ?? '',
    date: meta.date ? `${meta.date.approximate ? '~' : ''}${meta.date.value}` : '',
    language: meta.language,
  };
}

export function draftFromFields(fields: MetaFields): MetaDraft {
  return { ...EMPTY_DRAFT, ...fields };
}

/**
 * What the date field will be read as, for the hint beside it ("October
 * 2019, to the month"), read as any date is (corpus/dates.ts); a date that
 * would be left out, or kept to the year only, is a mistake to correct here.
 */
export function describeDraftDate(raw: string): { ok: true; text: string } | { ok: false; text: string } {
  if (!raw.trim()) return { ok: true, text: 'undated' };
  const { date, why } = readDate(raw);
  if (!date) return { ok: false, text: `not read: ${why}` };
  if (why) return { ok: false, text: `${why}: write it as YYYY-MM-DD` };
  return { ok: true, text: `${formatDocDate(date)}, to the ${date.precision}${date.approximate ? ' (estimated)' : ''}` };
}

/** The draft as metadata fields, or a message per field at fault. */
export function checkDraft(draft: MetaDraft, file = 'the form'): { ok: true; fields: MetaFields } | { ok: false; errors: Partial<Record<MetaField, string>> } {
  const fields: MetaFields = {};
  // Not cut here: a value over its limit (corpus/limits.ts) gets buildMeta's message, like front matter's.
  for (const f of META_FIELDS) fields[f] = String(draft[f] ?? '');
  const date = describeDraftDate(fields.date ?? '');
  if (!date.ok) return { ok: false, errors: { date: date.text } };
  try {
    buildMeta({ file, defaultId: 'draft', defaultTitle: null, frontMatter: fields });
    return { ok: true, fields };
  } catch (error) {
    if (error instanceof CorpusError && error.field && (META_FIELDS as readonly string[]).includes(error.field)) {
      return { ok: false, errors: { [error.field]: error.message.slice(`${file}: ${error.field}: `.length) } };
    }
    return { ok: false, errors: { title: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * The document with the draft's metadata; id, text and edits unchanged. A
 * changed date replaces what the provenance said of the date as read (not
 * read, kept to the year, how a two-figure year was read) with that it was
 * set by hand.
 */
export function applyDraft(doc: CorpusDocument, draft: MetaDraft): { ok: true; doc: CorpusDocument } | { ok: false; errors: Partial<Record<MetaField, string>> } {
  const checked = checkDraft(draft, doc.meta.source);
  if (!checked.ok) return checked;
  const built = buildMeta({ file: doc.meta.source, defaultId: doc.meta.id, defaultTitle: null, frontMatter: checked.fields });
  const provenance = sameDate(doc.meta.date, built.date) ? doc.meta.provenance : setByHand(doc.meta.provenance, built.date);
  const meta: DocMeta = { ...doc.meta, title: built.title, outlet: built.outlet, author: built.author, date: built.date, language: built.language, provenance };
  return { ok: true, doc: { ...doc, meta } };
}

const sameDate = (a: DocDate | null, b: DocDate | null) => a?.value === b?.value && a?.approximate === b?.approximate;

/** The provenance with its note on the date replaced by one saying the reader set (or removed) it. */
function setByHand(provenance: string, date: DocDate | null): string {
  return withNote(withoutDateNote(provenance), date ? `Its date was set by hand to ${formatDocDate(date)}.` : 'Its date was removed by hand.');
}
