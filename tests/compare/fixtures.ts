import type { AlignOp, Family, Passage, Span } from '../../src/reuse/types.ts';

export function passage(a: Span, b: Span, score = 10, ops: AlignOp[] = []): Passage {
  return { a, b, score, expectedByChance: 1e-6, scope: a.doc === b.doc ? 'internal' : 'between', tier: 'close', words: 6, contentMatches: 4, similarity: 0.8, ops };
}

export function family(id: string, members: Span[], dates: Record<string, string | null> = {}): Family {
  const docs = [...new Set(members.map((m) => m.doc))];
  const dated = docs.filter((d) => dates[d]).sort((x, y) => dates[x]!.localeCompare(dates[y]!));
  return {
    id,
    label: id,
    core: id,
    kind: 'framing',
    boilerplate: false,
    contains: [],
    partOf: [],
    members,
    variants: [],
    spread: { first: dated[0] ? { doc: dated[0], date: dates[dated[0]]! } : null, outlets: [], years: [] },
    documents: docs.length,
    passages: [],
  };
}
