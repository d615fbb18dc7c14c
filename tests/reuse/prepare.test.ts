import { describe, expect, it } from 'vitest';
import { TOK_CONTENT } from '../../src/reuse/prepare.ts';
import { GAP_PARAGRAPH, GAP_SENTENCE } from '../../src/text/scan.ts';
import { tokenize } from '../../src/text/tokenize.ts';
import { prepared, randomTexts } from './fixtures.ts';

describe('prepareDocs', () => {
  const texts = [
    'The Council’s plan: protect the environment.\n\nFor future generations, they said!',
    '网络空间命运共同体 and café owners',
    '',
    ...randomTexts(4, 3, 30, 50),
  ];
  const { docs, vocab } = prepared(texts);

  it('gives each document the tokens of tokenize, as views of corpus-wide columns', () => {
    let offset = 0;
    let contentOffset = 0;
    docs.forEach((d, i) => {
      const tokens = tokenize(texts[i]!);
      expect(d.index).toBe(i);
      expect(d.offset).toBe(offset);
      expect(d.contentOffset).toBe(contentOffset);
      expect(d.count).toBe(tokens.length);
      tokens.forEach((t, k) => {
        expect(d.start[k]).toBe(t.start);
        expect(d.surface[d.type[k]!]).toBe(t.text);
        expect(vocab.stems[d.corpus.typeStem[d.corpus.type[d.offset + k]!]!]).toBe(t.stem);
        const flags = d.corpus.flags[d.offset + k]!;
        expect((flags & TOK_CONTENT) !== 0).toBe(t.isContent);
        expect((flags & GAP_PARAGRAPH) !== 0).toBe(t.paragraphStart);
        expect((flags & GAP_SENTENCE) !== 0).toBe(t.sentenceStart);
        expect(d.flags[k]).toBe(flags);
      });
      expect(Array.from(d.contentTok)).toEqual(tokens.flatMap((t, k) => (t.isContent ? [k] : [])));
      expect(d.corpus.contentTok.subarray(d.contentOffset, d.contentOffset + d.contentTok.length)).toEqual(d.contentTok);
      offset += d.count;
      contentOffset += d.contentTok.length;
    });
    expect(docs[0]!.corpus.flags.length).toBe(offset);
  });

  it('sizes its columns for a first text longer than the sample', () => {
    const long = 'alpha beta gamma delta '.repeat(5000);
    const { docs: two } = prepared([long, 'short text here']);
    expect(two[0]!.count).toBe(20000);
    expect(two[1]!.count).toBe(3);
    expect(two[1]!.offset).toBe(20000);
  });

  it("marks function words by each document's language: \"die\" and \"war\" are content in English, not in German", () => {
    const { docs: d } = prepared([
      'The war will not end until the die is cast, and the people of the city know it.',
      'Der Krieg war lang, und die Menschen der Stadt wissen es nicht, aber sie hoffen auf den Frieden.',
      'La guerre de la ville est finie et les habitants de la région attendent la paix dans le calme.',
    ]);
    const content = (doc: (typeof d)[number], word: string) => {
      const k = Array.from(doc.type).findIndex((ty) => doc.surface[ty]!.toLowerCase() === word);
      expect(k, word).toBeGreaterThanOrEqual(0);
      return (doc.flags[k]! & TOK_CONTENT) !== 0;
    };
    expect([content(d[0]!, 'war'), content(d[0]!, 'die'), content(d[0]!, 'the')]).toEqual([true, true, false]);
    expect([content(d[1]!, 'war'), content(d[1]!, 'die'), content(d[1]!, 'krieg')]).toEqual([false, false, true]);
    expect([content(d[2]!, 'la'), content(d[2]!, 'de'), content(d[2]!, 'guerre')]).toEqual([false, false, true]);
  });
});
