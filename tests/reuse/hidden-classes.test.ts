import { describe, expect, it } from 'vitest';
import { detectReuse } from '../../src/reuse/index.ts';
import { keepHiddenClasses } from '../../src/reuse/hidden-classes.ts';

const DOCS = [
  { id: 'a', text: 'The council agreed to build a community with a shared future in cyberspace for all nations.' },
  { id: 'b', text: 'Officials said building a community with a shared future in cyberspace remains the goal.' },
];

describe('keepHiddenClasses', () => {
  it('makes one empty instance of each per-call class (a constructor that changed its signature fails here), once', () => {
    expect(() => keepHiddenClasses()).not.toThrow();
    expect(() => keepHiddenClasses()).not.toThrow();
  });

  it('is a tuning, not part of the method: results are the same on every call after it', () => {
    keepHiddenClasses();
    const first = detectReuse(DOCS);
    expect(first.passages.length).toBeGreaterThan(0);
    expect(detectReuse(DOCS)).toEqual(first);
  });
});
