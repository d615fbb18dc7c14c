/**
 * Loads a labelled real text set (tests/fixtures/parallel/, the KJV
 * gospels; tests/fixtures/parallel-fr/, the same passages in the Louis
 * Segond 1910 French Bible; tests/fixtures/sotu/, State of the Union
 * addresses): documents
 * with front matter, and labels.json whose quotes are located in each
 * document's body to give exact spans (offsets are computed, never typed).
 *
 * A document's quotes for one group are a string, or a list when the
 * formula occurs there more than once. Each quote must occur exactly once
 * in the body; when the labelled words themselves repeat, the quote holds
 * some context and `[[…]]` marks the occurrence inside it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocDate } from '../../src/corpus/types.ts';
import type { ReuseInput, Span, TruthGroup } from './types.ts';

export const PARALLEL_DIR = fileURLToPath(new URL('../fixtures/parallel/', import.meta.url));
export const PARALLEL_FR_DIR = fileURLToPath(new URL('../fixtures/parallel-fr/', import.meta.url));
export const SOTU_DIR = fileURLToPath(new URL('../fixtures/sotu/', import.meta.url));

export interface ParallelDoc extends ReuseInput {
  title: string;
}

interface LabelFile {
  groups: Array<{ id: string; level: string; contains?: string; quotes: Record<string, string | string[]> }>;
}

/** A labelled group; `contains` names a group whose occurrences lie inside this one's. */
export interface LabelledGroup extends TruthGroup {
  contains?: string;
}

const MARK = /\[\[([\s\S]*?)\]\]/;

/** The span of one quote in `text` (see the file comment). */
export function locateQuote(text: string, quote: string, where: string): { start: number; end: number } {
  const m = MARK.exec(quote);
  const plain = m ? quote.replace(MARK, '$1') : quote;
  if (m && MARK.test(plain)) throw new Error(`${where}: more than one [[…]] in ${JSON.stringify(quote)}`);
  const at = text.indexOf(plain);
  if (at < 0) throw new Error(`${where}: quote not found: ${JSON.stringify(plain)}`);
  if (text.indexOf(plain, at + 1) >= 0) throw new Error(`${where}: quote occurs more than once: ${JSON.stringify(plain)}`);
  const start = at + (m ? m.index : 0);
  return { start, end: start + (m ? (m[1] as string).length : plain.length) };
}

/** Splits `---\nkey: value\n---\nbody`; the body is the text handed to the engine. */
export function parseFrontMatter(raw: string, file: string): { fields: Record<string, string>; body: string } {
  const text = raw.replace(/\r\n/g, '\n');
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) throw new Error(`${file}: missing front matter (---\\nkey: value\\n---)`);
  const fields: Record<string, string> = {};
  for (const line of (m[1] as string).split('\n')) {
    const kv = /^([a-z_]+):\s*(.*)$/.exec(line.trim());
    if (kv) fields[kv[1] as string] = (kv[2] as string).trim();
  }
  return { fields, body: text.slice(m[0].length).replace(/\s+$/, '') };
}

function parseYear(value: string | undefined): DocDate | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  return { value, precision: m[3] ? 'day' : m[2] ? 'month' : 'year', approximate: false };
}

export function loadParallel(dir = PARALLEL_DIR): { docs: ParallelDoc[]; truth: LabelledGroup[] } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const docs: ParallelDoc[] = files.map((f) => {
    const { fields, body } = parseFrontMatter(readFileSync(join(dir, f), 'utf8'), f);
    return {
      id: f.replace(/\.txt$/, ''),
      title: fields.title ?? f,
      outlet: fields.outlet ?? null,
      date: parseYear(fields.date),
      text: body,
    };
  });
  const byId = new Map(docs.map((d) => [d.id, d]));
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as LabelFile;
  const truth: LabelledGroup[] = labels.groups.map((g) => {
    const spans: Span[] = [];
    let first = '';
    for (const [docId, quotes] of Object.entries(g.quotes)) {
      const doc = byId.get(docId);
      if (!doc) throw new Error(`labels.json: group ${g.id}: no document ${docId}.txt`);
      for (const quote of typeof quotes === 'string' ? [quotes] : quotes) {
        const at = locateQuote(doc.text, quote, `labels.json: group ${g.id}, ${docId}`);
        spans.push({ doc: docId, ...at });
        first ||= doc.text.slice(at.start, at.end);
      }
    }
    const group: LabelledGroup = { id: g.id, level: g.level, spans, words: first.match(/[\p{L}\p{N}]+/gu)?.length ?? 0 };
    if (g.contains) group.contains = g.contains;
    return group;
  });
  return { docs, truth };
}
