import { describe, expect, it } from 'vitest';
import { boilerplateFacts } from '../../../src/ui/phrases/boilerplate.ts';

const corpus = new Map<string, { outlet: string | null }>([
  ...Array.from({ length: 5 }, (_, i) => [`g${i}`, { outlet: 'Gazette' }] as const),
  ['h0', { outlet: 'Herald' }],
  ['h1', { outlet: 'Herald' }],
  ['n0', { outlet: null }],
  ['n1', { outlet: null }],
]);

describe('boilerplateFacts', () => {
  it("names the outlet holding most of the family's documents, and counts the documents elsewhere without it", () => {
    expect(boilerplateFacts(['g0', 'g1', 'g2', 'g3'], corpus)).toEqual({ outlet: 'Gazette', holding: 4, outletDocs: 5, elsewhereWithout: 4 });
  });

  it('counts documents with no outlet as elsewhere, and a document elsewhere that holds it as not without it', () => {
    expect(boilerplateFacts(['g0', 'g1', 'g2', 'n0', 'g2'], corpus)).toEqual({ outlet: 'Gazette', holding: 3, outletDocs: 5, elsewhereWithout: 3 });
  });

  it('says nothing when none of its documents names an outlet', () => {
    expect(boilerplateFacts(['n0', 'n1'], corpus)).toBeNull();
    expect(boilerplateFacts([], corpus)).toBeNull();
  });
});
