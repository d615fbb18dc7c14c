/** Hand-made versions of a formula for the alignment, graph, collation and ledger tests. */
import { parseDocDate } from '../../src/corpus/metadata.ts';
import type { CollationDoc } from '../../src/compare/collation.ts';
import type { VersionInput } from '../../src/compare/multi-align.ts';

export interface Made {
  inputs: VersionInput[];
  docs: Map<string, CollationDoc>;
}

/**
 * One document per entry: `[id, outlet, date, before, formula, after]`; the
 * version's span is the formula plus `context` words of what stands around it.
 */
export function versions(rows: [string, string | null, string | null, string, string, string][], withContext = false): Made {
  const docs = new Map<string, CollationDoc>();
  const inputs = rows.map(([id, outlet, date, before, formula, after]) => {
    const text = `${before}${formula}${after}`;
    docs.set(id, { id, title: id, outlet, date: date ? parseDocDate(date) : null, text });
    const start = withContext ? 0 : before.length;
    const end = withContext ? text.length : before.length + formula.length;
    return { doc: id, start, end, text };
  });
  return { inputs, docs };
}

/** Texts of each wording's core cells, '—' where it has none. */
export const grid = (cells: ({ text: string } | null)[]) => cells.map((c) => c?.text ?? '—').join(' ');
