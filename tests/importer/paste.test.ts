import { describe, expect, it } from 'vitest';
import { pastedFile } from '../../src/importer/paste.ts';

describe('pastedFile', () => {
  it('is a .txt file named after the title, holding the text and the fields given', async () => {
    const f = pastedFile('Words pasted in.', { title: 'Bridge: costs rise (again)!' });
    expect(f).toMatchObject({ name: 'Bridge-costs-rise-again.txt', path: 'Bridge-costs-rise-again.txt', size: 16 });
    const item = await f.load();
    expect(item).toMatchObject({ kind: 'file', fields: { title: 'Bridge: costs rise (again)!' } });
    expect(new TextDecoder().decode((item as { bytes: Uint8Array }).bytes)).toBe('Words pasted in.');
  });

  it('without a usable title, gets a name of its own each time', () => {
    const a = pastedFile('x', { title: '!!!' }, 1000);
    const b = pastedFile('y', {}, 1000);
    expect(a.name).toMatch(/^pasted-rs-\d+\.txt$/);
    expect(b.name).not.toBe(a.name);
  });
});
