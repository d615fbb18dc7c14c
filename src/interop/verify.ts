/**
 * Every record's offsets checked against the text it quotes and mapped to
 * UTF-16. passim 2 counts code points, passim 1 counted UTF-16 units (the
 * two differ only in texts with astral characters), TextPAIR counts UTF-8
 * bytes. A record that does not fit is reported and skipped; when many do
 * not, the file is refused (OffsetMismatch) with what the mismatch looks
 * like, since then it is the file, not a record, that is wrong.
 */
import type { DocMeta } from '../corpus/types.ts';
import { fnv1a } from '../text/vocabulary.ts';
import type { TextOffsets } from './offsets.ts';
import type { RecordKind } from './records.ts';
import { HAS_TEXT, alignedText, wordsOf, type Scan } from './scan.ts';

export type Tool = 'passim' | 'textpair';

/** A kept document, by its position in the import (documents sorted by id). */
export interface Doc {
  scanIndex: number;
  meta: DocMeta;
  text: string;
  offsets: TextOffsets;
}

/** A record's span in UTF-16, by position in the import's documents (not yet ids). */
export interface LocalSpan {
  doc: number;
  start: number;
  end: number;
}

/** How the offsets that needed telling apart were counted (passim 2 or passim 1). */
export interface UnitCounts {
  codePoints: number;
  utf16: number;
}

/** What verifying counts: records checked against the text they quote, and those without a text to check. */
export interface VerifyReport {
  checked: number;
  unchecked: number;
}

/** Where the records and documents stand: `at[scanIndex]` is a document's position in `docs`, -1 when left out. */
export interface VerifyContext {
  scan: Scan;
  docs: Doc[];
  at: Int32Array;
  report: VerifyReport;
  unit: UnitCounts;
  problem: (file: number, line: number, message: string) => void;
}

/** Raised when the records' offsets do not fit the texts; the message says what was found. */
export class OffsetMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OffsetMismatch';
  }
}

/** More than this share of checked records off the text: the file, not a record, is wrong. */
const REFUSE_SHARE = 0.2;

/**
 * Every record of `kind` with both documents kept, checked and mapped.
 * Clusters: one entry per record ([] when left out or off the text); pairs:
 * one per kept record that fits.
 */
export function verifyAll(ctx: VerifyContext, kind: RecordKind): LocalSpan[][] {
  const tally = { checked: 0, bad: 0 };
  const out = kind === 'cluster' ? verifyClusters(ctx, tally) : verifyPairs(ctx, kind, tally);
  ctx.report.checked += tally.checked;
  if (tally.bad > 0 && tally.bad >= REFUSE_SHARE * Math.max(1, tally.checked)) throw new OffsetMismatch(diagnose(ctx, kind, tally.bad, tally.checked));
  return out;
}

function verifyClusters(ctx: VerifyContext, tally: { checked: number; bad: number }): LocalSpan[][] {
  const { scan, docs, at, report, unit } = ctx;
  const t = scan.clusters;
  const [file, line, doc, begin, end, hash, len, has] = (['file', 'line', 'doc', 'begin', 'end', 'hash', 'textLength', 'hasText'] as const).map((c) => t.col(c));
  const out: LocalSpan[][] = [];
  for (let r = 0; r < t.length; r++) {
    const d = at[doc![r]!]!;
    if (d < 0) {
      out.push([]);
      continue;
    }
    const withText = has![r] === HAS_TEXT;
    const span = locate(docs[d]!, begin![r]!, end![r]!, 'passim', withText ? (s) => s.length === len![r] && (fnv1a(s) | 0) === hash![r] : null, unit);
    if (withText) tally.checked++;
    else report.unchecked++;
    if (!span) {
      tally.bad++;
      ctx.problem(file![r]!, line![r]!, `the passage at ${begin![r]}–${end![r]} does not match the text of ${JSON.stringify(docs[d]!.meta.id)}`);
      out.push([]);
      continue;
    }
    out.push([{ doc: d, ...span }]);
  }
  return out;
}

