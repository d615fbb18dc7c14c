/** A small corpus with one slogan in three versions, astral characters before it, and records pointing at it. */
import { codePoints, type FixtureDoc } from './helpers.ts';

export const SLOGAN_DOCS: FixtureDoc[] = [
  { id: 'a', series: 'Daily A', date: '2019-10-20', text: 'Leaders 🌍 agreed at the summit to build a community with a shared future in cyberspace for all nations.\n\nThe meeting ended on Sunday.' },
  { id: 'b', series: 'Post B', date: '2020-11', text: 'Officials 𠀀𠀁 said that building a community with a shared future in cyberspace remains the central goal.' },
  { id: 'c', series: 'Daily A', date: '2021', text: 'The 😀 report again called for a community of shared future in the cyberspace among the members.' },
  { id: 'd', series: 'Herald C', date: null, text: 'A quite different story about river bridges, budgets and the spring timetable of the works.' },
];

export const PHRASES: Record<string, string> = {
  a: 'a community with a shared future in cyberspace',
  b: 'a community with a shared future in cyberspace',
  c: 'a community of shared future in the cyberspace',
};

/** UTF-16 span of the slogan in document `id`. */
export function sloganSpan(id: string): { start: number; end: number } {
  const doc = SLOGAN_DOCS.find((d) => d.id === id)!;
  const start = doc.text.indexOf(PHRASES[id]!);
  return { start, end: start + PHRASES[id]!.length };
}

/** A passim 2 cluster record for the slogan in `id`. */
export function clusterRecord(id: string, cluster: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const doc = SLOGAN_DOCS.find((d) => d.id === id)!;
  const { start, end } = sloganSpan(id);
  return { cluster, size: 3, begin: codePoints(doc.text, start), end: codePoints(doc.text, end), uid: id.charCodeAt(0) * 1000, id, series: doc.series, date: doc.date, text: doc.text.slice(start, end), ...extra };
}

export const documentsJsonl = () => SLOGAN_DOCS.map((d) => JSON.stringify({ id: d.id, series: d.series, date: d.date, title: `Story ${d.id}`, text: d.text })).join('\n') + '\n';
