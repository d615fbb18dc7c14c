import { describe, expect, it } from 'vitest';
import { clip, pageTitle, type TitleNames } from '../../../src/ui/shell/title.ts';

const names: TitleNames = {
  corpus: 'World Internet Conference, 2019–2022',
  doc: (id) => ({ a: 'Jointly promoting global cyberspace governance conforms to the trend of the times', b: 'China to step up cyberspace cooperation' })[id],
  family: (id) => (id === 'f1' ? 'a community with a shared future in cyberspace' : undefined),
};

describe('pageTitle', () => {
  it('names the view and its subject', () => {
    expect(pageTitle({ name: 'home' }, names)).toBe('World Internet Conference, 2019–2022 — Refrain');
    expect(pageTitle({ name: 'library' }, names)).toBe('Library: World Internet Conference, 2019–2022 — Refrain');
    expect(pageTitle({ name: 'doc', id: 'b', mode: 'text' }, names)).toBe('Reader: China to step up cyberspace cooperation — Refrain');
    expect(pageTitle({ name: 'doc', id: 'b', mode: 'original' }, names)).toBe('Original: China to step up cyberspace cooperation — Refrain');
    expect(pageTitle({ name: 'search', q: 'digital divide' }, names)).toBe('Search: “digital divide” — Refrain');
    expect(pageTitle({ name: 'kwic', q: 'cyberspace', sort: 'doc' }, names)).toBe('Concordance: “cyberspace” — Refrain');
    expect(pageTitle({ name: 'trends', terms: ['cyberspace', 'digital divide'] }, names)).toBe('Trends: cyberspace, digital divide — Refrain');
    expect(pageTitle({ name: 'family', id: 'f1' }, names)).toBe('Formula: “a community with a shared future in cyberspace” — Refrain');
    expect(pageTitle({ name: 'notes' }, names)).toBe('Your notes — Refrain');
  });

  it('names both sides of a comparison, each cut to fit', () => {
    const title = pageTitle({ name: 'compare', a: 'a', b: 'b', sync: true, case: true, punct: true, repeats: false }, names);
    expect(title).toBe('Compare: Jointly promoting global… ↔ China to step up cyberspace… — Refrain');
  });

  it('falls back to ids and plain view names when the subject is unknown or empty', () => {
    expect(pageTitle({ name: 'doc', id: 'gone', mode: 'text' }, names)).toBe('Reader: gone — Refrain');
    expect(pageTitle({ name: 'family', id: 'f9' }, names)).toBe('Formula — Refrain');
    expect(pageTitle({ name: 'search', q: '  ' }, names)).toBe('Search — Refrain');
  });
});

describe('pageTitle in a teacher\'s edition', () => {
  const inEdition: TitleNames = { ...names, edition: 'Week 3: who reports on rivers' };

  it("follows the view's title with the edition's", () => {
    expect(pageTitle({ name: 'family', id: 'f1' }, inEdition)).toBe('Formula: “a community with a shared future in cyberspace” — Week 3: who reports on rivers — Refrain');
    expect(pageTitle({ name: 'notes' }, inEdition)).toBe('Your notes — Week 3: who reports on rivers — Refrain');
  });

  it('does not name the edition twice when the view already does (the library of its corpus)', () => {
    expect(pageTitle({ name: 'library' }, { ...inEdition, corpus: 'Week 3: who reports on rivers' })).toBe('Library: Week 3: who reports on rivers — Refrain');
  });

  it("is the edition's title alone on a view without a subject, and cuts a long one", () => {
    expect(pageTitle({ name: 'unknown' } as never, inEdition)).toBe('Week 3: who reports on rivers — Refrain');
    expect(pageTitle({ name: 'notes' }, { ...names, edition: `Week 3: ${'rivers and reports '.repeat(6)}` })).toBe('Your notes — Week 3: rivers and reports rivers and reports rivers and… — Refrain');
    expect(pageTitle({ name: 'notes' }, { ...names, edition: '  ' })).toBe('Your notes — Refrain');
  });
});

describe('clip', () => {
  it('keeps short text, and cuts long text at a word with an ellipsis', () => {
    expect(clip('short')).toBe('short');
    expect(clip('one two three four five', 12)).toBe('one two…');
    expect(clip('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(clip('  spaced\n out  ')).toBe('spaced out');
  });
});
