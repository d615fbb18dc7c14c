/**
 * A JSON dataset of documents as a table's rows, for table-file.ts: what
 * scrapers, news APIs and dataset hubs export. Accepted: an array of
 * objects (`[{ "title": …, "content": … }, …]`), an object holding one
 * (`{ "articles": [ … ] }`, the first property that is an array of
 * objects), one object (one document), or JSON Lines (`.jsonl`, `.ndjson`:
 * one object per line).
 *
 * The header is every key met, in the order first met; a cell is a string
 * as written, a number or boolean as text, a list of strings or numbers
 * joined with ", " (authors); an object's own scalar fields count as keys
 * of their own where no top-level key has the name (`{ "meta": { "title":
 * … } }`). Other values (objects deeper down, null) are empty cells.
 */

export interface JsonRows {
  /** Header first. */
  rows: string[][];
  /** JSON Lines lines that were not an object: their numbers (1-based). */
  badLines: number[];
}

/** Keys of the records looked at to make the header. */
const HEADER_RECORDS = 1000;

/** The records of `text` as rows (header first), or why it is not a dataset of documents. */
export function jsonRows(text: string, lines: boolean): JsonRows | { error: string } {
  const body = text.replace(/^\ufeff/, '');
  let records: unknown[];
  const badLines: number[] = [];
  if (lines) {
    records = [];
    body.split(/\r?\n/).forEach((line, k) => {
      if (!line.trim()) return;
      try {
        const value: unknown = JSON.parse(line);
        if (isObject(value)) records.push(value);
        else badLines.push(k + 1);
      } catch {
        badLines.push(k + 1);
      }
    });
  } else {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      return { error: `is not valid JSON (${(error as Error).message.slice(0, 120)})` };
    }
    if (isObject(value) && (value['format'] === 'refrain-corpus' || value['format'] === 'refrain-edition'))
      return { error: 'is a Refrain corpus file: open it with “Open a shared corpus file…”, which keeps its metadata and cleaning' };
    // An array of documents, an object holding one, or one document.
    const list = Array.isArray(value) ? value : isObject(value) ? (Object.values(value).find((v) => Array.isArray(v) && v.some(isObject)) ?? [value]) : undefined;
    if (!Array.isArray(list)) return { error: 'is JSON but holds no documents (an array of objects, or an object with one)' };
    records = list;
  }
  const objects = records.filter(isObject).map(flatten);
  if (objects.length === 0) return { error: 'is JSON but holds no documents (objects with fields)' };
  const header: string[] = [];
  const seen = new Set<string>();
  for (const o of objects.slice(0, HEADER_RECORDS)) {
    for (const key of Object.keys(o)) {
      if (!seen.has(key)) {
        seen.add(key);
        header.push(key);
      }
    }
  }
  return { rows: [header, ...objects.map((o) => header.map((key) => o[key] ?? ''))], badLines };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A record's fields as cell text, with a nested object's scalar fields under their own names where free. */
function flatten(record: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    const cell = cellText(value);
    if (cell !== null) out[key] = cell;
  }
  for (const value of Object.values(record)) {
    if (!isObject(value)) continue;
    for (const [key, inner] of Object.entries(value)) {
      const cell = cellText(inner);
      if (cell !== null && !(key in out) && !(key in record)) out[key] = cell;
    }
  }
  return out;
}

function cellText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(', ');
  return null;
}
