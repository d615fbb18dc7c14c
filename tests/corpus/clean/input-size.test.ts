/**
 * Issue #14 item 7: a text of ~125,000+ lines in one block was refused with
 * "Maximum call stack size exceeded" (`Math.max(...lens)` in the hard-wrap
 * test). Nothing in the cleaner may spread an input-sized array into a call.
 */
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/corpus/clean.ts';
import { longBlock } from './helpers.ts';

describe('cleanText on input of any size', () => {
  it('cleans a 200,000-line block without exhausting the stack', () => {
    const src = longBlock();
    const r = cleanText(src);
    expect(r.text.length).toBeGreaterThan(src.length / 2);
    expect(r.text).toContain('Entry 199999, box');
  }, 60_000);
});
