/** One edition and ways to spoil it, shared by the format and open tests. */
import { makeEdition } from '../../src/edition/writer.ts';
import type { Edition } from '../../src/edition/format.ts';
import { corpusOf } from './helpers.ts';

export const corpus = corpusOf({
  'a.txt': 'Home | News | Login\n\nThe river council met on Tuesday about the bridge.\n\nShare this article',
  'b.md': '---\ntitle: Bridges\noutlet: The Courier\nauthor: Ann Lee\ndate: ~2021-05\n---\nThe river council met again on Friday about the bridge and its cost.',
});

export const highlight = {
  kind: 'highlight',
  docId: 'a',
  id: 'h1',
  anchor: { quote: 'river council', prefix: 'The ', suffix: ' met', start: 4, end: 17 },
  color: 'yellow',
  label: 'Who decides',
  createdAt: 1,
  rev: 1,
  updatedAt: 1,
} as const;

export function good(): Edition {
  return makeEdition({
    title: 'Bridges',
    introduction: 'Two reports.',
    opening: '#/compare/a/b',
    corpus,
    teacher: { records: [highlight], formulas: { fabc: 'the river council met' } },
    analysis: { engine: 2, json: '{}' },
    madeAt: 5,
  }).edition;
}

/** `good()` through JSON, with a change made by `edit`. */
export function variant(edit: (e: Record<string, unknown>) => void): unknown {
  const e = JSON.parse(JSON.stringify(good())) as Record<string, unknown>;
  edit(e);
  return e;
}
export const docs = (e: Record<string, unknown>) => (e['corpus'] as { documents: Record<string, unknown>[] }).documents;
