/**
 * The substitution ledger: across all aligned passages, which word replaced
 * which, ranked by how often ("protect → safeguard ×3"), each with examples.
 */
import type { Passage } from '../reuse/types.ts';

export interface LedgerExample {
  /** Index into the engine's passages. */
  passage: number;
  /** The two documents of that passage, for a link to their comparison. */
  a: string;
  b: string;
  /** The aligned steps around the substitution, as words. */
  before: string[];
  after: string[];
}

export interface LedgerEntry {
  from: string;
  to: string;
  count: number;
  /** Distinct documents pairs it occurs in. */
  pairs: number;
  examples: LedgerExample[];
}

/** Context words shown on each side of a substitution. */
export const LEDGER_CONTEXT = 4;
export const LEDGER_MAX_EXAMPLES = 20;

const key = (w: string) => w.normalize('NFKC').toLowerCase();

/**
 * Substitutions, oriented older-to-newer isn't knowable without dates, so
 * each pair is counted in one canonical direction: alphabetical by word,
 * e.g. "future ↔ coming" and "coming ↔ future" are one entry.
 */
export function substitutionLedger(passages: readonly Passage[], includeInternal = false): LedgerEntry[] {
  const entries = new Map<string, LedgerEntry & { pairKeys: Set<string> }>();
  passages.forEach((p, index) => {
    if (!includeInternal && p.a.doc === p.b.doc) return;
    p.ops.forEach((op, i) => {
      if (op.op !== 'sub' || !op.a || !op.b) return;
      const a = key(op.a);
      const b = key(op.b);
      if (a === b) return;
      const [from, to] = a < b ? [a, b] : [b, a];
      const id = `${from}\u0000${to}`;
      let entry = entries.get(id);
      if (!entry) {
        entry = { from, to, count: 0, pairs: 0, examples: [], pairKeys: new Set() };
        entries.set(id, entry);
      }
      entry.count++;
      entry.pairKeys.add(`${p.a.doc}\u0000${p.b.doc}`);
      if (entry.examples.length < LEDGER_MAX_EXAMPLES) {
        const words = (lo: number, hi: number) => p.ops.slice(Math.max(0, lo), hi).map((o) => o.a ?? o.b ?? '').filter(Boolean);
        entry.examples.push({ passage: index, a: p.a.doc, b: p.b.doc, before: words(i - LEDGER_CONTEXT, i), after: words(i + 1, i + 1 + LEDGER_CONTEXT) });
      }
    });
  });
  return [...entries.values()]
    .map(({ pairKeys, ...e }) => ({ ...e, pairs: pairKeys.size }))
    .sort((x, y) => y.count - x.count || y.pairs - x.pairs || x.from.localeCompare(y.from) || x.to.localeCompare(y.to));
}