function verifyPairs(ctx: VerifyContext, kind: 'pair' | 'textpair', tally: { checked: number; bad: number }): LocalSpan[][] {
  const { scan, docs, at, report, unit } = ctx;
  const t = kind === 'pair' ? scan.pairs : scan.textpair;
  const [file, line, docA, docB, beginA, endA, beginB, endB, hashA, hashB, has] = (['file', 'line', 'docA', 'docB', 'beginA', 'endA', 'beginB', 'endB', 'hashA', 'hashB', 'hasText'] as const).map((c) => t.col(c));
  const norm = kind === 'pair' ? alignedText : wordsOf;
  const tool = kind === 'pair' ? 'passim' : 'textpair';
  const out: LocalSpan[][] = [];
  for (let r = 0; r < t.length; r++) {
    const a = at[docA![r]!]!;
    const b = at[docB![r]!]!;
    if (a < 0 || b < 0) continue;
    const withText = has![r] === HAS_TEXT;
    const check = (h: number) => (withText ? (s: string) => (fnv1a(norm(s)) | 0) === h : null);
    const sa = locate(docs[a]!, beginA![r]!, endA![r]!, tool, check(hashA![r]!), unit);
    const sb = locate(docs[b]!, beginB![r]!, endB![r]!, tool, check(hashB![r]!), unit);
    if (withText) tally.checked++;
    else report.unchecked++;
    if (!sa || !sb) {
      tally.bad++;
      const [which, d, x, y] = !sa ? ['first', a, beginA![r]!, endA![r]!] : ['second', b, beginB![r]!, endB![r]!];
      ctx.problem(file![r]!, line![r]!, `the ${which} passage, at ${x}–${y}, does not match the text of ${JSON.stringify(docs[d as number]!.meta.id)}`);
      continue;
    }
    out.push([{ doc: a, ...sa }, { doc: b, ...sb }]);
  }
  return out;
}

/**
 * UTF-16 offsets of a record's passage, or null when the text there is not
 * the passage the record quotes (`fits`; null: no text to check against).
 */
export function locate(doc: Pick<Doc, 'offsets' | 'text'>, begin: number, end: number, tool: Tool, fits: ((s: string) => boolean) | null, unit: UnitCounts): { start: number; end: number } | null {
  const { offsets, text } = doc;
  if (tool === 'textpair') {
    const start = offsets.fromUtf8(begin, 'down');
    const stop = offsets.fromUtf8(end, 'up');
    if (start < 0 || stop < 0 || stop <= start) return null;
    return !fits || fits(text.slice(start, stop)) ? { start, end: stop } : null;
  }
  const start = offsets.fromCodePoint(begin);
  const stop = offsets.fromCodePoint(end);
  if (start >= 0 && stop > start && (!fits || fits(text.slice(start, stop)))) {
    if (offsets.hasAstral && fits) unit.codePoints++;
    return { start, end: stop };
  }
  if (fits && offsets.hasAstral && end <= text.length && fits(text.slice(begin, end))) {
    unit.utf16++;
    return { start: begin, end };
  }
  return null;
}

/** Why the offsets do not fit, from the records kept whole. */
function diagnose({ scan, docs, at }: VerifyContext, kind: RecordKind, bad: number, checked: number): string {
  const what = kind === 'textpair' ? 'TextPAIR alignments' : kind === 'pair' ? 'passim pairwise alignments' : 'passim cluster records';
  const head = `${bad.toLocaleString('en')} of ${checked.toLocaleString('en')} ${what} do not match the texts at their offsets`;
  let elsewhere = 0;
  let shorter = 0;
  let tried = 0;
  for (const s of scan.samples) {
    if (s.kind !== kind || at[s.doc]! < 0) continue;
    const text = docs[at[s.doc]!]!.text;
    const probe = kind === 'pair' ? alignedText(s.text).slice(0, 40) : kind === 'textpair' ? '' : s.text.slice(0, 40);
    tried++;
    if (probe && text.indexOf(probe) >= 0 && text.indexOf(probe) !== s.begin) elsewhere++;
    if (s.end - s.begin < (kind === 'pair' ? alignedText(s.text).length : s.text.length) / 2) shorter++;
  }
  if (kind !== 'textpair' && tried > 0 && elsewhere >= tried / 2 && shorter >= tried / 2) {
    return `${head}: the passages stand in the texts, but elsewhere, and their offsets span far fewer positions than they have characters. These offsets count words (tokens), as passim did before May 2017; Refrain reads only character offsets. Run a current passim (2.x) on the same input.`;
  }
  if (kind === 'textpair') {
    return `${head}. TextPAIR's byte offsets index the files it read: give Refrain exactly those files (plain UTF-8 text, not cleaned or re-encoded), or a JSON Lines file whose "text" is each file's content.`;
  }
  return `${head}. These are not the texts passim read: import the same JSON Lines file that was passim's input (its "text" fields unchanged).`;
}
