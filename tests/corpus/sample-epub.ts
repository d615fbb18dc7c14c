/** An EPUB built as book makers write them, for the readers' tests. */
import { strToU8, zipSync, type Zippable } from 'fflate';

const chapter = (title: string, body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${title}</title><style>p{}</style></head><body><h2>${title}</h2>${body}</body></html>`;

/** An EPUB as a book maker writes one: `mimetype` first and stored, a container, a package in a folder, chapters under it. */
export function epub(parts: { metadata?: string; manifest?: string; spine?: string; files?: Zippable } = {}): Uint8Array {
  const opf = `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">${parts.metadata ?? '<dc:title>The River Papers</dc:title><dc:creator>Ann Lee</dc:creator><dc:creator>Bo Chen</dc:creator><dc:publisher>Valley Press</dc:publisher><dc:date>1911-03-02</dc:date><dc:language>en</dc:language><meta property="dcterms:modified">2020-01-01T00:00:00Z</meta>'}</metadata>
<manifest>${parts.manifest ?? '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/><item id="c1" href="Text/chapter%201.xhtml" media-type="application/xhtml+xml"/><item id="c2" href="Text/ch2.xhtml" media-type="application/xhtml+xml"/><item id="notes" href="Text/notes.xhtml" media-type="application/xhtml+xml"/>'}</manifest>
<spine>${parts.spine ?? '<itemref idref="c2"/><itemref idref="notes" linear="no"/><itemref idref="c1"/>'}</spine></package>`;
  return zipSync(
    {
      mimetype: [strToU8('application/epub+zip'), { level: 0 }],
      'META-INF/container.xml': strToU8('<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'),
      'OEBPS/content.opf': strToU8(opf),
      'OEBPS/nav.xhtml': strToU8(chapter('Contents', '<nav><ol><li>One</li></ol></nav>')),
      'OEBPS/Text/chapter 1.xhtml': strToU8(chapter('Chapter Two', '<p>The bridge was finished in spring.</p><p>Nobody came.</p>')),
      'OEBPS/Text/ch2.xhtml': strToU8(chapter('Chapter One', '<p>The river rose &amp; fell.<br/>Twice.</p>')),
      'OEBPS/Text/notes.xhtml': strToU8(chapter('Notes', '<p>A note.</p>')),
      ...parts.files,
    },
    { level: 6 },
  );
}
