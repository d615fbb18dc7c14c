import { describe, expect, it } from 'vitest';
import { applySelection, buildImport, scanFiles, summarize } from '../../src/interop/index.ts';
import { codePoints, jsonl, memorySource } from './helpers.ts';

/** 40 documents in 4 series over 4 years; cluster k joins documents k, k+1 and k+2 on their shared sentence. */
function corpus() {
  const SHARED = 'the river council promised to rebuild the old stone bridge before winter';
  const docs = Array.from({ length: 40 }, (_, i) => ({
    id: `d${String(i).padStart(2, '0')}`,
    series: `Outlet ${'ABCD'[i % 4]}`,
    date: `${2018 + (i % 4)}-0${1 + (i % 9)}-15`,
    text: `Report ${i} opens with its own words. Then ${SHARED} number ${Math.floor(i / 3)}. It closes on story ${i}.`,
  }));
  const clusters: Record<string, unknown>[] = [];
  for (let k = 0; k + 2 < 40; k += 3) {
    for (const d of docs.slice(k, k + 3)) {
      const start = d.text.indexOf('Then');
      const end = d.text.indexOf(' It closes');
      clusters.push({ cluster: k, id: d.id, begin: codePoints(d.text, start), end: codePoints(d.text, end), text: d.text.slice(start, end), size: 3 });
    }
  }
  return [memorySource('corpus.jsonl', jsonl(docs), 512), memorySource('out.json/part-0', jsonl(clusters), 512)];
}

describe('summarize', () => {
  it('counts documents by series and year, and clusters by size', async () => {
    const s = summarize(await scanFiles(corpus()));
    expect(s.documents).toBe(40);
    expect(s.series).toEqual(['A', 'B', 'C', 'D'].map((x) => ({ name: `Outlet ${x}`, documents: 10 })));
    expect(s.years.map((y) => y.year)).toEqual(['2018', '2019', '2020', '2021']);
    expect(s.clusters).toBe(13);
    expect(s.clusterSizes[0]).toEqual({ atLeast: 2, clusters: 13 });
    expect(s.clusterSizes[1]).toEqual({ atLeast: 3, clusters: 13 });
  });
});

describe('applySelection', () => {
  it('keeps documents by series and date range, and says what is left out', async () => {
    const scan = await scanFiles(corpus());
    const sel = applySelection(scan, { series: ['Outlet A', 'Outlet B'], from: '2018', to: '2019-06' });
    // Series A is 2018, series B is 2019 (months 2, 6, 1, …): in range up to June.
    const kept = scan.ids.filter((_, d) => sel.keep[d]);
    expect(kept.every((id) => ['A', 'B'].includes('ABCD'[Number(id.slice(1)) % 4]!))).toBe(true);
    expect(sel.documents).toBe(kept.length);
    expect(sel.left.documents).toBe(40 - kept.length);
    expect(sel.left.clusters + sel.left.clustersCut).toBeGreaterThan(0);
    expect(sel.tooLarge).toBeNull();
  });

  it('keeps the documents of clusters touching given documents, or of at least a size', async () => {
    const scan = await scanFiles(corpus());
    const touching = applySelection(scan, { touching: ['d04', 'nope'] });
    expect(scan.ids.filter((_, d) => touching.keep[d])).toEqual(['d03', 'd04', 'd05']);
    expect(touching.unknownIds).toEqual(['nope']);
    expect(touching.left.clusters).toBe(12);
    expect(applySelection(scan, { minSize: 4 }).documents).toBe(0);
    expect(() => applySelection(scan, { from: '2019/01' })).toThrow(/from: expected YYYY/);
  });

  it('says when a selection is still over the limits', async () => {
    const scan = await scanFiles(corpus());
    expect(applySelection(scan, {}, { documents: 10, bytes: 1e9 }).tooLarge).toMatch(/40 documents; the browser holds at most 10/);
    expect(applySelection(scan, {}, { documents: 100, bytes: 1000 }).tooLarge).toMatch(/MB of text/);
  });

  it('imports a selection of a corpus scanned over the limits, re-reading only the texts it keeps', async () => {
    const sources = corpus();
    const scan = await scanFiles(sources, { limits: { documents: 10, bytes: 1e9 } });
    expect(scan.texts).toBeNull();
    const sel = applySelection(scan, { series: ['Outlet C'] }, { documents: 10, bytes: 1e9 });
    expect(sel.tooLarge).toBeNull();
    const imported = await buildImport(sources, scan, sel.keep);
    expect(imported.documents.map((d) => d.meta.outlet)).toEqual(Array(10).fill('Outlet C'));
    expect(imported.documents.every((d) => d.text.startsWith('Report'))).toBe(true);
    // Each cluster holds at most one document of one series: no family survives, and the report says why.
    expect(imported.result.families).toEqual([]);
    expect(imported.report.clustersDropped.outsideSelection).toBe(10);
  });
});
