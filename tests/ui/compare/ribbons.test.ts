import { describe, expect, it } from 'vitest';
import { overviewBand, repeatArc, ribbon } from '../../../src/ui/compare/ribbons.ts';

const view = { top: 0, bottom: 500 };

/** The y values of the band's four corners: left top, right top, right bottom, left bottom. */
function corners(path: string): [number, number, number, number] {
  const nums = path.match(/-?\d+(\.\d+)?/g)!.map(Number);
  // M x y C ... x y L x y C ... x y Z: the corners are the 2nd, 8th, 10th and 16th numbers.
  return [nums[1]!, nums[7]!, nums[9]!, nums[15]!];
}

describe('ribbon', () => {
  it('joins the two extents across the gutter when both are in view', () => {
    const band = ribbon({ top: 100, bottom: 140 }, { top: 300, bottom: 320 }, 60, view, view)!;
    expect(band.partial).toBe(false);
    expect(corners(band.path)).toEqual([100, 300, 320, 140]);
    expect(band.path.startsWith('M0 100')).toBe(true);
    expect(band.path).toContain('L60 320');
  });

  it('leads an off-screen side to the edge it is past, and says so', () => {
    const band = ribbon({ top: 100, bottom: 140 }, { top: 900, bottom: 950 }, 60, view, view)!;
    expect(band.partial).toBe(true);
    const [, rightTop, rightBottom] = corners(band.path);
    expect(rightTop).toBeGreaterThan(500);
    expect(rightBottom).toBeLessThanOrEqual(512);
    expect(rightBottom - rightTop).toBeGreaterThanOrEqual(2);
  });

  it('draws nothing when neither side is in view', () => {
    expect(ribbon({ top: -200, bottom: -100 }, { top: 600, bottom: 700 }, 60, view, view)).toBeNull();
    expect(ribbon({ top: 600, bottom: 700 }, { top: 800, bottom: 900 }, 60, view, view)).toBeNull();
  });

  it('uses each column’s own visible part', () => {
    expect(ribbon({ top: 10, bottom: 20 }, { top: 10, bottom: 20 }, 60, { top: 50, bottom: 500 }, { top: 50, bottom: 500 })).toBeNull();
    expect(ribbon({ top: 10, bottom: 20 }, { top: 60, bottom: 80 }, 60, { top: 50, bottom: 500 }, { top: 50, bottom: 500 })?.partial).toBe(true);
  });

  it('gives a very thin side a visible end', () => {
    const band = ribbon({ top: 100, bottom: 100 }, { top: 200, bottom: 220 }, 60, view, view)!;
    const [leftTop, , , leftBottom] = corners(band.path);
    expect(leftBottom - leftTop).toBe(2);
  });
});

describe('overviewBand', () => {
  it('runs from the left text’s stretch on the top bar to the right text’s on the bottom bar', () => {
    const path = overviewBand({ from: 0.1, to: 0.2 }, { from: 0.5, to: 0.6 }, 1000, 10, 50);
    expect(path.startsWith('M100 10')).toBe(true);
    expect(path).toContain('500 50L600 50');
    expect(path).toContain('200 10Z');
  });
});

describe('repeatArc', () => {
  it('joins the middles of two stretches of one text', () => {
    expect(repeatArc({ from: 0, to: 0.2 }, { from: 0.6, to: 0.8 }, 100, 10, -8)).toBe('M10 10C10 2 70 2 70 10');
  });
});
