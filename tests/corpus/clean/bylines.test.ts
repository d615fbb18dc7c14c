import { describe, expect, it } from 'vitest';
import { bylineReason } from '../../../src/corpus/clean/bylines.ts';
import { lineOf } from './helpers.ts';

describe('bylineReason', () => {
  it('recognises bylines, e-mails and date stamps', () => {
    expect(bylineReason(lineOf('By Jane Doe | Updated'))).toMatch(/^byline/);
    expect(bylineReason(lineOf('Reporter: Li Wei'))).toMatch(/^byline/);
    expect(bylineReason(lineOf('jane.doe@planet.com'))).toMatch(/e-mail/);
    expect(bylineReason(lineOf('October 25, 2019'))).toMatch(/date stamp/);
    expect(bylineReason(lineOf('09:23, October 25, 2019'))).toMatch(/date stamp/);
    expect(bylineReason(lineOf('Updated: 2019-10-25 14:02'))).toMatch(/date stamp/);
  });
  it('leaves sentences and long lines alone', () => {
    expect(bylineReason(lineOf('By the end of the year, prices had doubled.'))).toBeUndefined();
    expect(bylineReason(lineOf('By one two three four five six seven eight nine ten eleven twelve thirteen fourteen'))).toBeUndefined();
  });
});
