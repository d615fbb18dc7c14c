import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/corpus/clean/edits.ts';
import { mojibakeEdits, thaiRepairAllowed } from '../../../src/corpus/clean/mojibake.ts';

const fix = (s: string, thai = false) => applyEdits(s, mojibakeEdits(s, 0, s.length, thai));

describe('mojibakeEdits', () => {
  it('repairs UTF-8 read as Windows-1252, once or twice over', () => {
    expect(fix('Chinaâ€™s cafÃ©')).toBe('China’s café');
    expect(fix('isnÃ¢â‚¬â„¢t')).toBe('isn’t');
  });
  it('names the codec and both forms in the reason', () => {
    const [e] = mojibakeEdits('cafÃ©', 0, 5, false);
    expect(e?.rule).toBe('mojibake');
    expect(e?.reason).toBe('UTF-8 text decoded as Windows-1252: "Ã©" repaired to "é"');
  });
  it('leaves real accented text and lone high characters alone', () => {
    expect(mojibakeEdits('Ça coûte 5 € — déjà vu', 0, 22, false)).toEqual([]);
  });
  it('repairs Thai mojibake only when allowed', () => {
    expect(fix('Forum ยท Summit', true)).toBe('Forum · Summit');
    expect(fix('Forum ยท Summit', false)).toBe('Forum ยท Summit');
  });
  it('never leaves whitespace at a line end (a decoded NBSP at the edge stays as it was)', () => {
    const s = 'word Â\u00a0';
    expect(mojibakeEdits(s, 0, s.length, false)).toEqual([]);
  });
});

describe('thaiRepairAllowed', () => {
  it('allows the repair only when every Thai run is mis-decoded UTF-8', () => {
    expect(thaiRepairAllowed('Forum ยท Summit')).toBe(true);
    expect(thaiRepairAllowed('Forum ยท Summit ภาษาไทย')).toBe(false);
    expect(thaiRepairAllowed('no Thai at all')).toBe(false);
  });
});
