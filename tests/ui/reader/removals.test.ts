import { describe, expect, it } from 'vitest';
import { CLEANING_RULES, cleanText } from '../../../src/corpus/clean.ts';
import { LEFT_OUT_RULE } from '../../../src/corpus/clean/left-out.ts';
import type { Edit } from '../../../src/corpus/types.ts';
import { editGroups } from '../../../src/ui/reader/removals.ts';

const edit = (rule: string, reason: string, replacement = ''): Edit => ({ start: 0, end: 1, replacement, rule, reason });

describe('editGroups', () => {
  it("names each kind of removal by its rule, counts them, and keeps repairs apart", () => {
    const groups = editGroups([
      edit('furniture', 'site furniture "Search"'),
      edit('mojibake', 'UTF-8 text decoded as windows-1252: "â€™" repaired to "’"', '’'),
      edit('furniture', 'navigation link "English>>"'),
      edit('duplicate-body', 'second copy of the body'),
      edit('mojibake', 'UTF-8 text decoded as windows-1252: "Ã©" repaired to "é"', 'é'),
    ]);
    expect(groups).toEqual([
      { label: 'site furniture', repair: false, count: 2 },
      { label: 'encoding repaired', repair: true, count: 2 },
      { label: 'duplicated body', repair: false, count: 1 },
    ]);
  });

  it("says what a web page's reader left out, by its reason", () => {
    const groups = editGroups([edit(LEFT_OUT_RULE, 'outside the article: navigation'), edit(LEFT_OUT_RULE, 'outside the article: footer'), edit(LEFT_OUT_RULE, 'outside the article: navigation')]);
    expect(groups.map((g) => `${g.label} ×${g.count}`)).toEqual(['outside the article: navigation ×2', 'outside the article: footer ×1']);
  });

  it("names what the cleaner removes from a page's furniture by the rules' names, not their ids", () => {
    const { edits } = cleanText('Home\nNews\nSport\n\nThe council approved the new budget on Tuesday after a long debate in the chamber.\n\nShare this article\n');
    const groups = editGroups(edits.filter((e) => e.rule !== 'whitespace'));
    expect(groups.length).toBeGreaterThan(0);
    const names = new Set(CLEANING_RULES.map((r) => r.name));
    for (const g of groups) expect(names).toContain(g.label);
  });
});
