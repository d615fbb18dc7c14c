/**
 * Loads the labelled real text set in tests/fixtures/parallel/: documents
 * with front matter, and labels.json whose quotes are located in each
 * document's body to give exact spans (offsets are computed, never typed).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocDate } from '../../src/corpus/types.ts';
import type { ReuseInput, Span, TruthGroup } from './types.ts';

export const PARALLEL_DIR = fileURLToPath(new URL('../fixtures/parallel/', import.meta.url));

export interface ParallelDoc extends ReuseInput {
  title: string;
}

interface LabelFile {
  groups: Array<{ id: string; level: string; quotes: Record<string, string> }>;
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

export function loadParallel(dir = PARALLEL_DIR): { docs: ParallelDoc[]; truth: TruthGroup[] } {
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
  const truth: TruthGroup[] = labels.groups.map((g) => {
    const spans: Span[] = Object.entries(g.quotes).map(([docId, quote]) => {
      const doc = byId.get(docId);
      if (!doc) throw new Error(`labels.json: group ${g.id}: no document ${docId}.txt`);
      const at = doc.text.indexOf(quote);
      if (at < 0) throw new Error(`labels.json: group ${g.id}: quote not found in ${docId}: ${JSON.stringify(quote)}`);
      if (doc.text.indexOf(quote, at + 1) >= 0) throw new Error(`labels.json: group ${g.id}: quote occurs more than once in ${docId}`);
      return { doc: docId, start: at, end: at + quote.length };
    });
    const first = Object.values(g.quotes)[0] ?? '';
    return { id: g.id, level: g.level, spans, words: first.match(/[\p{L}\p{N}]+/gu)?.length ?? 0 };
  });
  return { docs, truth };
}
