import { describe, expect, it } from 'vitest';
import { rankFormulas } from '../../../src/ui/phrases/ranking.ts';
import { family } from '../../compare/fixtures.ts';

const f = (id: string, docs: string[], extra: Partial<ReturnType<typeof family>> = {}) => {
  const { passages: _, ...rest } = { ...family(id, docs.map((doc) => ({ doc, start: 0, end: 5 }))), ...extra };
  return { ...rest, spread: { ...rest.spread, outlets: docs } };
};

describe('rankFormulas', () => {
  const slogan = f('slogan', ['a', 'b']);
  const dateline = f('dateline', ['a', 'b', 'c'], { kind: 'names' });
  const footer = f('footer', ['a', 'b', 'c', 'd'], { boilerplate: true });
  it('leaves boilerplate out by default and counts it', () => {
    const r = rankFormulas([footer, slogan, dateline], 'spread', false);
    expect(r.shown.map((x) => x.id)).toEqual(['slogan', 'dateline']);
    expect(r.boilerplate).toBe(1);
  });
  it('puts boilerplate last when asked for, and names after framing when sorting by spread', () => {
    expect(rankFormulas([footer, slogan, dateline], 'spread', true).shown.map((x) => x.id)).toEqual(['slogan', 'dateline', 'footer']);
    // By size the chosen order stands (boilerplate still last).
    expect(rankFormulas([footer, slogan, dateline], 'size', true).shown.map((x) => x.id)).toEqual(['dateline', 'slogan', 'footer']);
  });
});
