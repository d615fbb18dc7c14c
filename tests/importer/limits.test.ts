import { describe, expect, it } from 'vitest';
import { isPacked, LIMITS_SENTENCE, MAX_CORPUS_BYTES, MAX_CORPUS_DOCUMENTS, MAX_FILE_BYTES, MAX_PACKED_FILE_BYTES, fileSizeProblem, formatBytes, limitProblem } from '../../src/importer/limits.ts';

describe('limits', () => {
  it('are stated in one sentence', () => {
    expect(LIMITS_SENTENCE).toBe('Up to 5 MB per file (50 MB for a PDF, Word, EPUB or saved page, whose bytes are mostly pictures), 2,000 documents and 50 MB per corpus.');
    expect(formatBytes(1536)).toBe('2 KB');
  });
  it('refuse a file over the per-file limit', () => {
    expect(limitProblem(MAX_FILE_BYTES, { documents: 0, bytes: 0 })).toBeNull();
    expect(limitProblem(MAX_FILE_BYTES + 1, { documents: 0, bytes: 0 })).toMatch(/limit is 5 MB per file/);
  });
  it('let a PDF, Word, EPUB file or saved page be larger, its bytes not counted towards the corpus before its text is known', () => {
    expect(['r.pdf', 'e.DOCX', 'o.doc', 'b.epub', 'p.mhtml', 's.webarchive', 'x.odt', 'w.rtf'].every((n) => isPacked(n))).toBe(true);
    expect(['a.txt', 'a.html', 'a.csv', 'a.xlsx', 'a.md', 'download'].some((n) => isPacked(n))).toBe(false);
    // By its first bytes, whatever its name.
    expect(isPacked('download', new TextEncoder().encode('%PDF-1.7\n'))).toBe(true);
    expect(isPacked('notes.txt', new TextEncoder().encode('{\\rtf1\\ansi'))).toBe(true);
    expect(isPacked('download', new TextEncoder().encode('Plain words'))).toBe(false);
    expect(fileSizeProblem(20 * 1024 * 1024, true)).toBeNull();
    expect(fileSizeProblem(MAX_PACKED_FILE_BYTES + 1, true)).toMatch(/limit is 50 MB per file of this kind/);
  });
  it('refuse document 2,001 and the byte that crosses 50 MB', () => {
    expect(limitProblem(10, { documents: MAX_CORPUS_DOCUMENTS - 1, bytes: 0 })).toBeNull();
    expect(limitProblem(10, { documents: MAX_CORPUS_DOCUMENTS, bytes: 0 })).toMatch(/at most 2,000/);
    expect(limitProblem(10, { documents: 1, bytes: MAX_CORPUS_BYTES - 10 })).toBeNull();
    expect(limitProblem(11, { documents: 1, bytes: MAX_CORPUS_BYTES - 10 })).toMatch(/limit is 50 MB per corpus/);
  });
});
