import { describe, expect, it } from 'vitest';
import { echoesFor } from '../../src/compare/echoes.ts';
import { passage } from './fixtures.ts';

const note = (docId: string, start: number, end: number) => ({ docId, highlightId: `${docId}-${start}`, start, end, quote: 'q', note: 'my note' });

describe('echoesFor', () => {
  const ps = [
    passage({ doc: 'a', start: 10, end: 50 }, { doc: 'b', start: 100, end: 140 }),
    passage({ doc: 'c', start: 0, end: 20 }, { doc: 'a', start: 200, end: 220 }),
  ];
  it('shows a note on the counterpart passage of each aligned document', () => {
    const echoes = echoesFor('b', ps, [note('a', 20, 30)]);
    expect(echoes).toEqual([{ from: note('a', 20, 30), span: { doc: 'b', start: 100, end: 140 } }]);
    expect(echoesFor('c', ps, [note('a', 20, 30)])).toEqual([]);
    expect(echoesFor('c', ps, [note('a', 205, 210)])[0]!.span).toEqual({ doc: 'c', start: 0, end: 20 });
  });
  it('never echoes a note into its own document, nor one outside any passage', () => {
    expect(echoesFor('a', ps, [note('a', 20, 30)])).toEqual([]);
    expect(echoesFor('b', ps, [note('a', 60, 70)])).toEqual([]);
  });
});
