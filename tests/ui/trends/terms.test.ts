import { describe, expect, it } from 'vitest';
import { addTerms } from '../../../src/ui/trends/terms.ts';

describe('addTerms', () => {
  it('splits what was typed on commas, as the link does, each term once', () => {
    expect(addTerms([], 'Energiewende, 命运共同体')).toEqual(['Energiewende', '命运共同体']);
    expect(addTerms(['cyberspace'], ' digital   divide ,cyberspace,, ')).toEqual(['cyberspace', 'digital divide']);
    expect(addTerms([], '命运共同体，网络空间、主权')).toEqual(['命运共同体', '网络空间、主权']);
    expect(addTerms([], 'الطاقة، المناخ')).toEqual(['الطاقة', 'المناخ']);
  });

  it('adds nothing for blanks and terms already there', () => {
    expect(addTerms(['a'], ' , a ,')).toEqual(['a']);
    expect(addTerms([], '')).toEqual([]);
  });
});
