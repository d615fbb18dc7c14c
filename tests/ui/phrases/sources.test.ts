import { describe, expect, it } from 'vitest';
import { parseDocDate } from '../../../src/corpus/metadata.ts';
import { shortOutlet, shortSources, sourcesLabel, sourcesOf, yearSpan } from '../../../src/ui/phrases/sources.ts';

const d = (outlet: string | null, date: string | null) => ({ outlet, date: date ? parseDocDate(date) : null });

describe('sourcesOf', () => {
  it('groups versions by outlet and year, earliest first, undated and unnamed last', () => {
    const docs = [d('China Daily', '2022-11'), d("People's Daily", '2019-10'), d("People's Daily", '2019-10-25'), d(null, null), d('YCPress', '2020')];
    expect(sourcesOf(docs)).toEqual([
      { outlet: "People's Daily", year: '2019', versions: 2 },
      { outlet: 'YCPress', year: '2020', versions: 1 },
      { outlet: 'China Daily', year: '2022', versions: 1 },
      { outlet: 'Outlet not named', year: 'undated', versions: 1 },
    ]);
  });
});

describe('sourcesLabel', () => {
  it('names the first few and counts the rest', () => {
    const docs = [d('A', '2019'), d('A', '2019'), d('B', '2020'), d('C', '2021'), d('D', null)];
    expect(sourcesLabel(docs)).toBe('A 2019 ×2, B 2020, C 2021 and 1 more');
    expect(sourcesLabel(docs.slice(0, 1))).toBe('A 2019');
  });
});

describe('yearSpan', () => {
  it('gives the first and last year, one year once, or undated', () => {
    expect(yearSpan([d('A', '2022'), d('B', '2019-10'), d('C', null)])).toBe('2019–2022');
    expect(yearSpan([d('A', '2020')])).toBe('2020');
    expect(yearSpan([d('A', null)])).toBe('undated');
  });
});

describe('shortSources', () => {
  it('names one outlet without its note, or counts outlets over a span of years', () => {
    expect(shortSources([d('China Daily (print edition)', '2019'), d('China Daily (print edition)', '2022')])).toBe('China Daily 2019, 2022');
    expect(shortSources([d('YCPress', '2020')])).toBe('YCPress 2020');
    expect(shortSources([d('A', '2019'), d('B', '2022'), d('B', null)])).toBe('2 outlets, 2019–2022');
    expect(shortOutlet('(odd)')).toBe('(odd)');
  });

  it('says nothing of texts with no outlet named and no date, only their years when they have some', () => {
    expect(shortSources([d(null, null), d(null, null)])).toBe('');
    expect(shortSources([d(null, '2019'), d(null, '2021')])).toBe('2019–2021');
    expect(shortSources([d(null, null), d('A', null)])).toBe('2 outlets, undated');
    expect(sourcesLabel([d(null, null), d(null, null)])).toBe('');
    expect(sourcesLabel([d(null, '2019')])).toBe('Outlet not named 2019');
  });
});
