/**
 * Metadata a file implies when it does not state it: from its HTML head, its
 * name (`2019-10-25-wic-opening.txt`) and its text (script → language).
 * Inferred values are suggestions: one that does not validate is dropped,
 * never a reason to refuse the file. What the file states (front matter, a
 * sidecar) and what the user types always win.
 */
import { htmlFields, type HtmlMeta } from '../corpus/html/index.ts';
import { validDate } from '../corpus/metadata.ts';

export { dateFromTimestamp } from '../corpus/metadata.ts';

/** The editable fields, as the metadata form and front matter write them. */
export const META_FIELDS = ['title', 'outlet', 'author', 'date', 'language'] as const;
export type MetaField = (typeof META_FIELDS)[number];
export type MetaFields = Partial<Record<MetaField, string>>;

/** Share of letters that must be Han for a text to be taken as Chinese. */
const HAN_SHARE_FOR_ZH = 0.3;
const SAMPLE_CHARS = 20_000;

/** A date at the precision written at the start of a file name: `2019-10-25-…`, `2019_10-…`, `2019 …`. */
export function dateFromFileName(name: string): string | null {
  const m = /^((?:19|20)\d{2})(?:[-_.]?(\d{2})(?:[-_.]?(\d{2}))?)?(?=[-_. ]|$)/.exec(name);
  if (!m) return null;
  const value = [m[1], m[2], m[3]].filter(Boolean).join('-');
  return validDate(value);
}


/** `zh` when the text is mostly Han characters, else null (the default, `en`, applies). */
export function languageFromText(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return null;
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han / letters >= HAN_SHARE_FOR_ZH ? 'zh' : null;
}

/** The fields a file implies, from weakest evidence to strongest (later sources override earlier). */
export function inferFields(input: { name: string; text: string; html?: HtmlMeta | null }): MetaFields {
  const out: MetaFields = {};
  const fromName = dateFromFileName(input.name);
  if (fromName) out.date = fromName;
  const language = languageFromText(input.text);
  if (language) out.language = language;
  if (input.html) Object.assign(out, htmlFields(input.html));
  return out;
}
