/**
 * Rule `title`: the headline at the head of the page. A line repeated at
 * the head (also with a breadcrumb before it or " - Outlet" after it), or
 * close to the known title, is removed: the title is metadata, not body.
 */
import type { Line } from './lines.ts';
import { normKey, stripClosers } from './text-shape.ts';

/** The head window: at most this many non-blank lines… */
const HEAD_WINDOW_LINES = 12;
/** …up to the first prose line that could not be a headline (longer than this, or ending with a full stop). */
const HEADLINE_MAX_WORDS = 25;
/** A repeated line is a headline from this many words ("Home" repeated is not). */
const REPEATED_HEADLINE_MIN_WORDS = 3;
/** A headline with a breadcrumb or outlet added is at most this much longer than the headline. */
const DECORATED_HEADLINE_MAX_RATIO = 1.6;
/** The title hint is used from this many words… */
const HINT_MIN_WORDS = 2;
/** …and a line containing it (or contained in it) matches when the shorter is this share of the longer. */
const HINT_MIN_OVERLAP = 0.6;

/** Marks headline lines at the head of the page as removed (rule `title`). */
export function detectTitles(lines: Line[], hintTitle: string | null | undefined): void {
  const headlineShaped = (l: Line): boolean => l.words <= HEADLINE_MAX_WORDS && !/[.。]$/u.test(stripClosers(l.t));
  const window: Line[] = [];
  for (const l of lines) {
    if (l.blank) continue;
    if (window.length >= HEAD_WINDOW_LINES || (l.prose && !headlineShaped(l))) break;
    window.push(l);
  }
  const keys = window.map((l) => normKey(l.t));
  const counts = new Map<string, number>();
  window.forEach((l, idx) => {
    const k = keys[idx] ?? '';
    if (k && headlineShaped(l)) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const repeated = [...counts.entries()].filter(([k, c]) => c >= 2 && k.split(' ').length >= REPEATED_HEADLINE_MIN_WORDS).map(([k]) => k);
  const hint = hintTitle ? normKey(hintTitle) : '';
  window.forEach((l, idx) => {
    if (l.removed || l.forceKeep) return;
    const k = keys[idx] ?? '';
    if (!k) return;
    for (const r of repeated) {
      // Equal, or the title with a breadcrumb before it / an outlet after it.
      if (k === r || ((k.endsWith(` ${r}`) || k.startsWith(`${r} `)) && k.length <= r.length * DECORATED_HEADLINE_MAX_RATIO)) {
        const n = keys.filter((x) => x === r || x.endsWith(` ${r}`) || x.startsWith(`${r} `)).length;
        l.removed = { rule: 'title', reason: `headline repeated ${n} times at the head of the page (the title is metadata)` };
        return;
      }
    }
    if (hint && hint.split(' ').length >= HINT_MIN_WORDS) {
      const near =
        k === hint ||
        ((k.includes(hint) || hint.includes(k)) && Math.min(k.length, hint.length) >= Math.max(k.length, hint.length) * HINT_MIN_OVERLAP);
      if (near) l.removed = { rule: 'title', reason: 'the headline (equal to the document title, which is metadata)' };
    }
  });
}
