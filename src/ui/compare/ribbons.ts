/**
 * The geometry of the bands that join each shared passage in the left
 * column to its partner in the right (as text-reuse browsers and Juxta's
 * side-by-side view draw them), and of the overview's map of both texts.
 * Pure: the component measures, this computes.
 */

/** A vertical stretch, in the gutter's coordinates (pixels from its top). */
export interface Extent {
  top: number;
  bottom: number;
}

export interface Ribbon {
  /** An SVG path: a band from x = 0 (left column) to x = width (right column). */
  path: string;
  /** One side lies beyond its column's visible part: the band leads to the edge it is past. */
  partial: boolean;
}

/** A side this thin still gets a visible band end. */
const MIN_BAND = 2;
/** How far past the visible part an off-screen side is drawn (so the band visibly leaves the view). */
const OVERSHOOT = 12;

const overlaps = (e: Extent, view: Extent) => e.bottom > view.top && e.top < view.bottom;

function clamp(e: Extent, view: Extent): Extent {
  const lo = view.top - OVERSHOOT;
  const hi = view.bottom + OVERSHOOT;
  const top = Math.min(Math.max(e.top, lo), hi);
  const bottom = Math.min(Math.max(e.bottom, lo), hi);
  return bottom - top < MIN_BAND ? { top: Math.min(top, hi - MIN_BAND), bottom: Math.min(top, hi - MIN_BAND) + MIN_BAND } : { top, bottom };
}

const r = (n: number) => Math.round(n * 10) / 10;

/**
 * The band joining `left` to `right`, or null when neither side is in its
 * column's visible part (`leftView`, `rightView`): a pair is drawn while any
 * of it can be read.
 */
export function ribbon(left: Extent, right: Extent, width: number, leftView: Extent, rightView: Extent): Ribbon | null {
  const leftIn = overlaps(left, leftView);
  const rightIn = overlaps(right, rightView);
  if (!leftIn && !rightIn) return null;
  const l = clamp(left, leftView);
  const rt = clamp(right, rightView);
  const c = width / 2;
  const path =
    `M0 ${r(l.top)}C${r(c)} ${r(l.top)} ${r(width - c)} ${r(rt.top)} ${r(width)} ${r(rt.top)}` +
    `L${r(width)} ${r(rt.bottom)}C${r(width - c)} ${r(rt.bottom)} ${r(c)} ${r(l.bottom)} 0 ${r(l.bottom)}Z`;
  return { path, partial: !(leftIn && rightIn) };
}

/** Where a passage lies in its document, as fractions of the text's length. */
export interface Stretch {
  from: number;
  to: number;
}

/**
 * The overview's band for a shared passage: its stretch on the left text's
 * bar (at y = `top`) joined to its partner's on the right text's bar (at
 * y = `bottom`), across a map `width` wide.
 */
export function overviewBand(left: Stretch, right: Stretch, width: number, top: number, bottom: number): string {
  const x = (f: number) => r(f * width);
  const wide = (s: Stretch) => (s.to - s.from) * width < MIN_BAND ? { from: s.from, to: s.from + MIN_BAND / width } : s;
  const a = wide(left);
  const b = wide(right);
  const m = r((top + bottom) / 2);
  return `M${x(a.from)} ${top}C${x(a.from)} ${m} ${x(b.from)} ${m} ${x(b.from)} ${bottom}L${x(b.to)} ${bottom}C${x(b.to)} ${m} ${x(a.to)} ${m} ${x(a.to)} ${top}Z`;
}

/** An arc joining two stretches of one text (a repeat inside it), bulging away from the other bar by `lift`. */
export function repeatArc(first: Stretch, repeat: Stretch, width: number, y: number, lift: number): string {
  const x1 = r(((first.from + first.to) / 2) * width);
  const x2 = r(((repeat.from + repeat.to) / 2) * width);
  return `M${x1} ${y}C${x1} ${y + lift} ${x2} ${y + lift} ${x2} ${y}`;
}
