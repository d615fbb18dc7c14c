/**
 * How long each metadata field may be, wherever it comes from: front
 * matter, a sidecar, a shared corpus file, an HTML page's `<meta>` tags or
 * JSON-LD, the metadata form. One set of limits, enforced by `buildMeta`
 * (src/corpus/metadata.ts), through which every document's metadata passes,
 * and used to shorten what a page suggests (a suggestion is shortened, a
 * value the user or the file states is refused with a message).
 *
 * Generous for real metadata (the longest headline in a year of a large
 * news site is well under 300 characters) and small enough that a card, a
 * table cell or a heading stays readable.
 */

export const FIELD_LIMITS = {
  /** Used in routes and file names. */
  id: 128,
  title: 300,
  outlet: 200,
  /** Several names: "Jane Doe, John Roe and Ann Lee". */
  author: 300,
  /** A BCP 47 tag such as `zh-Hant-TW`. */
  language: 35,
  /** `~2019-10-25`, `about 2020`. */
  date: 40,
  /** A sentence or a short paragraph on where the text came from. */
  provenance: 2000,
} as const;

export type LimitedField = keyof typeof FIELD_LIMITS;

/** The years a document's date may fall in (and a link name): four figures, from the year 1000. */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;

/** `clean.removeLines` / `clean.keepLines`: how many lines, and how long each. */
export const MAX_CLEAN_LINES = 1000;
export const MAX_CLEAN_LINE_CHARS = 2000;

/** Nesting a document's metadata may have (a sidecar is flat; `clean` adds two levels). */
export const MAX_META_DEPTH = 8;
/** Size of one document's metadata as JSON: its fields' limits with room for `clean`. */
export const MAX_META_JSON_CHARS = 64 * 1024;

/** The text shortened to `max` characters with an ellipsis, at a space when one is near the end. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1); // never half a surrogate pair
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}

/**
 * Why a document's metadata, as parsed from JSON (a shared corpus file's
 * `meta`), is too deep or too large to pass on; null when it is not. Walks
 * with its own stack and stops at the first excess, so 10,000 levels or a
 * 50 MB object cost microseconds; what it lets through is small and shallow
 * enough for postMessage's structured clone, JSON.stringify and buildMeta.
 */
export function metaShapeProblem(meta: unknown): string | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: meta, depth: 1 }];
  let chars = 0;
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (typeof value === 'string') chars += value.length + 2;
    else if (value === null || typeof value !== 'object') chars += String(value).length;
    else {
      if (depth > MAX_META_DEPTH) return `is nested more than ${MAX_META_DEPTH} levels deep; a document's metadata is a few fields`;
      chars += 2;
      if (Array.isArray(value)) for (const item of value) stack.push({ value: item, depth: depth + 1 });
      else
        for (const key of Object.keys(value)) {
          chars += key.length + 3;
          stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
        }
    }
    if (chars > MAX_META_JSON_CHARS) return `is more than ${MAX_META_JSON_CHARS.toLocaleString('en')} characters as JSON; a document's metadata is a few fields`;
  }
  return null;
}
