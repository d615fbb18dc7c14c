import { describe, expect, it } from 'vitest';
import { OUTLET_NOT_NAMED } from '../../../src/corpus/outlet-year.ts';
import { OUTLET_COLOURS, outletColours } from '../../../src/ui/common/outlet-color.ts';

describe('outletColours', () => {
  it('gives each outlet a colour by its place in the outlet order, whatever order the documents come in', () => {
    const docs = [{ outlet: 'Times' }, { outlet: 'Herald' }, { outlet: 'Times' }, { outlet: 'Courier' }];
    const colours = outletColours(docs);
    expect(colours.get('Courier')).toBe('var(--outlet-1)');
    expect(colours.get('Herald')).toBe('var(--outlet-2)');
    expect(colours.get('Times')).toBe('var(--outlet-3)');
    expect(outletColours([...docs].reverse())).toEqual(colours);
  });

  it('greys the unnamed outlet without using up a colour, and repeats the colours after the last', () => {
    const named = Array.from({ length: OUTLET_COLOURS + 1 }, (_, i) => ({ outlet: `Outlet ${String.fromCharCode(65 + i)}` }));
    const colours = outletColours([{ outlet: null }, ...named]);
    expect(colours.get(OUTLET_NOT_NAMED)).toBe('var(--muted)');
    expect(colours.get('Outlet A')).toBe('var(--outlet-1)');
    expect(colours.get(`Outlet ${String.fromCharCode(65 + OUTLET_COLOURS)}`)).toBe('var(--outlet-1)');
    expect(new Set(named.slice(0, OUTLET_COLOURS).map((d) => colours.get(d.outlet))).size).toBe(OUTLET_COLOURS);
  });
});
