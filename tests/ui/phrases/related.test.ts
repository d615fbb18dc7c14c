import { describe, expect, it } from 'vitest';
import { relatedGroups } from '../../../src/ui/phrases/related.ts';

const families = [
  { id: 'slogan', label: 'building a community with a shared future in cyberspace', kind: 'framing' as const },
  { id: 'name', label: 'Chinese President Xi Jinping', kind: 'names' as const },
  { id: 'frame', label: 'President Xi Jinping proposed the vision of building a community', kind: 'framing' as const },
];

describe('relatedGroups', () => {
  it('lists contained formulas and contained names apart', () => {
    expect(relatedGroups({ contains: ['slogan', 'name'], partOf: [] }, families)).toEqual([
      { title: 'Contains the formula', families: [{ id: 'slogan', label: 'building a community with a shared future in cyberspace' }] },
      { title: 'Names in it', families: [{ id: 'name', label: 'Chinese President Xi Jinping' }] },
    ]);
  });

  it('lists every family it is part of, names or not, and leaves out empty groups', () => {
    expect(relatedGroups({ contains: [], partOf: ['frame', 'name'] }, families)).toEqual([
      { title: 'Part of a longer formula', families: [{ id: 'frame', label: families[2]!.label }, { id: 'name', label: 'Chinese President Xi Jinping' }] },
    ]);
    expect(relatedGroups({ contains: [], partOf: [] }, families)).toEqual([]);
  });

  it('names a family it cannot find by its id, as a formula', () => {
    expect(relatedGroups({ contains: ['gone'], partOf: [] }, families)).toEqual([{ title: 'Contains the formula', families: [{ id: 'gone', label: 'gone' }] }]);
  });
});
