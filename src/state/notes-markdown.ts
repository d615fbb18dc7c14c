/**
 * A reader's notes as Markdown, fit to hand in: each highlight under its
 * document (title, outlet, date, author), with the quote, the highlight's
 * label and the note; each formula by its label, the wording a reader can
 * quote (never an internal id, which means nothing on paper); each comparison
 * by its two documents; and under each, a link to the view in Refrain.
 *
 * Everything that comes from the texts or the student is escaped
 * (markdownText): a Markdown viewer renders raw HTML.
 */
import { formatDocDate } from '../corpus/metadata.ts';
import type { DocMeta } from '../corpus/types.ts';
import { compareView, formatHash } from './url.ts';
import type { HighlightRecord, NoteRecord, StateRecord } from './records.ts';

export interface MarkdownContext {
  corpusName: string;
  doc(docId: string): Pick<DocMeta, 'title' | 'outlet' | 'date' | 'author'> | undefined;
  /** The formula's label, or undefined when the corpus's analysis has it no longer. */
  formula(familyId: string): string | undefined;
  /** The name of a highlight colour ("yellow" → "Important"). */
  colour(id: string): string;
  /** An address for a `#/…` view. */
  link(hash: string): string;
  /** A sentence on where the links work (a file opened from disk), or null. */
  linkNote: string | null;
  /** When the export is made, for its heading. */
  now: Date;
}

/**
 * Text shown as itself in Markdown: every character Markdown could read as
 * syntax is backslash-escaped, including `<` (a Markdown viewer renders raw
 * HTML, and quotes and titles come from the texts users bring), and lines
 * keep their breaks. Notes are escaped too: what a student typed is what the
 * exported file shows.
 */
export function markdownText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .trimStart() // four spaces would start a code block
        .replace(/[\\`*_[\]<>#|~&]/g, '\\$&')
        // What only counts at the start of a line: a list item ("- ", "+ ", "1. ", "1) ") or a setext underline ("===").
        .replace(/^[-+=]/, '\\$&')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('  \n');
}

/** One line of Markdown (a heading, an emphasis): escaped, line breaks become spaces. */
const markdownLine = (s: string): string => markdownText(s.replace(/\s*[\r\n]+\s*/g, ' '));

const quoteBlock = (s: string): string =>
  markdownText(s)
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');

/** A link line; the address is written in angle brackets so spaces or parentheses in a file path cannot end it. */
const linkLine = (text: string, href: string): string => `[${text}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`;

function documentName(ctx: MarkdownContext, docId: string): string {
  const meta = ctx.doc(docId);
  if (!meta) return 'A document no longer in this corpus';
  return [meta.title ?? 'No headline', meta.outlet ?? 'outlet not named', formatDocDate(meta.date), meta.author ? `by ${meta.author}` : 'author not named'].join(' — ');
}

export function notesAsMarkdown(records: readonly StateRecord[], ctx: MarkdownContext): string {
  const live = records.filter((r) => !r.deleted);
  const notes = live.filter((r): r is NoteRecord => r.kind === 'note' && r.text.trim() !== '');
  const notesOn = (h: HighlightRecord) => notes.filter((n) => n.target.type === 'highlight' && n.target.docId === h.docId && n.target.highlightId === h.id);
  const date = ctx.now.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const out: string[] = [`# Notes on “${markdownLine(ctx.corpusName)}”`, '', `Written in Refrain; exported ${date}.${ctx.linkNote ? ` ${markdownLine(ctx.linkNote)}` : ''}`, ''];

  const highlights = live
    .filter((r): r is HighlightRecord => r.kind === 'highlight')
    .sort((x, y) => x.docId.localeCompare(y.docId) || x.anchor.start - y.anchor.start);
  if (highlights.length) out.push('## Highlights', '');
  let lastDoc: string | null = null;
  for (const h of highlights) {
    if (h.docId !== lastDoc) out.push(`### ${markdownLine(documentName(ctx, h.docId))}`, '');
    lastDoc = h.docId;
    out.push(quoteBlock(h.anchor.quote), '', `*${markdownLine(h.label ?? ctx.colour(h.color))}*`, '');
    for (const n of notesOn(h)) out.push(markdownText(n.text), '');
    const at = { start: h.anchor.start, end: h.anchor.end };
    out.push(linkLine('Open this passage in Refrain', ctx.link(formatHash({ name: 'doc', id: h.docId, mode: 'text', at: at.start, hl: at }))), '');
  }

  const family = notes.filter((n) => n.target.type === 'family');
  if (family.length) out.push('## Formulas', '');
  for (const n of family) {
    if (n.target.type !== 'family') continue;
    const label = ctx.formula(n.target.familyId);
    out.push(`### ${label === undefined ? 'A formula this corpus’s analysis no longer finds' : `“${markdownLine(label)}”`}`, '', markdownText(n.text), '');
    if (label !== undefined) out.push(linkLine('Open this formula in Refrain', ctx.link(formatHash({ name: 'family', id: n.target.familyId }))), '');
  }

  const pairs = notes.filter((n) => n.target.type === 'pair');
  if (pairs.length) out.push('## Comparisons', '');
  for (const n of pairs) {
    if (n.target.type !== 'pair') continue;
    const { a, b } = n.target;
    out.push(`### ${markdownLine(documentName(ctx, a))}`, '', `compared with **${markdownLine(documentName(ctx, b))}**`, '', markdownText(n.text), '');
    out.push(linkLine('Open this comparison in Refrain', ctx.link(formatHash(compareView(a, b)))), '');
  }
  if (!highlights.length && !notes.length) out.push('No highlights or notes yet.', '');
  return out.join('\n');
}
