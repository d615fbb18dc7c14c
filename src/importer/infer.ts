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
/** Share of letters that must be kana for a text to be taken as Japanese (a Chinese text has none). */
const KANA_SHARE_FOR_JA = 0.1;
/** Share of letters that must be of a script for a text to be taken as its language. */
const SCRIPT_SHARE = 0.5;
const SCRIPT_LANGUAGES: ReadonlyArray<[string, RegExp]> = [
  ['th', /\p{Script=Thai}/gu],
  ['lo', /\p{Script=Lao}/gu],
  ['km', /\p{Script=Khmer}/gu],
  ['my', /\p{Script=Myanmar}/gu],
  ['ko', /\p{Script=Hangul}/gu],
];
const SAMPLE_CHARS = 20_000;

/** A date at the precision written at the start of a file name: `2019-10-25-…`, `2019_10-…`, `2019 …`. */
export function dateFromFileName(name: string): string | null {
  const m = /^((?:19|20)\d{2})(?:[-_.]?(\d{2})(?:[-_.]?(\d{2}))?)?(?=[-_. ]|$)/.exec(name);
  if (!m) return null;
  const value = [m[1], m[2], m[3]].filter(Boolean).join('-');
  return validDate(value);
}


/**
 * The language a script says by itself: `ja` when kana stand among the
 * letters (Japanese writes its grammar in them), `zh` when the text is
 * mostly Han without kana, `th`, `lo`, `km`, `my`, `ko` when most letters
 * are Thai, Lao, Khmer, Myanmar or Hangul; else null (the default, `en`,
 * applies; Latin-script languages are told apart by their function words
 * in the engine).
 */
export function languageFromText(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return null;
  const share = (script: RegExp) => (sample.match(script)?.length ?? 0) / letters;
  if (share(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) >= KANA_SHARE_FOR_JA) return 'ja';
  if (share(/\p{Script=Han}/gu) >= HAN_SHARE_FOR_ZH) return 'zh';
  for (const [language, script] of SCRIPT_LANGUAGES) if (share(script) >= SCRIPT_SHARE) return language;
  return null;
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
