/**
 * Fixtures for the interop tests: in-memory sources cut into awkward
 * chunks, and passim- and TextPAIR-format records written from Refrain's
 * own analysis (the formats as their README and source document them).
 */
import type { ReuseResult, Span } from '../../src/reuse/types.ts';
import type { Source } from '../../src/interop/lines.ts';

const encoder = new TextEncoder();

/**
 * A source over `content`, its bytes cut every `chunk` bytes (so UTF-8
 * characters and lines straddle chunk boundaries).
 */
export function memorySource(name: string, content: string, chunk = 7): Source {
  const bytes = encoder.encode(content);
  return {
    name,
    size: bytes.length,
    *open() {
      for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
    },
  };
}

export const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** Code points before UTF-16 offset `at` (how Python and Spark count). */
export const codePoints = (text: string, at: number) => [...text.slice(0, at)].length;

export interface FixtureDoc {
  id: string;
  text: string;
  series?: string | null;
  date?: string | null;
}

/** A hash standing in for passim's xxhash64 uid. */
export const uidOf = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 2 ** 40, 7);

/**
 * passim cluster records (out.json/part-*) for each family of `result`:
 * one record per member, offsets in code points, `text` the passage, the
 * input fields echoed.
 */
export function clusterRecords(result: ReuseResult, docs: FixtureDoc[], { boiler = () => false }: { boiler?: (family: number, member: Span) => boolean } = {}): Record<string, unknown>[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const out: Record<string, unknown>[] = [];
  result.families.forEach((f, c) => {
    const size = new Set(f.members.map((m) => m.doc)).size;
    for (const m of f.members) {
      const d = byId.get(m.doc)!;
      out.push({
        cluster: 1000 + c,
        size,
        begin: codePoints(d.text, m.start),
        end: codePoints(d.text, m.end),
        uid: uidOf(d.id),
        id: d.id,
        series: d.series ?? null,
        date: d.date ?? null,
        text: d.text.slice(m.start, m.end),
        boiler: boiler(c, m),
      });
    }
  });
  return out;
}

/** passim --pairwise records (align.json) for each passage: code-point offsets, s1/s2 as aligned strings without gaps. */
export function pairRecords(result: ReuseResult, docs: FixtureDoc[]): Record<string, unknown>[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return result.passages.map((p) => {
    const a = byId.get(p.a.doc)!;
    const b = byId.get(p.b.doc)!;
    const s1 = a.text.slice(p.a.start, p.a.end).replace(/-/g, '\u2010');
    const s2 = b.text.slice(p.b.start, p.b.end).replace(/-/g, '\u2010');
    const pad = (s: string, n: number) => s + '-'.repeat(Math.max(0, n - s.length));
    const n = Math.max(s1.length, s2.length);
    return {
      uid: uidOf(a.id),
      uid2: uidOf(b.id),
      begin: codePoints(a.text, p.a.start),
      end: codePoints(a.text, p.a.end),
      begin2: codePoints(b.text, p.b.start),
      end2: codePoints(b.text, p.b.end),
      id: a.id,
      id2: b.id,
      series: a.series ?? null,
      series2: b.series ?? null,
      s1: pad(s1, n),
      s2: pad(s2, n),
      matches: 0,
    };
  });
}

const utf8 = (s: string) => encoder.encode(s).length;

/** TextPAIR alignments.jsonl records for each passage: byte offsets, passages with spaces collapsed. */
export function textpairRecords(result: ReuseResult, docs: FixtureDoc[]): Record<string, unknown>[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  return result.passages.map((p) => {
    const a = byId.get(p.a.doc)!;
    const b = byId.get(p.b.doc)!;
    return {
      source_doc_id: `tp-${a.id}`,
      target_doc_id: `tp-${b.id}`,
      source_filename: `/data/texts/${a.id}.txt`,
      target_filename: `/data/texts/${b.id}.txt`,
      source_title: a.id,
      target_title: b.id,
      source_year: a.date?.slice(0, 4) ?? '',
      target_year: b.date?.slice(0, 4) ?? '',
      source_start_byte: utf8(a.text.slice(0, p.a.start)),
      source_end_byte: utf8(a.text.slice(0, p.a.end)),
      target_start_byte: utf8(b.text.slice(0, p.b.start)),
      target_end_byte: utf8(b.text.slice(0, p.b.end)),
      source_context_before: '',
      source_passage: clean(a.text.slice(p.a.start, p.a.end)),
      source_context_after: '',
      target_context_before: '',
      target_passage: clean(b.text.slice(p.b.start, p.b.end)),
      target_context_after: '',
      source_start_position: '0.00',
      source_end_position: '0.00',
      target_start_position: '0.00',
      target_end_position: '0.00',
    };
  });
}
