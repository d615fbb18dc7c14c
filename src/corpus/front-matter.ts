/**
 * `---` front matter at the top of a text file, read as YAML (the `yaml`
 * package): quoted values with colons, lists, comments, block scalars,
 * `clean:` overrides, everything people write in Jekyll, Hugo or Pandoc
 * front matter. YAML's failsafe schema keeps every value as written
 * (`title: 007` stays "007", `date: 2020` "2020", `title: yes` "yes"); a
 * list of names (`author: [Ann Lee, Bo Chen]`) is joined with commas; `~`
 * and an empty value mean not given; `clean` stays a mapping for buildMeta
 * to check. Any problem names the file and the line in it.
 *
 * One thing YAML refuses is kept readable: a plain value with ": " in it
 * (`title: Brexit: the deal`), which the flat reader before YAML accepted
 * and people write. No valid YAML has such a line, so it is read as if the
 * value were quoted; every valid document means what YAML says it means.
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { MAX_META_JSON_CHARS } from './limits.ts';
import { CorpusError, FIELDS } from './metadata.ts';

export interface FrontMatter {
  /** Keys lower-cased; values text, `null` (written empty or `~`), or for `clean` a mapping. */
  fields: Record<string, unknown>;
  /** Where the body starts in the file (UTF-16 offset). */
  bodyStart: number;
}

/** Aliases a front matter may expand (YAML's "billion laughs" stays small). */
const MAX_ALIASES = 50;
/**
 * Nesting the parser is given at most (brackets, or `- - -` on one line).
 * Real front matter nests two or three levels; the `yaml` parser recurses,
 * and a few thousand levels overflow its stack after seconds of work.
 */
const MAX_NESTING = 64;
/** Keys whose value is a mapping, checked by buildMeta. */
const MAPPING_KEYS = new Set(['clean']);
/** Keys read as metadata; others (tags, layout, a site generator's params) are left alone, whatever they hold. */
const KNOWN_KEYS: ReadonlySet<string> = new Set(FIELDS);

/** Returns null when the text has no front matter. */
export function parseFrontMatter(text: string, file: string): FrontMatter | null {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const open = /^---[ \t]*\r?\n/.exec(text.slice(bom));
  if (!open) return null;
  const start = bom + open[0].length;
  const close = /^---[ \t]*(?:\r?\n|$)/m.exec(text.slice(start));
  if (!close) throw new CorpusError(file, null, 'front matter opened with "---" is never closed');
  const block = text.slice(start, start + close.index);
  if (block.length > MAX_META_JSON_CHARS) {
    throw new CorpusError(file, null, `front matter is ${block.length.toLocaleString('en')} characters long; at most ${MAX_META_JSON_CHARS.toLocaleString('en')} are read`);
  }
  const deep = tooDeep(block);
  if (deep) throw new CorpusError(file, null, `front matter line ${deep + 1}: nested more than ${MAX_NESTING} levels deep; metadata is a few flat fields`);
  const lines = new LineCounter();
  // The block starts on the file's line 2, after "---"; an error found at its end (an unclosed quote) is on its last line.
  const source = quoteColonValues(block);
  const lineAt = (offset: number): number => lines.linePos(Math.min(offset, source.trimEnd().length)).line + 1;
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, schema: 'failsafe' });
  const error = doc.errors[0];
  if (error) throw new CorpusError(file, null, `front matter line ${lineAt(error.pos[0])}: ${firstLine(error.message)}`);
  const fields: Record<string, unknown> = Object.create(null);
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { fields, bodyStart: start + close.index + close[0].length };
  if (!isMap(root)) throw new CorpusError(file, null, `front matter line ${lineAt(root.range?.[0] ?? 0)}: must be "key: value" lines, not a list or a single value`);
  const keys: Array<{ name: string; key: string; line: number }> = [];
  for (const pair of root.items) {
    if (!isPair(pair)) continue;
    const keyNode = pair.key as Node | null;
    const line = lineAt(keyNode?.range?.[0] ?? 0);
    const name = isScalar(keyNode) ? String(keyNode.value) : '';
    const key = name.toLowerCase();
    if (!key || key === '__proto__') throw new CorpusError(file, null, `front matter line ${line}: ${key ? `the key "${key}" is not allowed` : 'a key must be a word'}`);
    keys.push({ name, key, line });
  }
  let values: Record<string, unknown>;
  try {
    values = doc.toJS({ maxAliasCount: MAX_ALIASES }) as Record<string, unknown>;
  } catch (error) {
    throw new CorpusError(file, null, `front matter: ${firstLine((error as Error).message)}`);
  }
  for (const { name, key, line } of keys) if (KNOWN_KEYS.has(key)) fields[key] = normalise(Object.hasOwn(values, name) ? values[name] : null, key, file, line);
  return { fields, bodyStart: start + close.index + close[0].length };
}

function normalise(value: unknown, key: string, file: string, line: number): unknown {
  if (value === null || value === undefined || value === '~') return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  if (MAPPING_KEYS.has(key) && typeof value === 'object') return value;
  throw new CorpusError(file, key, `must be text or a list of texts (front matter line ${line})`);
}

/** The block's line (1-based) where nesting passes MAX_NESTING, or 0. Quotes are not skipped: a bracket in a quoted value only counts against a generous limit. */
function tooDeep(block: string): number {
  let depth = 0;
  let line = 1;
  let lineStart = true;
  let markers = 0;
  for (let i = 0; i < block.length; i++) {
    const c = block.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = true;
      markers = 0;
      continue;
    }
    if (c === 0x5b || c === 0x7b) depth++; // [ {
    else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--; // ] }
    if (lineStart && (c === 0x2d || c === 0x3f || c === 0x3a) && (block.charCodeAt(i + 1) === 32 || block.charCodeAt(i + 1) === 9)) markers++; // "- ", "? ", ": " opening a line
    else if (c !== 32 && c !== 9) lineStart = false;
    if (depth > MAX_NESTING || markers > MAX_NESTING) return line;
  }
  return 0;
}

/** A top-level `key: value` line whose plain value holds ": " (or ends in ":"), which YAML would refuse. */
const COLON_VALUE = /^([A-Za-z][\w-]*[ \t]*:[ \t]+)([^\s"'[\]{}|>&*!%@`#,?:-][^\r\n]*?(?::[ \t]|:(?=\r?$))[^\r\n]*?)(?=\r?$)/gm;

/** Quotes such values (line for line, so line numbers stay right); a trailing ` # comment` stays a comment. */
function quoteColonValues(block: string): string {
  return block.replace(COLON_VALUE, (_line, head: string, value: string) => {
    const comment = /[ \t]#.*$/.exec(value);
    const text = (comment ? value.slice(0, comment.index) : value).trimEnd();
    return `${head}${JSON.stringify(text)}${comment ? comment[0] : ''}`;
  });
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
