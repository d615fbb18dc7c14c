/**
 * Import throughput: MB/s of files through `importItem` (decode, HTML to
 * text, metadata, cleaning) — the work the worker does per file — for
 * saved news pages (.html) and plain text (.txt) of the synthetic corpus,
 * and the cost of hostile HTML (an unclosed `<!--` and an unclosed
 * `<script>`) at doubling sizes, whose growth ratio says whether the HTML
 * path is linear (≈ 2 per doubling) or quadratic (≈ 4).
 *
 * Times are the process's CPU time (process.cpuUsage), not wall time: the
 * work is single-threaded, and CPU time is far less disturbed by the other
 * processes of a shared machine.
 *
 *   npm run --silent bench -- --only=import
 */
import { importItem, type ImportFile } from '../../src/importer/read.ts';
import { registerSuite, round, type Metric } from './metrics.ts';
import { generateCorpus } from './synthetic-corpus.ts';

const enc = new TextEncoder();
/** CPU milliseconds of this process so far. */
const cpuMs = (): number => process.cpuUsage().user / 1000;
const MB = 1024 * 1024;

/** A synthetic article in the shape of a news page: header, navigation, share bar, body, related links, comments, footer, scripts. */
export function newsPage(id: string, title: string, text: string): string {
  const nav = Array.from({ length: 30 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join('');
  const related = Array.from({ length: 8 }, (_, i) => `<li><a href="/story/${id}-${i}">Related story number ${i} about the same theme</a></li>`).join('');
  const paras = text.split(/\n\n+/).map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | The Synthetic Post</title>
<meta property="og:site_name" content="The Synthetic Post"><meta property="og:title" content="${title}">
<meta property="article:published_time" content="2021-05-04T08:00:00Z"><meta name="author" content="Sam Writer">
<script>window.dataLayer=[];function track(){for(var i=0;i<10;i++){}}</script><style>body{font:16px serif}</style>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","datePublished":"2021-05-04","author":{"@type":"Person","name":"Sam Writer"},"publisher":{"@type":"Organization","name":"The Synthetic Post"}}</script>
</head><body><div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. <button>Accept all</button></div>
<header class="site-header"><a href="/">The Synthetic Post</a><nav><ul>${nav}</ul></nav></header>
<main><article><h1>${title}</h1><p class="byline">By Sam Writer</p><time datetime="2021-05-04">4 May 2021</time>
<div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
${paras}
<aside class="related"><h2>Related</h2><ul>${related}</ul></aside></article>
<section id="comments" class="comments"><h2>Comments</h2><div class="comment"><p>First! Great article, thanks for writing it.</p></div></section></main>
<footer><p>© 2021 The Synthetic Post. All rights reserved.</p></footer><script>track()</script></body></html>`;
}

function mbPerSecond(files: ImportFile[], minMs: number): { mbs: number; bytes: number; ms: number; refused: number } {
  const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
  let refused = 0;
  let runs = 0;
  const t = cpuMs();
  do {
    const taken = new Set<string>();
    for (const f of files) if (!importItem(f, taken).ok) refused++;
    runs++;
  } while (cpuMs() - t < minMs);
  const ms = (cpuMs() - t) / runs;
  return { mbs: bytes / MB / (ms / 1000), bytes, ms, refused };
}

/** The least CPU time of three runs (a garbage collection lands in one run or another). */
function timeOnce(file: ImportFile): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const t = cpuMs();
    importItem(file, new Set());
    best = Math.min(best, cpuMs() - t);
  }
  return best;
}

registerSuite({
  name: 'import',
  description: 'files through importItem (decode, HTML, metadata, cleaning): MB/s, and hostile HTML growth',
  async run(ctx) {
    const corpus = generateCorpus({ words: ctx.quick ? 60_000 : 300_000, docWords: 600, seed: 11 });
    const html: ImportFile[] = corpus.docs.map((d) => ({ kind: 'file', path: `${d.id}.html`, name: `${d.id}.html`, bytes: enc.encode(newsPage(d.id, `Synthetic story ${d.id}`, d.text)) }));
    const txt: ImportFile[] = corpus.docs.map((d) => ({ kind: 'file', path: `${d.id}.txt`, name: `${d.id}.txt`, bytes: enc.encode(d.text) }));
    mbPerSecond(html.slice(0, 20), 0); // warm-up
    mbPerSecond(txt.slice(0, 20), 0);
    const h = mbPerSecond(html, 2000);
    const t = mbPerSecond(txt, 2000);
    ctx.log(`html ${round(h.mbs, 2)} MB/s, txt ${round(t.mbs, 2)} MB/s`);
    const metrics: Metric[] = [
      { name: 'import_html_mb_per_s', value: round(h.mbs, 2), unit: 'MB/s', note: `${corpus.docs.length} news pages, ${round(h.bytes / MB, 1)} MB` },
      { name: 'import_txt_mb_per_s', value: round(t.mbs, 2), unit: 'MB/s', note: `${corpus.docs.length} text files, ${round(t.bytes / MB, 1)} MB` },
    ];
    const rows: Array<Array<string | number | null>> = [];
    const sizes = (ctx.flags.get('hostile-kb') ?? (ctx.quick ? '256,512' : '1024,2048,4096')).split(',').map(Number);
    // Openers that are never closed, repeated: each one sent the old regular expressions to the end of the file.
    for (const [kind, unit] of [['unclosed comment', '<!-- note '], ['unclosed script', '<script> var x '], ['lone less-than', 'a < b and ']] as const) {
      const ms = sizes.map((kb) => {
        const body = unit.repeat(Math.ceil((kb * 1024) / unit.length)).slice(0, kb * 1024);
        return timeOnce({ kind: 'file', path: 'hostile.html', name: 'hostile.html', bytes: enc.encode(`<p>Some text first.</p>${body}`) });
      });
      rows.push([kind, ...ms.map((m) => round(m, 0)), round((ms[ms.length - 1] ?? 0) / (ms[ms.length - 2] ?? 1), 2)]);
      metrics.push({ name: `import_hostile_${kind.replace(/[ -]/g, '_')}_doubling_ratio`, value: round((ms[ms.length - 1] ?? 0) / (ms[ms.length - 2] ?? 1), 2), unit: 'x', note: '≈ 2 linear, ≈ 4 quadratic' });
    }
    return {
      metrics,
      tables: [{ title: 'Hostile HTML: CPU ms per file by size', columns: ['input', ...sizes.map((kb) => `${kb} KB`), 'last doubling'], rows }],
    };
  },
});
