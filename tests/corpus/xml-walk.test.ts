import { describe, expect, it } from 'vitest';
import { walkXml } from '../../src/corpus/xml-walk.ts';

describe('walkXml', () => {
  it('gives elements, attributes and text in order, entities and CDATA read', () => {
    const events: string[] = [];
    walkXml('<?xml version="1.0"?><w:p a="x &amp; y" b=\'2\'><w:t>caf&#233; &lt;</w:t><w:br/><!-- no --><w:t><![CDATA[a < b]]></w:t></w:p>', {
      open: (name, attrs, selfClosing) => events.push(`open ${name} ${JSON.stringify(attrs)}${selfClosing ? ' /' : ''}`),
      close: (name) => events.push(`close ${name}`),
      text: (t) => events.push(`text ${t}`),
    });
    expect(events).toEqual([
      'open w:p {"a":"x & y","b":"2"}',
      'open w:t {}',
      'text caf',
      'text é',
      'text  ',
      'text <',
      'close w:t',
      'open w:br {} /',
      'open w:t {}',
      'text a < b',
      'close w:t',
      'close w:p',
    ]);
  });
});
