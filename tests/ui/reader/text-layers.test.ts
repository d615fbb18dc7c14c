import { describe, expect, it } from 'vitest';
import { layeredParagraphs } from '../../../src/ui/reader/text-layers.ts';

describe('layeredParagraphs', () => {
  const text = 'One two three.\n\nFour five six.';
  it('splits paragraphs at blank lines, each one segment when nothing is laid over it', () => {
    expect(layeredParagraphs(text, [])).toEqual([
      { start: 0, end: 14, segments: [{ start: 0, end: 14, layers: [] }] },
      { start: 16, end: 30, segments: [{ start: 16, end: 30, layers: [] }] },
    ]);
  });
  it('cuts at overlapping ranges and lists every range covering a segment', () => {
    const hl = { id: 'h', kind: 'highlight' as const, start: 4, end: 13 };
    const hit = { id: 'x', kind: 'hit' as const, start: 8, end: 20 };
    const [p1, p2] = layeredParagraphs(text, [hit, hl]);
    expect(p1!.segments.map((s) => [text.slice(s.start, s.end), s.layers.map((l) => l.id)])).toEqual([
      ['One ', []],
      ['two ', ['h']],
      ['three', ['h', 'x']],
      ['.', ['x']],
    ]);
    // A range crossing the paragraph break continues in the next paragraph.
    expect(p2!.segments.map((s) => [text.slice(s.start, s.end), s.layers.map((l) => l.id)])).toEqual([
      ['Four', ['x']],
      [' five six.', []],
    ]);
  });
  it('ignores empty ranges', () => {
    expect(layeredParagraphs('abc', [{ id: 'e', kind: 'hit', start: 1, end: 1 }])[0]!.segments).toHaveLength(1);
  });
});
